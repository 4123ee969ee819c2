package io.mystocks.api.strategy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Strategy job handling.
 *
 * @param retention            how long job states, cancel requests and idempotency keys stay in Redis
 * @param sendTimeout          how long submitting a job may wait for Kafka before the client gets 503
 * @param workerGroup          the workers' consumer group, whose lag on {@code strategy.jobs} is the queue depth
 * @param maxQueueDepth        from this many jobs waiting or running, submissions get 503
 * @param queueDepthInterval   how often the queue depth is measured, in the background
 * @param eventsPollInterval   how often a job-events stream reads the job's state
 * @param eventsHeartbeat      how often a job-events stream sends a comment while nothing changes
 * @param rebuildCheckInterval how often the marker of a complete Redis is looked for; a missing one
 *                             starts a rebuild of the job results from {@code strategy.results}
 */
@Validated
@ConfigurationProperties("mystocks.jobs")
record JobProperties(@DefaultValue("7d") @NotNull Duration retention,
                     @DefaultValue("10s") @NotNull Duration sendTimeout,
                     @DefaultValue("mystocks-strategy-workers") @NotBlank String workerGroup,
                     @DefaultValue("10000") @Min(1) @Max(100_000_000) long maxQueueDepth,
                     @DefaultValue("1s") @NotNull Duration queueDepthInterval,
                     @DefaultValue("500ms") @NotNull Duration eventsPollInterval,
                     @DefaultValue("15s") @NotNull Duration eventsHeartbeat,
                     @DefaultValue("5s") @NotNull Duration rebuildCheckInterval) {
    JobProperties {
        atLeast("send-timeout", sendTimeout, Duration.ofSeconds(1));
        atLeast("retention", retention, Duration.ofMinutes(1));
        between("queue-depth-interval", queueDepthInterval, Duration.ofMillis(100), Duration.ofMinutes(1));
        between("events-poll-interval", eventsPollInterval, Duration.ofMillis(50), Duration.ofSeconds(5));
        atLeast("events-heartbeat", eventsHeartbeat, Duration.ofSeconds(1));
        atLeast("rebuild-check-interval", rebuildCheckInterval, Duration.ofMillis(100));
    }

    /**
     * How long a queue depth stays usable: a few missed measurements are tolerated, then the depth
     * counts as unknown and stops holding submissions back.
     */
    Duration queueDepthMaxAge() {
        return queueDepthInterval.multipliedBy(5);
    }

    private static void atLeast(String name, Duration value, Duration least) {
        if (value != null && value.compareTo(least) < 0) {
            throw new IllegalArgumentException("mystocks.jobs." + name + " must be at least " + least + ": " + value);
        }
    }

    private static void between(String name, Duration value, Duration least, Duration most) {
        atLeast(name, value, least);
        if (value != null && value.compareTo(most) > 0) {
            throw new IllegalArgumentException("mystocks.jobs." + name + " must be at most " + most + ": " + value);
        }
    }
}
