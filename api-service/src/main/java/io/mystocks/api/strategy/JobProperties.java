package io.mystocks.api.strategy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Strategy job handling.
 *
 * @param retention   how long job states stay readable in Redis
 * @param sendTimeout how long submitting a job may wait for Kafka before the client gets 503
 */
@Validated
@ConfigurationProperties("mystocks.jobs")
record JobProperties(@DefaultValue("7d") @NotNull Duration retention,
                     @DefaultValue("10s") @NotNull Duration sendTimeout) {
    JobProperties {
        if (sendTimeout != null && sendTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("mystocks.jobs.send-timeout must be at least 1s: " + sendTimeout);
        }
    }
}
