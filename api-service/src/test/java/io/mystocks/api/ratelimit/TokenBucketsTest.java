package io.mystocks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final TokenBuckets buckets = new TokenBuckets(10, 5, 100, Duration.ofMinutes(5), clock);

    @Test
    void idleClientMayBurstThenWaitsOneEmissionInterval() {
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.tryAcquire("a")).isZero();
        }

        long wait = buckets.tryAcquire("a");

        assertThat(wait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(buckets.untilFull("a")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 5; i++) {
            buckets.tryAcquire("a");
        }

        clock.advance(Duration.ofMillis(100));
        long afterOneInterval = buckets.tryAcquire("a");
        long immediatelyAfter = buckets.tryAcquire("a");

        assertThat(afterOneInterval).isZero();
        assertThat(immediatelyAfter).isPositive();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            buckets.tryAcquire("a");
        }

        assertThat(buckets.tryAcquire("a")).isPositive();
        assertThat(buckets.tryAcquire("b")).isZero();
    }

    @Test
    void memoryIsBoundedByMaxClientsAndIdleClientsAreForgotten() {
        for (int i = 0; i < 1_000; i++) {
            buckets.tryAcquire("client-" + i);
        }
        buckets.cleanUp();
        long boundedBySize = buckets.trackedClients();

        clock.advance(Duration.ofMinutes(6));
        buckets.cleanUp();

        assertThat(boundedBySize).isLessThanOrEqualTo(100);
        assertThat(buckets.trackedClients()).isZero();
    }
}
