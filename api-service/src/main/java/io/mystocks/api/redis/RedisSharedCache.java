package io.mystocks.api.redis;

import io.mystocks.api.cache.SharedCache;
import java.time.Duration;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * The response cache's shared level: JSON strings under the cache prefix, with a TTL each, in a Redis database
 * of their own, so that counting is DBSIZE and clearing FLUSHDB ASYNC (Redis frees the memory in the
 * background). Redisson may throw at call time while Redis is unreachable (it connects lazily), so every
 * call is deferred to turn that into an error signal.
 */
final class RedisSharedCache implements SharedCache {
    private final RedissonReactiveClient redis;
    private final String description;

    RedisSharedCache(RedissonReactiveClient redis, String address, int database) {
        this.redis = redis;
        this.description = address + " database " + database;
    }

    @Override
    public Mono<String> get(String key) {
        return Mono.defer(() -> redis.<String>getBucket(key, StringCodec.INSTANCE).get());
    }

    @Override
    public Mono<Void> put(String key, String value, Duration ttl) {
        return Mono.defer(() -> redis.<String>getBucket(key, StringCodec.INSTANCE).set(value, ttl));
    }

    @Override
    public Mono<Long> count() {
        return Mono.defer(() -> redis.getKeys().count());
    }

    /** Entries written between the count and the flush are removed too and not counted. */
    @Override
    public Mono<Long> clear() {
        return Mono.defer(() -> redis.getKeys().count()
                .flatMap(count -> redis.getKeys().flushdbParallel().thenReturn(count)));
    }

    @Override
    public String describe() {
        return description;
    }
}
