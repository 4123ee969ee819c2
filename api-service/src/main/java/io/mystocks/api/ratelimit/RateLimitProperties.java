package io.mystocks.api.ratelimit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client request limits, enforced by each replica on its own: with N replicas behind a load
 * balancer a client may make up to N times as many requests.
 *
 * @param enabled           whether requests are limited at all
 * @param requestsPerSecond the sustained rate a client may keep up
 * @param burst             how many requests a client may make at once after being idle
 * @param trustForwardedFor whether the client is the first address of {@code X-Forwarded-For} (only
 *                          behind a proxy that sets it, or clients could pick their own identity);
 *                          otherwise the connection's remote address
 * @param maxClients        the most clients tracked at once; the least recently seen are dropped
 * @param idleExpiry        how long a client is remembered after its last request
 */
@Validated
@ConfigurationProperties("mystocks.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
                           @DefaultValue("2000") @Min(1) @Max(10_000_000) int requestsPerSecond,
                           @DefaultValue("4000") @Min(1) @Max(100_000_000) int burst,
                           @DefaultValue("false") boolean trustForwardedFor,
                           @DefaultValue("100000") @Min(1) int maxClients,
                           @DefaultValue("5m") @NotNull Duration idleExpiry) {
}
