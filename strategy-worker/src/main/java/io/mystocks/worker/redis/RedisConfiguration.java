package io.mystocks.worker.redis;

import io.mystocks.worker.health.CachedProbe;
import io.mystocks.worker.health.HealthProperties;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redisson client, the job store built on it and the Redis health probe. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    /**
     * Connects lazily, so that the worker starts while Redis is still coming up; the health probe says
     * when it is reachable.
     */
    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(RedisProperties redis) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        int timeoutMs = Math.toIntExact(redis.timeout().toMillis());
        config.useSingleServer()
                .setAddress(redis.address())
                .setTimeout(timeoutMs)
                .setConnectTimeout(timeoutMs)
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(8)
                .setClientName("strategy-worker");
        return Redisson.create(config);
    }

    @Bean
    RedisJobStore jobStore(RedissonClient redisson) {
        return new RedisJobStore(redisson);
    }

    @Bean
    CachedProbe redisHealthIndicator(RedisJobStore store, RedisProperties redis, HealthProperties health) {
        return new CachedProbe("Redis", () -> store.ping(health.probeTimeout())
                ? Health.up().withDetails(Map.of("address", redis.address())).build()
                : Health.down().withDetails(Map.of("address", redis.address(), "reason", "no answer to PING"))
                        .build());
    }
}
