package io.mystocks.api.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One named cache of computed answers, kept as their JSON, in two levels: in process (Caffeine: bounded, short
 * TTL) and shared in Redis (longer TTL). A lookup tries the first level, then the second, then computes
 * and fills both. Concurrent lookups of one key share one load, so a burst computes once.
 *
 * <p>Redis is only worth its round trip for answers that cost more to compute than to fetch, decode and
 * store: each cache keeps a running mean of the CPU time of its computations, and while that mean is below
 * {@code l2-min-compute} its lookups skip Redis (counted as {@code l2_bypassed}). The mean starts unknown,
 * so a replica that just started reads what the others shared until it has measured its own computations.
 *
 * <p>Keys carry a data version chosen by the caller (such as the bar series' version), so that new
 * data is simply a new key and stale entries age out rather than being invalidated. Redis trouble is
 * never the client's: a failed, slow or unreachable Redis counts as a miss, and after a failure
 * Redis is skipped for a back-off period.
 */
public final class ResponseCache {
    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    /** Weight of the newest computation in the running mean: it follows a change within some twenty. */
    private static final double COMPUTE_WEIGHT = 0.1;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String name;
    private final CacheProperties properties;
    private final SharedCache shared;
    private final Clock clock;
    private final AsyncCache<String, byte[]> local;
    private final LongAdder sharedHits = new LongAdder();
    private final LongAdder sharedMisses = new LongAdder();
    private final LongAdder sharedErrors = new LongAdder();
    private final LongAdder sharedBypassed = new LongAdder();
    private volatile long sharedRetryAt;
    /** Running mean of the computations' durations in nanoseconds, negative until the first is measured. */
    private volatile double meanComputeNanos = -1;

    /**
     * @param shared the second level, or null for the first level only
     */
    ResponseCache(String name, CacheProperties properties, SharedCache shared, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.properties = properties;
        this.shared = shared;
        this.clock = clock;
        this.local = Caffeine.newBuilder()
                .maximumSize(properties.l1MaxEntries())
                .expireAfterWrite(properties.l1Ttl().toNanos(), TimeUnit.NANOSECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .recordStats()
                .buildAsync();
    }

    public String name() {
        return name;
    }

    /**
     * The cached JSON of {@code key} at {@code version}, or what {@code compute} encodes. A value found in the
     * first level is answered at once ({@code Mono.just}), without waiting on anything.
     *
     * @param version identifies the data the value derives from; a new version is a new entry
     * @param compute the value's JSON; it may throw, and what it throws reaches the caller uncached
     */
    public Mono<byte[]> get(String key, String version, Supplier<byte[]> compute) {
        String fullKey = properties.prefix() + name + ':' + version + ':' + key;
        CompletableFuture<byte[]> value = local.get(fullKey, (k, executor) -> load(k, compute).toFuture());
        if (value.isDone() && !value.isCompletedExceptionally()) {
            return Mono.just(value.join());
        }
        // Other callers may share the load: one of them going away must not cancel it.
        return Mono.fromFuture(value, true);
    }

    /** Empties the first level; returns roughly how many entries it held. */
    long clearLocal() {
        long size = local.synchronous().estimatedSize();
        local.synchronous().invalidateAll();
        return size;
    }

    /**
     * hits, misses, hit_rate, size, evictions (first level); the second level's hits, misses, errors, and the
     * lookups that bypassed it because computing was cheaper; the running mean computation time.
     */
    Map<String, Object> stats() {
        CacheStats stats = local.synchronous().stats();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("hits", stats.hitCount());
        figures.put("misses", stats.missCount());
        figures.put("hit_rate", Math.round(stats.hitRate() * 10_000) / 10_000.0);
        figures.put("size", local.synchronous().estimatedSize());
        figures.put("evictions", stats.evictionCount());
        figures.put("l2_hits", sharedHits.sum());
        figures.put("l2_misses", sharedMisses.sum());
        figures.put("l2_errors", sharedErrors.sum());
        figures.put("l2_bypassed", sharedBypassed.sum());
        double mean = meanComputeNanos;
        figures.put("compute_mean_us", mean < 0 ? null : Math.round(mean / 100) / 10.0);
        return figures;
    }

    long sharedHits() {
        return sharedHits.sum();
    }

    long sharedErrors() {
        return sharedErrors.sum();
    }

    AsyncCache<String, byte[]> firstLevel() {
        return local;
    }

    /** Whether Redis is worth asking: it answers, and this cache's answers are not cheaper to compute. */
    private boolean sharedWorthIt() {
        if (!sharedUsable()) {
            return false;
        }
        double mean = meanComputeNanos;
        if (mean >= 0 && mean < properties.l2MinCompute().toNanos()) {
            sharedBypassed.increment();
            return false;
        }
        return true;
    }

    private void recordCompute(long nanos) {
        double mean = meanComputeNanos;
        // A lost update between two racing computations only delays the mean by one sample.
        meanComputeNanos = mean < 0 ? nanos : mean + COMPUTE_WEIGHT * (nanos - mean);
    }

    /**
     * Measures the computing thread's CPU time, not the wall time: on a busy machine a computation of tens of
     * microseconds can wait milliseconds for a core, and that wait is no reason to ask Redis instead.
     */
    private Mono<byte[]> timed(Supplier<byte[]> compute) {
        return Mono.fromSupplier(() -> {
            long started = THREADS.getCurrentThreadCpuTime();
            byte[] value = compute.get();
            recordCompute(THREADS.getCurrentThreadCpuTime() - started);
            return value;
        });
    }

    private Mono<byte[]> load(String fullKey, Supplier<byte[]> compute) {
        if (!sharedWorthIt()) {
            return timed(compute);
        }
        Mono<byte[]> computed = timed(compute).doOnNext(value -> store(fullKey, value));
        return fromShared(fullKey).switchIfEmpty(computed);
    }

    private Mono<byte[]> fromShared(String fullKey) {
        if (!sharedUsable()) {
            return Mono.empty();
        }
        return Mono.defer(() -> shared.get(fullKey))
                .timeout(properties.l2Timeout())
                .onErrorResume(error -> {
                    sharedFailed("read", fullKey, error);
                    return Mono.empty();
                })
                .map(json -> json.getBytes(StandardCharsets.UTF_8))
                .doOnNext(value -> sharedHits.increment())
                .switchIfEmpty(Mono.fromRunnable(sharedMisses::increment));
    }

    /** Writes the computed value to Redis in the background; the client does not wait for it. */
    private void store(String fullKey, byte[] value) {
        if (!sharedUsable()) {
            return;
        }
        String json = new String(value, StandardCharsets.UTF_8);
        Mono.defer(() -> shared.put(fullKey, json, properties.l2Ttl()))
                .timeout(properties.l2Timeout())
                .subscribe(null, error -> sharedFailed("write", fullKey, error));
    }

    private boolean sharedUsable() {
        return shared != null && properties.l2Enabled() && clock.millis() >= sharedRetryAt;
    }

    private void sharedFailed(String what, String fullKey, Throwable error) {
        sharedErrors.increment();
        boolean first = sharedRetryAt <= clock.millis();
        sharedRetryAt = clock.millis() + properties.l2Backoff().toMillis();
        if (first) {
            log.warn("Cache {} could not {} {} in Redis ({}); using the first level only for {}", name, what,
                    fullKey, error.toString(), properties.l2Backoff());
        } else {
            log.debug("Cache {} could not {} {} in Redis: {}", name, what, fullKey, error.toString());
        }
    }
}
