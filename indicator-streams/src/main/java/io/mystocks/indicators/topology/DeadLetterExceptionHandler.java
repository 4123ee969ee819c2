package io.mystocks.indicators.topology;

import io.mystocks.contracts.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an input record that cannot be deserialized to the dead-letter topic, then lets the stream
 * go on: one bad record must not stop every symbol of its partition. If the dead letter cannot be
 * written, the stream fails instead, so that no record is skipped without a trace.
 *
 * <p>Kafka creates this handler from its class name; the publisher (and optionally the clock) come in
 * through the Streams configuration under {@link #PUBLISHER_CONFIG} and {@link #CLOCK_CONFIG}.
 */
public final class DeadLetterExceptionHandler implements DeserializationExceptionHandler {
    /** Configuration key holding the {@link DeadLetterPublisher} instance. */
    public static final String PUBLISHER_CONFIG = "mystocks.dead.letter.publisher";
    /** Configuration key holding the {@link Clock} that stamps dead letters; the system clock if absent. */
    public static final String CLOCK_CONFIG = "mystocks.dead.letter.clock";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private DeadLetterPublisher publisher;
    private Clock clock;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(PUBLISHER_CONFIG) instanceof DeadLetterPublisher configured)) {
            throw new ConfigException(PUBLISHER_CONFIG, configs.get(PUBLISHER_CONFIG),
                    "must hold a DeadLetterPublisher instance; MarketTopology.streamsProperties sets it");
        }
        publisher = configured;
        clock = configs.get(CLOCK_CONFIG) instanceof Clock configuredClock ? configuredClock : Clock.systemUTC();
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        String source = record.topic() + '/' + record.partition() + '/' + record.offset();
        String reason = String.valueOf(exception.getMessage());
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        try {
            publisher.publish(key, new DeadLetter(source, List.of(reason), payload, clock.instant()));
        } catch (DeadLetterPublisher.DeadLetterException e) {
            log.error("Cannot dead-letter the undeserializable record {}; failing the stream", source, e);
            return DeserializationHandlerResponse.FAIL;
        }
        log.warn("Dead-lettered undeserializable record {}: {}", source, reason);
        return DeserializationHandlerResponse.CONTINUE;
    }
}
