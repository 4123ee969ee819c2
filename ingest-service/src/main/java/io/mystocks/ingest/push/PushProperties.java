package io.mystocks.ingest.push;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP push feed, {@code POST /api/ingest/quotes}.
 *
 * @param enabled    whether the endpoint exists at all
 * @param maxRecords most quotes one request may carry; more is refused whole with 413
 * @param maxBytes   largest body one request may carry; larger is refused whole with 413
 * @param token      shared secret the caller must send as {@code X-Ingest-Token}; unset or blank turns the check
 *                   off, which suits a feed reachable only from inside the deployment
 * @param ackTimeout how long a request waits for Kafka to acknowledge its quotes; a quote not acknowledged in
 *                   time is reported {@code failed}
 */
@Validated
@ConfigurationProperties("mystocks.push")
public record PushProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxRecords,
        @DefaultValue("1MB") @NotNull DataSize maxBytes,
        String token,
        @DefaultValue("30s") @NotNull Duration ackTimeout) {

    public PushProperties {
        if (maxBytes != null && (maxBytes.toBytes() < 1 || maxBytes.toBytes() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("mystocks.push.max-bytes must be between 1 B and 2 GB, was "
                    + maxBytes);
        }
        if (ackTimeout != null && (ackTimeout.isZero() || ackTimeout.isNegative())) {
            throw new IllegalArgumentException("mystocks.push.ack-timeout must be positive, was " + ackTimeout);
        }
        token = token == null || token.isBlank() ? null : token;
    }

    /** The defaults: enabled, 1,000 quotes and 1 MiB per request, no token, 30 s to acknowledge. */
    public static PushProperties defaults() {
        return new PushProperties(true, 1000, DataSize.ofMegabytes(1), null, Duration.ofSeconds(30));
    }

    boolean tokenRequired() {
        return token != null;
    }
}
