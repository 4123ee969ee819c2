package io.mystocks.api.redis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mystocks.api.strategy.JobStateStore;
import io.mystocks.api.strategy.StoredJob;
import io.mystocks.api.strategy.UnreadableValueException;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Job states in Redis as JSON strings under {@link JobState#redisKey(String)}, each strategy's latest
 * job id under {@link JobState#latestJobKey(String)} and cancel requests under
 * {@link JobCancel#redisKey(String)}. Non-blocking: Redisson's reactive API.
 */
final class RedisJobStateStore implements JobStateStore {
    private static final Logger log = LoggerFactory.getLogger(RedisJobStateStore.class);

    /** How long a set-aside value without a TTL of its own is kept for an operator to look at. */
    private static final Duration SET_ASIDE_TTL = Duration.ofDays(7);
    /** Reads a job state's fields and skips over its result. */
    private static final ObjectMapper SUMMARIES = Json.mapper().rebuild()
            .addMixIn(JobState.class, WithoutResult.class).build();

    private final RedissonReactiveClient redis;

    RedisJobStateStore(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> saveQueued(JobState queued, Duration retention) {
        String json = Json.mapper().writeValueAsString(queued);
        return Mono.defer(() -> bucket(JobState.redisKey(queued.jobId())).setIfAbsent(json, retention)
                        .doOnNext(stored -> {
                            if (!stored) {
                                log.debug("Job {} already had a state; QUEUED not written", queued.jobId());
                            }
                        })
                        .then(bucket(JobState.latestJobKey(queued.strategyId())).set(queued.jobId(), retention)))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("store the job state", e));
    }

    @Override
    public Mono<Void> markIncomplete() {
        return Mono.defer(() -> redis.getKeys().delete(RedisResultsStore.COMPLETE)).then()
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("mark the job states incomplete", e));
    }

    /** A state that cannot be decoded is set aside, so that the job is restored from the results topic. */
    @Override
    public Mono<JobState> find(String jobId) {
        return read(jobId, json -> RedisScripts.decode(json, JobState.class, JobState.redisKey(jobId)));
    }

    /**
     * As {@link #find}, but the result is only checked to be well-formed JSON, not turned into objects: the
     * answer sends the stored JSON itself.
     */
    @Override
    public Mono<StoredJob> findStored(String jobId) {
        return read(jobId, json -> RedisScripts.decode(SUMMARIES, json, JobState.class, JobState.redisKey(jobId))
                .map(summary -> new StoredJob(summary, json)));
    }

    private <T> Mono<T> read(String jobId, Function<String, Optional<T>> decode) {
        String key = JobState.redisKey(jobId);
        return Mono.defer(() -> bucket(key).get())
                .flatMap(json -> decode.apply(json).map(Mono::just)
                        .orElseGet(() -> setAside(key, json).then(Mono.error(new UnreadableValueException(
                                "the stored state of job " + jobId + " cannot be read (it is corrupt or was "
                                        + "written by an incompatible version)")))))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("read the job state", e));
    }

    @Override
    public Mono<String> latestJobId(String strategyId) {
        return Mono.defer(() -> bucket(JobState.latestJobKey(strategyId)).get())
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("read the strategy's latest job", e));
    }

    @Override
    public Mono<JobCancel> requestCancel(JobCancel cancel, Duration retention) {
        String key = JobCancel.redisKey(cancel.jobId());
        return Mono.defer(() -> bucket(key).setIfAbsent(Json.mapper().writeValueAsString(cancel), retention))
                .flatMap(stored -> stored ? Mono.just(cancel) : bucket(key).get()
                        .flatMap(json -> RedisScripts.decode(json, JobCancel.class, key).map(Mono::just)
                                .orElseGet(() -> replaceUnreadable(key, cancel, retention)))
                        .defaultIfEmpty(cancel))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("store the cancel request", e));
    }

    @Override
    public Mono<Boolean> replaceIf(JobStatus expected, JobState next, Duration retention) {
        return RedisScripts.check(redis, RedisScripts.REPLACE_IF_STATUS, JobState.redisKey(next.jobId()),
                        Json.mapper().writeValueAsString(next), RedisScripts.millis(retention), expected.name())
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("store the job state", e));
    }

    /** The workers cannot read an unreadable cancel request either, so this one takes its place. */
    private Mono<JobCancel> replaceUnreadable(String key, JobCancel cancel, Duration retention) {
        return bucket(key).set(Json.mapper().writeValueAsString(cancel), retention).thenReturn(cancel);
    }

    private Mono<Void> setAside(String key, String json) {
        List<Object> keys = List.of(key, RedisScripts.UNREADABLE_PREFIX + key, RedisResultsStore.COMPLETE,
                RedisResultsStore.LOCK);
        return RedisScripts.check(redis, RedisScripts.SET_ASIDE, keys, json, RedisScripts.millis(SET_ASIDE_TTL))
                .doOnNext(moved -> {
                    if (moved) {
                        log.warn("Set the unreadable value of {} aside under {}{}; the job results will be "
                                + "rebuilt from Kafka", key, RedisScripts.UNREADABLE_PREFIX, key);
                    }
                })
                .then();
    }

    private RBucketReactive<String> bucket(String key) {
        return redis.getBucket(key, StringCodec.INSTANCE);
    }

    @JsonIgnoreProperties("result")
    private abstract static class WithoutResult {
    }
}
