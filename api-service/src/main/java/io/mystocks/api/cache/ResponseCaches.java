package io.mystocks.api.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every response cache of the service, by name, made on first use with the shared settings. The
 * entry point for endpoints that cache what they compute: {@code caches.cache("indicators").get(...)}.
 */
public final class ResponseCaches {
    private static final Logger log = LoggerFactory.getLogger(ResponseCaches.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long a counted number of Redis keys is reported again: clients poll the info endpoint as often as
     * any other, and one count a second serves them all without a Redis round trip each.
     */
    private static final Duration KEY_COUNT_MAX_AGE = Duration.ofSeconds(1);

    private final CacheProperties properties;
    private final SharedCache shared;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, ResponseCache> caches = new ConcurrentHashMap<>();
    private volatile KeyCount lastKeyCount;
    /** The count under way, shared by every request that arrives while it runs. */
    private final AtomicReference<Mono<Long>> keyCounting = new AtomicReference<>();

    /**
     * @param shared   the second level, or null to cache in process only
     * @param registry where each cache's meters go, or null for none
     */
    ResponseCaches(CacheProperties properties, SharedCache shared, Clock clock, MeterRegistry registry) {
        this.properties = properties;
        this.shared = properties.l2Enabled() ? shared : null;
        this.clock = clock;
        this.registry = registry;
    }

    /** The cache of that name, made on first use. */
    public ResponseCache cache(String name) {
        if (name == null || !name.matches("[a-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a cache name is 1 to 40 of [a-z0-9_-]: " + name);
        }
        return caches.computeIfAbsent(name, this::create);
    }

    /** The figures of every cache, by name. */
    Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        caches.values().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(cache -> stats.put(cache.name(), cache.stats()));
        return stats;
    }

    /** Backends, TTLs and the number of entries in Redis (null with the error when unknown). */
    Mono<Map<String, Object>> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        List<String> backends = new ArrayList<>(List.of("caffeine (L1, in process)"));
        if (shared != null) {
            backends.add("redis (L2, shared): " + shared.describe());
        }
        info.put("backends", backends);
        info.put("l1", Map.of("max_entries", properties.l1MaxEntries(), "ttl_seconds", seconds(properties.l1Ttl())));
        info.put("caches", caches.keySet().stream().sorted().toList());
        if (shared == null) {
            info.put("l2", Map.of("enabled", false));
            return Mono.just(info);
        }
        Map<String, Object> l2 = new LinkedHashMap<>();
        l2.put("enabled", true);
        l2.put("ttl_seconds", seconds(properties.l2Ttl()));
        l2.put("prefix", properties.prefix());
        info.put("l2", l2);
        return keyCount()
                .doOnNext(count -> l2.put("keys", count))
                .onErrorResume(error -> {
                    l2.put("keys", null);
                    l2.put("error", "Redis did not answer: " + error.getMessage());
                    return Mono.empty();
                })
                .thenReturn(info);
    }

    /** The number of entries in Redis: a recent count, the one under way, or a new one. */
    private Mono<Long> keyCount() {
        KeyCount recent = lastKeyCount;
        if (recent != null && clock.millis() - recent.countedAtMillis() < KEY_COUNT_MAX_AGE.toMillis()) {
            return Mono.just(recent.keys());
        }
        Mono<Long> running = keyCounting.get();
        if (running != null) {
            return running;
        }
        Mono<Long> count = Mono.defer(shared::count).timeout(ADMIN_TIMEOUT)
                .doOnNext(keys -> lastKeyCount = new KeyCount(keys, clock.millis()))
                .doFinally(signal -> keyCounting.set(null))
                .cache();
        return keyCounting.compareAndSet(null, count) ? count : Mono.defer(this::keyCount);
    }

    /**
     * Empties the first level of every cache and the shared level, which holds nothing else (job states live
     * in another Redis database).
     */
    Mono<Map<String, Object>> clear() {
        lastKeyCount = null;
        long local = caches.values().stream().mapToLong(ResponseCache::clearLocal).sum();
        Map<String, Object> removed = new LinkedHashMap<>();
        removed.put("l1_removed", local);
        if (shared == null) {
            removed.put("l2_removed", 0);
            return Mono.just(removed);
        }
        return Mono.defer(shared::clear).timeout(ADMIN_TIMEOUT)
                .doOnNext(count -> removed.put("l2_removed", count))
                .onErrorResume(error -> {
                    log.warn("Clearing the response cache in Redis failed: {}", error.toString());
                    removed.put("l2_removed", null);
                    removed.put("l2_error", "Redis did not answer, its entries expire within "
                            + seconds(properties.l2Ttl()) + " s: " + error.getMessage());
                    return Mono.empty();
                })
                .thenReturn(removed);
    }

    private ResponseCache create(String name) {
        ResponseCache cache = new ResponseCache(name, properties, shared, clock);
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, cache.firstLevel(), name);
            FunctionCounter.builder("mystocks.cache.l2.hits", cache, ResponseCache::sharedHits).tag("cache", name)
                    .description("lookups answered by Redis").register(registry);
            FunctionCounter.builder("mystocks.cache.l2.errors", cache, ResponseCache::sharedErrors)
                    .tag("cache", name).description("Redis lookups and writes that failed").register(registry);
        }
        return cache;
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }

    /** A number of keys in Redis and when it was counted. */
    private record KeyCount(long keys, long countedAtMillis) {
    }
}
