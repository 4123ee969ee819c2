package io.mystocks.api.redis;

import io.mystocks.api.cache.SharedCache;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
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
    private static final String COUNT_AND_FLUSH = """
            local keys = redis.call('DBSIZE')
            redis.call('FLUSHDB', 'ASYNC')
            return keys""";

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

    /** Counts and flushes in one script, so one round trip, and nothing is written between the two. */
    @Override
    public Mono<Long> clear() {
        return Mono.defer(() -> redis.getScript(StringCodec.INSTANCE).<Long>eval(RScript.Mode.READ_WRITE,
                COUNT_AND_FLUSH, RScript.ReturnType.LONG, List.of()));
    }

    @Override
    public String describe() {
        return description;
    }
}
