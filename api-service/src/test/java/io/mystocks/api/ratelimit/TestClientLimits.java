package io.mystocks.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** Per-client limits for other packages' tests, without a Spring context. */
public final class TestClientLimits {

    private TestClientLimits() {
    }

    public static ClientLimits of(int requestsPerSecond, int burst, Clock clock) {
        RateLimitProperties properties = new RateLimitProperties(true, requestsPerSecond, burst, false, 1000,
                Duration.ofMinutes(5));
        TokenBuckets buckets = new TokenBuckets(requestsPerSecond, burst, 1000, Duration.ofMinutes(5), clock);
        return new ClientLimits(buckets, properties, Counter.builder("rejected").register(new SimpleMeterRegistry()));
    }
}
