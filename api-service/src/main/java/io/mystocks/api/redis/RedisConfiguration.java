package io.mystocks.api.redis;

import io.mystocks.api.cache.SharedCache;
import io.mystocks.api.health.PeriodicProbe;
import io.mystocks.api.strategy.IdempotencyStore;
import io.mystocks.api.strategy.JobStateStore;
import io.mystocks.api.strategy.ResultsStore;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client and the adapters built on it (job states, idempotency keys, the results
 * rebuild's marker and lock, the response cache's shared level, the probe); the only place the service
 * touches Redisson.
 * Values are JSON strings written with the shared contract mapper, so the workers read the same bytes.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // Connect on first use, so the API starts (and reports Redis down) while Redis is away.
        config.setLazyInitialization(true);
        config.setNettyThreads(4);
        config.setThreads(2);
        config.useSingleServer()
                .setAddress(properties.address())
                .setConnectionPoolSize(properties.connectionPoolSize())
                .setConnectionMinimumIdleSize(
                        Math.min(properties.connectionMinimumIdleSize(), properties.connectionPoolSize()))
                .setSubscriptionConnectionPoolSize(1)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setTimeout(millis(properties.timeout()))
                .setConnectTimeout(millis(properties.connectTimeout()))
                .setRetryAttempts(properties.retryAttempts())
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(200)));
        return Redisson.create(config);
    }

    @Bean
    JobStateStore redisJobStateStore(RedissonClient redisson) {
        return new RedisJobStateStore(redisson.reactive());
    }

    @Bean
    IdempotencyStore redisIdempotencyStore(RedissonClient redisson) {
        return new RedisIdempotencyStore(redisson.reactive());
    }

    @Bean
    ResultsStore redisResultsStore(RedissonClient redisson) {
        return new RedisResultsStore(redisson.reactive());
    }

    @Bean
    SharedCache redisSharedCache(RedissonClient redisson, RedisProperties properties) {
        return new RedisSharedCache(redisson.reactive(), properties.address());
    }

    @Bean
    PeriodicProbe redisProbe(RedissonClient redisson, RedisProperties properties) {
        return new RedisProbe(redisson, properties.address(), properties.timeout());
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
