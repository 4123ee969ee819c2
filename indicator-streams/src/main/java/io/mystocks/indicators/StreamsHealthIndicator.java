package io.mystocks.indicators;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while the Streams client is RUNNING, and while it is REBALANCING after it has run: a rebalance
 * is a routine pause of seconds (an instance joining or leaving), and flapping to DOWN for it would
 * make orchestrators restart healthy instances. Before the client first runs, and in every other state
 * (ERROR, PENDING_SHUTDOWN, NOT_RUNNING), it is DOWN.
 */
@Component("kafkaStreams")
final class StreamsHealthIndicator implements HealthIndicator {
    private final StreamsLifecycle lifecycle;

    StreamsHealthIndicator(StreamsLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        return lifecycle.state()
                .map(state -> (isUp(state) ? Health.up() : Health.down()).withDetail("state", state.name()).build())
                .orElseGet(() -> Health.down().withDetail("state", "NOT_STARTED").build());
    }

    private boolean isUp(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING
                || state == KafkaStreams.State.REBALANCING && lifecycle.hasRun();
    }
}
