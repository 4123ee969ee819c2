package io.mystocks.worker.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import io.mystocks.stack.EmbeddedRedisServer;
import io.mystocks.worker.jobs.EncodedState;
import io.mystocks.worker.jobs.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** The job store against a real Redis: its scripts keep terminal states and read cancel requests as promised. */
class RedisJobStoreIT {
    private static final Instant NOW = Instant.parse("2026-10-01T15:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final AtomicInteger JOBS = new AtomicInteger();

    private static EmbeddedRedisServer redis;
    private static RedissonClient redisson;
    private static RedisJobStore store;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedisServer.start(0, null);
        Config config = new Config();
        config.useSingleServer().setAddress(redis.address());
        redisson = Redisson.create(config);
        store = new RedisJobStore(redisson);
    }

    @AfterAll
    static void stopRedis() {
        redisson.shutdown();
        redis.close();
    }

    @Test
    void storesExactlyTheEncodedJsonAsAStringThatExpires() {
        JobState running = queued().running(NOW, "worker-1");

        boolean stored = store.write(EncodedState.of(running), RETENTION);

        assertThat(stored).isTrue();
        assertThat(storedJson(running.jobId())).isEqualTo(Json.mapper().writeValueAsString(running));
        assertThat(store.read(running.jobId())).contains(running);
        assertThat(redisson.getBucket(JobState.redisKey(running.jobId())).remainTimeToLive())
                .isBetween(RETENTION.toMillis() - 60_000, RETENTION.toMillis());
    }

    @Test
    void keepsATerminalStateWhateverIsWrittenAfterIt() {
        JobState queued = queued();
        JobState cancelled = queued.cancelled(NOW, "cancelled by request r at " + NOW);
        store.write(EncodedState.of(cancelled), RETENTION);
        requestCancel(queued.jobId());
        JobState running = queued.running(NOW, "worker-1");

        boolean written = store.write(EncodedState.of(running), RETENTION);
        JobStore.Started started = store.start(EncodedState.of(running), RETENTION);
        Optional<JobCancel> cancel = store.progress(EncodedState.of(running.progressed(0.5, "half")), RETENTION);

        assertThat(written).isFalse();
        assertThat(started).isEqualTo(JobStore.Started.refused());
        assertThat(cancel).isPresent();
        assertThat(store.read(queued.jobId())).contains(cancelled);
    }

    @Test
    void startsAJobAndFindsTheCancelRequestMadeWhileItWasQueued() {
        JobState running = queued().running(NOW, "worker-1");
        JobCancel cancel = requestCancel(running.jobId());

        JobStore.Started started = store.start(EncodedState.of(running), RETENTION);

        assertThat(started).isEqualTo(new JobStore.Started(true, Optional.of(cancel)));
        assertThat(store.read(running.jobId())).contains(running);
    }

    @Test
    void startsAJobWithoutACancelRequest() {
        JobState running = queued().running(NOW, "worker-1");

        JobStore.Started started = store.start(EncodedState.of(running), RETENTION);

        assertThat(started).isEqualTo(new JobStore.Started(true, Optional.empty()));
        assertThat(storedJson(running.jobId())).isEqualTo(Json.mapper().writeValueAsString(running));
    }

    @Test
    void storesAProgressStepOnlyWhileTheJobHasNoCancelRequest() {
        JobState running = queued().running(NOW, "worker-1");
        store.write(EncodedState.of(running), RETENTION);
        JobState half = running.progressed(0.5, "half way");

        Optional<JobCancel> beforeCancel = store.progress(EncodedState.of(half), RETENTION);
        JobCancel cancel = requestCancel(running.jobId());
        Optional<JobCancel> afterCancel = store.progress(EncodedState.of(half.progressed(0.6, "further")),
                RETENTION);

        assertThat(beforeCancel).isEmpty();
        assertThat(afterCancel).contains(cancel);
        assertThat(store.read(running.jobId())).contains(half);
    }

    @Test
    void storesNoProgressOverATerminalState() {
        JobState running = queued().running(NOW, "worker-1");
        JobState succeeded = running.succeeded(NOW, Map.of("answer", 42));
        store.write(EncodedState.of(succeeded), RETENTION);

        Optional<JobCancel> cancel = store.progress(EncodedState.of(running.progressed(0.5, "late")), RETENTION);

        assertThat(cancel).isEmpty();
        assertThat(storedJson(running.jobId())).isEqualTo(Json.mapper().writeValueAsString(succeeded));
    }

    private static JobState queued() {
        String jobId = "store-it-" + JOBS.incrementAndGet();
        return JobState.queued(new JobRequest(jobId, "ma_cross", Map.of(), NOW.minusSeconds(1), "req-" + jobId));
    }

    private static JobCancel requestCancel(String jobId) {
        JobCancel cancel = new JobCancel(jobId, NOW, "req-cancel-" + jobId);
        redisson.getBucket(JobCancel.redisKey(jobId), StringCodec.INSTANCE)
                .set(Json.mapper().writeValueAsString(cancel));
        return cancel;
    }

    /** The value as the API reads it: a plain string. */
    private static String storedJson(String jobId) {
        return (String) redisson.getBucket(JobState.redisKey(jobId), StringCodec.INSTANCE).get();
    }
}
