package io.mystocks.api.redis;

import io.mystocks.api.strategy.JobStateStore;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import java.time.Duration;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Job states in Redis as JSON strings under {@link JobState#redisKey(String)}, each strategy's latest
 * job id under {@link JobState#latestJobKey(String)} and cancel requests under
 * {@link JobCancel#redisKey(String)}. Non-blocking: Redisson's reactive API.
 */
final class RedisJobStateStore implements JobStateStore {
    private static final Logger log = LoggerFactory.getLogger(RedisJobStateStore.class);

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
    public Mono<JobState> find(String jobId) {
        String key = JobState.redisKey(jobId);
        return Mono.defer(() -> bucket(key).get())
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("read the job state", e))
                .map(json -> RedisScripts.parse(json, JobState.class, key));
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
                        .map(json -> RedisScripts.parse(json, JobCancel.class, key))
                        .defaultIfEmpty(cancel))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("store the cancel request", e));
    }

    @Override
    public Mono<Boolean> replaceIf(JobStatus expected, JobState next, Duration retention) {
        return RedisScripts.check(redis, RedisScripts.REPLACE_IF_STATUS, JobState.redisKey(next.jobId()),
                        Json.mapper().writeValueAsString(next), RedisScripts.millis(retention), expected.name())
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("store the job state", e));
    }

    private RBucketReactive<String> bucket(String key) {
        return redis.getBucket(key, StringCodec.INSTANCE);
    }
}
