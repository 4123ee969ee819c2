package io.mystocks.indicators;

import io.mystocks.contracts.Topics;
import io.mystocks.indicators.topology.KafkaDeadLetterPublisher;
import io.mystocks.indicators.topology.MarketTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link MarketTopology} in a {@link KafkaStreams} client for as long as the application
 * context lives: makes sure the topics exist, starts the client, and closes it (committing what it
 * processed, and leaving the consumer group unless configured otherwise, so that a restart is not held up
 * by the old membership) on shutdown. A stream thread that dies stops the whole client, which the health
 * indicator then reports, rather than a degraded client limping on with fewer threads.
 */
@Component
final class StreamsLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private final StreamsSettings settings;
    private final Clock clock;
    private volatile KafkaStreams streams;
    private volatile KafkaDeadLetterPublisher deadLetters;
    private volatile boolean hasRun;

    StreamsLifecycle(StreamsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        TopicProvisioner.ensure(settings.bootstrapServers(), Topics.all(), settings.replicationFactor().shortValue());
        deadLetters = KafkaDeadLetterPublisher.create(settings.bootstrapServers(),
                settings.applicationId() + "-dead-letters");
        KafkaStreams client = new KafkaStreams(MarketTopology.build(settings, clock),
                MarketTopology.streamsProperties(settings, deadLetters, clock));
        client.setStateListener(this::onStateChange);
        client.setUncaughtExceptionHandler(exception -> {
            log.error("Stream thread failed; stopping the Streams client", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        client.start();
        streams = client;
        log.info("Started Streams application {} on {} with state in {}", settings.applicationId(),
                settings.bootstrapServers(), settings.stateDir().toAbsolutePath());
    }

    @Override
    public synchronized void stop() {
        KafkaStreams client = streams;
        if (client == null) {
            return;
        }
        log.info("Closing Streams application {}{}", settings.applicationId(),
                settings.leaveGroupOnClose() ? " and leaving its group" : "");
        boolean closed = client.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT)
                .leaveGroup(settings.leaveGroupOnClose()));
        if (!closed) {
            log.warn("Streams application {} did not close within {}", settings.applicationId(), CLOSE_TIMEOUT);
        }
        deadLetters.close();
        streams = null;
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The client's state, empty before it starts and after it stops. */
    Optional<KafkaStreams.State> state() {
        KafkaStreams client = streams;
        return client == null ? Optional.empty() : Optional.of(client.state());
    }

    /** Whether the client has been RUNNING since it started. */
    boolean hasRun() {
        return hasRun;
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
        if (newState == KafkaStreams.State.ERROR) {
            log.error("Streams application {} went from {} to {}", settings.applicationId(), oldState, newState);
        } else {
            log.info("Streams application {} went from {} to {}", settings.applicationId(), oldState, newState);
        }
    }
}
