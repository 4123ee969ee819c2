package io.mystocks.worker.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker reaches Kafka.
 *
 * @param bootstrapServers  the brokers, {@code host:port} separated by commas
 * @param replicationFactor replication factor of the topics this worker creates when they are missing
 * @param startupTimeout    how long start-up waits for the brokers before giving up
 * @param properties        extra client settings (security, TLS) applied to every client
 */
@Validated
@ConfigurationProperties("mystocks.kafka")
public record KafkaClientProperties(
        @DefaultValue("127.0.0.1:9092") @NotBlank String bootstrapServers,
        @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
        @DefaultValue("60s") @DurationMin(millis = 1) Duration startupTimeout,
        Map<String, String> properties) {

    public KafkaClientProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The settings every client shares, with its own client id; callers add their role's settings. */
    public Map<String, Object> clientConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
