package io.mystocks.ingest.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service uses Kafka beyond the client settings under {@code spring.kafka}.
 *
 * @param replicationFactor replication factor of the topics this service creates; 1 for a single broker,
 *                          3 for a production cluster
 * @param healthInterval    how often the background probe checks that the cluster answers
 * @param requestTimeout    how long one admin call (probe, topic listing or creation) may take
 */
@Validated
@ConfigurationProperties("mystocks.kafka")
public record KafkaSettings(
        @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
        @DefaultValue("10s") @NotNull Duration healthInterval,
        @DefaultValue("10s") @NotNull Duration requestTimeout) {

    public KafkaSettings {
        requirePositive("health-interval", healthInterval);
        requirePositive("request-timeout", requestTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException("mystocks.kafka." + name + " must be positive, was " + value);
        }
    }
}
