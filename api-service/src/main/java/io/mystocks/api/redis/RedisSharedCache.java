package io.mystocks.api.redis;

import io.mystocks.api.cache.SharedCache;
import java.time.Duration;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * The response cache's shared level: JSON strings under the cache prefix, with a TTL each. Redisson
 * may throw at call time while Redis is unreachable (it connects lazily), so every call is deferred
 * to turn that into an error signal.
 */
final class RedisSharedCache implements SharedCache {
    private static final int SCAN_CHUNK = 500;

    private final RedissonReactiveClient redis;
    private final String address;

    RedisSharedCache(RedissonReactiveClient redis, String address) {
        this.redis = redis;
        this.address = address;
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
    public Mono<Long> count(String prefix) {
        return Mono.defer(() -> redis.getKeys()
                .getKeys(KeysScanOptions.defaults().pattern(pattern(prefix)).chunkSize(SCAN_CHUNK)).count());
    }

    @Override
    public Mono<Long> deleteAll(String prefix) {
        return Mono.defer(() -> redis.getKeys().unlinkByPattern(pattern(prefix)));
    }

    @Override
    public String describe() {
        return address;
    }

    /** The prefix as a glob: its own glob characters escaped, then anything. */
    private static String pattern(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
    }
}
