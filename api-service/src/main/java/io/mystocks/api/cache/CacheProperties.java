package io.mystocks.api.cache;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The response cache.
 *
 * @param l1MaxEntries  entries kept in process per cache; the least used go first
 * @param l1Ttl         how long an entry stays in process
 * @param l2Enabled     whether Redis is used as the shared second level
 * @param l2Ttl         how long an entry stays in Redis
 * @param l2Timeout     how long a lookup waits for Redis before computing instead
 * @param l2Backoff     how long Redis is left alone after it failed, so that an outage costs each
 *                      request nothing rather than a timeout
 * @param l2MinCompute  how long this cache's computations must take on average for Redis to be used: an answer
 *                      computed faster is cheaper to compute again than to fetch, decode and store, so it stays
 *                      in process; zero uses Redis for every answer
 * @param prefix        the prefix of every cache key in Redis, which names them for a reader of the cache's
 *                      database (see {@code mystocks.redis.cache-database})
 */
@Validated
@ConfigurationProperties("mystocks.cache")
record CacheProperties(@DefaultValue("10000") @Min(1) long l1MaxEntries,
                       @DefaultValue("10s") @NotNull Duration l1Ttl,
                       @DefaultValue("true") boolean l2Enabled,
                       @DefaultValue("5m") @NotNull Duration l2Ttl,
                       @DefaultValue("100ms") @NotNull Duration l2Timeout,
                       @DefaultValue("5s") @NotNull Duration l2Backoff,
                       @DefaultValue("1ms") @NotNull Duration l2MinCompute,
                       @DefaultValue("mystocks:cache:") @NotBlank String prefix) {
    CacheProperties {
        if (prefix != null && !prefix.endsWith(":")) {
            throw new IllegalArgumentException("mystocks.cache.prefix must end with ':' so that it cannot match "
                    + "other keys: " + prefix);
        }
    }

    /** The same settings with another {@code l2MinCompute}. */
    CacheProperties withL2MinCompute(Duration minimum) {
        return new CacheProperties(l1MaxEntries, l1Ttl, l2Enabled, l2Ttl, l2Timeout, l2Backoff, minimum, prefix);
    }
}
