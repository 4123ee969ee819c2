package io.mystocks.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per client, in memory. Each bucket is one {@code AtomicLong} updated by
 * compare-and-set (the generic cell rate algorithm): it holds the theoretical arrival time of the
 * next request, in nanoseconds of the clock. A request is allowed when that time is at most
 * {@code burst} emission intervals ahead of now. Memory is bounded: at most {@code maxClients}
 * buckets, each dropped once idle for longer than the expiry (by then it would be full again anyway).
 */
final class TokenBuckets {
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final long emissionNanos;
    private final long toleranceNanos;
    private final Cache<Object, AtomicLong> buckets;
    private final Clock clock;

    TokenBuckets(int requestsPerSecond, int burst, int maxClients, Duration idleExpiry, Clock clock) {
        this.emissionNanos = Math.max(1, TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
        this.toleranceNanos = emissionNanos * burst;
        this.clock = clock;
        long refill = TimeUnit.NANOSECONDS.toMillis(toleranceNanos) + 1;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Math.max(idleExpiry.toMillis(), refill), TimeUnit.MILLISECONDS)
                .ticker(() -> clock.millis() * NANOS_PER_MILLI)
                .build();
    }

    /**
     * Takes a token from the client's bucket.
     *
     * @return 0 when the request may go ahead, otherwise the nanoseconds until a token is free
     */
    long tryAcquire(Object client) {
        AtomicLong bucket = buckets.get(client, key -> new AtomicLong());
        long now = clock.millis() * NANOS_PER_MILLI;
        while (true) {
            long arrival = bucket.get();
            long next = Math.max(arrival, now) + emissionNanos;
            long ahead = next - now;
            if (ahead > toleranceNanos) {
                return ahead - toleranceNanos;
            }
            if (bucket.compareAndSet(arrival, next)) {
                return 0;
            }
        }
    }

    /** Nanoseconds until the client's bucket is full again. */
    long untilFull(Object client) {
        AtomicLong bucket = buckets.getIfPresent(client);
        return bucket == null ? 0 : Math.max(0, bucket.get() - clock.millis() * NANOS_PER_MILLI);
    }

    long trackedClients() {
        return buckets.estimatedSize();
    }

    /** Runs pending expiry, so that tests see idle clients dropped. */
    void cleanUp() {
        buckets.cleanUp();
    }
}
