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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The Redisson client and the adapters built on it (job states, idempotency keys, the results
 * rebuild's marker and lock, the response cache's shared level, the probe); the only place the service
 * touches Redisson.
 * Values are JSON strings written with the shared contract mapper, so the workers read the same bytes.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    /** Job states, idempotency keys and the results rebuild, in database 0, where the workers write too. */
    @Bean(destroyMethod = "shutdown")
    @Primary
    RedissonClient redissonClient(RedisProperties properties) {
        return client(properties, 0, properties.connectionPoolSize(), 4);
    }

    /**
     * The response cache's own database. Its pool is as large as the jobs' one: a burst of cache misses puts a
     * lookup per request in flight, and a smaller pool made them queue past the cache's 100 ms timeout.
     */
    @Bean(destroyMethod = "shutdown")
    RedissonClient cacheRedissonClient(RedisProperties properties) {
        return client(properties, properties.cacheDatabase(), properties.connectionPoolSize(), 2);
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
    SharedCache redisSharedCache(@Qualifier("cacheRedissonClient") RedissonClient cacheRedisson,
                                 RedisProperties properties) {
        return new RedisSharedCache(cacheRedisson.reactive(), properties.address(), properties.cacheDatabase());
    }

    @Bean
    PeriodicProbe redisProbe(RedissonClient redisson, RedisProperties properties) {
        return new RedisProbe(redisson, properties.address(), properties.timeout());
    }

    private static RedissonClient client(RedisProperties properties, int database, int poolSize, int nettyThreads) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // Connect on first use, so the API starts (and reports Redis down) while Redis is away.
        config.setLazyInitialization(true);
        config.setNettyThreads(nettyThreads);
        config.setThreads(2);
        config.useSingleServer()
                .setAddress(properties.address())
                .setDatabase(database)
                .setConnectionPoolSize(poolSize)
                .setConnectionMinimumIdleSize(Math.min(properties.connectionMinimumIdleSize(), poolSize))
                .setSubscriptionConnectionPoolSize(1)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setTimeout(millis(properties.timeout()))
                .setConnectTimeout(millis(properties.connectTimeout()))
                .setRetryAttempts(properties.retryAttempts())
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(200)));
        return Redisson.create(config);
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
