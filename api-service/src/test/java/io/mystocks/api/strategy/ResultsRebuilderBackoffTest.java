package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobState;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ResultsRebuilderBackoffTest {

    /**
     * Redis is missing the marker and refuses the rebuild's lock, as a full Redis does. Lookups keep waking the
     * rebuild; after the first failure it waits a second before the next try whatever wakes it, where it used
     * to try again at every wake-up.
     */
    @Test
    void lookupsDoNotWakeARebuildThatJustFailed() throws InterruptedException {
        RefusingStore store = new RefusingStore();
        JobProperties properties = new JobProperties(Duration.ofDays(7), Duration.ofSeconds(10), "workers", 10_000,
                Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofHours(1));
        ResultsRebuilder rebuilder = new ResultsRebuilder(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"), store, properties,
                Clock.systemUTC());
        rebuilder.start();
        try {
            long until = System.nanoTime() + Duration.ofMillis(600).toNanos();
            while (System.nanoTime() < until) {
                assertThat(rebuilder.isComplete().block()).isFalse();
                Thread.sleep(5);
            }
        } finally {
            rebuilder.stop();
        }

        // The try at start, and at most one more should this machine be slow to run the loop; never one per
        // lookup (about a hundred here).
        assertThat(store.locks.get()).isBetween(1, 2);
    }

    private static final class RefusingStore implements ResultsStore {
        final AtomicInteger locks = new AtomicInteger();

        @Override
        public Mono<Boolean> isComplete() {
            return Mono.just(false);
        }

        @Override
        public Mono<Boolean> lock(String owner, Duration ttl) {
            locks.incrementAndGet();
            return Mono.error(new DependencyUnavailableException("redis", "OOM command not allowed when used "
                    + "memory > 'maxmemory'", Duration.ofSeconds(1), null));
        }

        @Override
        public Mono<Boolean> extendLock(String owner, Duration ttl) {
            return Mono.just(false);
        }

        @Override
        public Mono<Void> unlock(String owner) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> restore(JobState terminal, Duration ttl, boolean replace) {
            return Mono.just(false);
        }

        @Override
        public Mono<Boolean> restoreKey(String key, IdempotentSubmission accepted, Duration ttl) {
            return Mono.just(false);
        }

        @Override
        public Mono<Void> restoreLatest(String strategyId, String jobId, Duration ttl) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> markComplete(String owner, String description) {
            return Mono.just(false);
        }
    }
}
