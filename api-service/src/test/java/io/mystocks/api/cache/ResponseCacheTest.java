package io.mystocks.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class ResponseCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final CacheProperties properties = new CacheProperties(100, Duration.ofSeconds(10), true,
            Duration.ofMinutes(5), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ZERO, "mystocks:cache:");
    private final FakeSharedCache redis = new FakeSharedCache();
    private final ResponseCaches replica = new ResponseCaches(properties, redis, clock, null);
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void firstLookupComputesAndTheNextIsAnInProcessHit() {
        ResponseCache cache = replica.cache("indicators");

        String first = text(cache.get("600519|1d|RSI", "v1", this::compute).block(WAIT));
        String second = text(cache.get("600519|1d|RSI", "v1", this::compute).block(WAIT));

        assertThat(first).isEqualTo("\"value-1\"");
        assertThat(second).isEqualTo("\"value-1\"");
        assertThat(computations).hasValue(1);
        assertThat(cache.stats()).containsEntry("hits", 1L).containsEntry("misses", 1L)
                .containsEntry("hit_rate", 0.5).containsEntry("size", 1L);
        assertThat(redis.entries).containsKey("mystocks:cache:indicators:v1:600519|1d|RSI");
        assertThat(redis.ttls).containsValue(Duration.ofMinutes(5));
    }

    @Test
    void anotherReplicaReadsTheValueFromRedisWithoutComputing() {
        replica.cache("indicators").get("k", "v1", () -> bytes("{\"name\":\"RSI\",\"value\":42.5}")).block(WAIT);
        ResponseCache other = new ResponseCaches(properties, redis, clock, null).cache("indicators");

        String read = text(other.get("k", "v1", () -> {
            throw new AssertionError("computed");
        }).block(WAIT));

        assertThat(read).isEqualTo("{\"name\":\"RSI\",\"value\":42.5}");
        assertThat(other.stats()).containsEntry("l2_hits", 1L);
        assertThat(redis.entries.values()).singleElement().asString().contains("\"name\":\"RSI\"");
    }

    @Test
    void newDataVersionIsANewEntry() {
        ResponseCache cache = replica.cache("indicators");

        cache.get("k", "v1", this::compute).block(WAIT);
        String afterNewBar = text(cache.get("k", "v2", this::compute).block(WAIT));

        assertThat(afterNewBar).isEqualTo("\"value-2\"");
        assertThat(computations).hasValue(2);
    }

    @Test
    void concurrentMissesShareOneComputation() {
        ResponseCache cache = replica.cache("analysis");
        Sinks.Empty<Void> redisAnswers = Sinks.empty();
        redis.readsWaitFor = redisAnswers.asMono();
        Mono<byte[]> first = cache.get("k", "v1", this::compute);
        Mono<byte[]> second = cache.get("k", "v1", this::compute);

        redisAnswers.tryEmitEmpty();

        assertThat(text(first.block(WAIT))).isEqualTo("\"value-1\"");
        assertThat(text(second.block(WAIT))).isEqualTo("\"value-1\"");
        assertThat(computations).hasValue(1);
    }

    @Test
    void redisFailureFallsBackToComputingAndLeavesRedisAloneForTheBackOff() {
        ResponseCache cache = replica.cache("indicators");
        redis.failing = true;

        String value = text(cache.get("a", "v1", this::compute).block(WAIT));
        int callsAfterFailure = redis.calls.get();
        cache.get("b", "v1", this::compute).block(WAIT);
        int callsDuringBackOff = redis.calls.get();
        clock.advance(Duration.ofSeconds(6));
        redis.failing = false;
        cache.get("c", "v1", this::compute).block(WAIT);

        assertThat(value).isEqualTo("\"value-1\"");
        assertThat(callsDuringBackOff).isEqualTo(callsAfterFailure);
        assertThat(redis.calls.get()).isGreaterThan(callsDuringBackOff);
        assertThat(cache.stats()).containsEntry("l2_errors", 1L);
    }

    @Test
    void redisThatDoesNotAnswerCostsOnlyTheTimeout() {
        ResponseCache cache = replica.cache("indicators");
        redis.hanging = true;

        String value = text(cache.get("a", "v1", this::compute).block(WAIT));

        assertThat(value).isEqualTo("\"value-1\"");
        assertThat(cache.stats()).containsEntry("l2_errors", 1L);
    }

    @Test
    void aComputationThatFailsReachesTheCallerAndIsNotCached() {
        ResponseCache cache = replica.cache("indicators");

        Throwable failed = cache.get("k", "v1", () -> {
            throw new IllegalStateException("no bars");
        }).materialize().block(WAIT).getThrowable();
        String later = text(cache.get("k", "v1", this::compute).block(WAIT));

        assertThat(failed).isInstanceOf(IllegalStateException.class).hasMessage("no bars");
        assertThat(later).isEqualTo("\"value-1\"");
    }

    @Test
    void aValueInTheFirstLevelIsAnsweredAtOnce() {
        ResponseCache cache = replica.cache("indicators");
        cache.get("k", "v1", this::compute).block(WAIT);
        redis.hanging = true;

        Mono<byte[]> hit = cache.get("k", "v1", this::compute);

        assertThat(hit).isInstanceOf(Callable.class);
        assertThat(text(hit.block(WAIT))).isEqualTo("\"value-1\"");
    }

    @Test
    void clearEmptiesBothLevels() {
        replica.cache("indicators").get("k", "v1", this::compute).block(WAIT);
        replica.cache("analysis").get("k", "v1", this::compute).block(WAIT);

        Map<String, Object> removed = replica.clear().block(WAIT);

        assertThat(removed).containsEntry("l1_removed", 2L).containsEntry("l2_removed", 2L);
        assertThat(redis.entries).isEmpty();
        assertThat(replica.cache("indicators").stats()).containsEntry("size", 0L);
    }

    @Test
    void infoCountsTheSharedEntriesAndSaysWhenRedisDoesNotAnswer() {
        replica.cache("indicators").get("k", "v1", this::compute).block(WAIT);

        Map<String, Object> info = replica.info().block(WAIT);
        redis.failing = true;
        clock.advance(Duration.ofSeconds(2));
        Map<String, Object> infoWhileDown = replica.info().block(WAIT);

        assertThat(info).extractingByKey("l2").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("keys", 1L).containsEntry("ttl_seconds", 300L);
        assertThat(infoWhileDown).extractingByKey("l2")
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("keys", null).containsKey("error");
    }

    @Test
    void answersComputedFasterThanTheMinimumStayInProcessOnceTheMeanIsKnown() {
        ResponseCaches fast = new ResponseCaches(properties.withL2MinCompute(Duration.ofSeconds(1)), redis, clock,
                null);
        ResponseCache cache = fast.cache("indicators");

        cache.get("first", "v1", this::compute).block(WAIT);
        cache.get("second", "v1", this::compute).block(WAIT);

        assertThat(redis.entries).containsOnlyKeys("mystocks:cache:indicators:v1:first");
        assertThat(cache.stats()).containsEntry("l2_bypassed", 1L).containsEntry("l2_misses", 1L)
                .extractingByKey("compute_mean_us").asInstanceOf(InstanceOfAssertFactories.DOUBLE)
                .isGreaterThanOrEqualTo(0.0).isLessThan(1_000_000.0);
    }

    @Test
    void aSlowComputationBringsRedisBackIntoUse() {
        ResponseCache cache = new ResponseCaches(properties.withL2MinCompute(Duration.ofMillis(20)), redis, clock,
                null).cache("analysis");
        cache.get("cheap", "v1", this::compute).block(WAIT);
        for (int i = 0; i < 30; i++) {
            cache.get("slow" + i, "v1", () -> {
                busy(Duration.ofMillis(40));
                return bytes("\"slow\"");
            }).block(WAIT);
        }

        cache.get("after", "v1", this::compute).block(WAIT);

        assertThat(redis.entries).containsKey("mystocks:cache:analysis:v1:after");
    }

    /** Spends {@code duration} of this thread's CPU time: what the cache measures. */
    private static void busy(Duration duration) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + duration.toNanos();
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spins++;
        }
        assertThat(spins).isPositive();
    }

    private byte[] compute() {
        return bytes("\"value-" + computations.incrementAndGet() + "\"");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }
}
