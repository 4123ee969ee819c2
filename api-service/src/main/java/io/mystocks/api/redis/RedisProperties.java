package io.mystocks.api.redis;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis server holding job states. Timeouts are short so that a request fails fast with 503
 * when Redis is away rather than holding the client.
 *
 * @param address                   {@code redis://host:port} (env {@code REDIS_ADDRESS})
 * @param timeout                   how long one command may wait for its answer
 * @param retryAttempts             how many times a failed command is retried
 * @param cacheDatabase             the Redis database of the response cache's shared level, which holds nothing
 *                                  else: clearing the cache empties it and counting its entries is DBSIZE, where
 *                                  a scan of a keyspace full of job states would cost milliseconds per call. Job
 *                                  states stay in database 0, so it cannot be 0.
 */
@Validated
@ConfigurationProperties("mystocks.redis")
record RedisProperties(@DefaultValue("redis://127.0.0.1:6379") @NotBlank String address,
                       @DefaultValue("8") @Min(1) int connectionPoolSize,
                       @DefaultValue("1") @Min(0) int connectionMinimumIdleSize,
                       @DefaultValue("1s") @NotNull Duration timeout,
                       @DefaultValue("1s") @NotNull Duration connectTimeout,
                       @DefaultValue("1") @Min(0) int retryAttempts,
                       @DefaultValue("1") @Min(1) int cacheDatabase) {
}
