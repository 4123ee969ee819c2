package io.mystocks.worker.redis;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker reaches Redis.
 *
 * @param address  a single server as {@code redis://host:port} (or {@code rediss://} for TLS)
 * @param timeout  how long one command may take before it fails
 */
@Validated
@ConfigurationProperties("mystocks.redis")
record RedisProperties(
        @DefaultValue("redis://127.0.0.1:6379") @NotBlank String address,
        @DefaultValue("3s") @DurationMin(millis = 1) Duration timeout) {
}
