package io.mystocks.api.redis;

import io.mystocks.api.strategy.IdempotentSubmission;
import io.mystocks.api.strategy.ResultsStore;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * The rebuild's keys: the marker {@value #COMPLETE} (no TTL: it must last as long as the data it
 * vouches for) and the lock {@value #LOCK}, next to the job states and idempotency keys it writes.
 */
final class RedisResultsStore implements ResultsStore {
    static final String COMPLETE = "mystocks:jobs:results-complete";
    static final String LOCK = "mystocks:jobs:results-rebuild-lock";

    private final RedissonReactiveClient redis;

    RedisResultsStore(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Boolean> isComplete() {
        return Mono.defer(() -> bucket(COMPLETE).isExists())
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("check the job results", e));
    }

    @Override
    public Mono<Boolean> lock(String owner, Duration ttl) {
        return Mono.defer(() -> bucket(LOCK).setIfAbsent(owner, ttl))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("lock the results rebuild", e));
    }

    @Override
    public Mono<Boolean> extendLock(String owner, Duration ttl) {
        return RedisScripts.check(redis, RedisScripts.EXPIRE_IF_EQUAL, LOCK, owner, RedisScripts.millis(ttl))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("extend the rebuild lock", e));
    }

    @Override
    public Mono<Void> unlock(String owner) {
        return RedisScripts.check(redis, RedisScripts.DELETE_IF_EQUAL, LOCK, owner).then()
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("unlock the results rebuild", e));
    }

    @Override
    public Mono<Boolean> restore(JobState terminal, Duration ttl, boolean replace) {
        String json = Json.mapper().writeValueAsString(terminal);
        return Mono.defer(() -> replace
                        ? bucket(JobState.redisKey(terminal.jobId())).set(json, ttl).thenReturn(true)
                        : bucket(JobState.redisKey(terminal.jobId())).setIfAbsent(json, ttl))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("restore a job state", e));
    }

    @Override
    public Mono<Boolean> restoreKey(String key, IdempotentSubmission accepted, Duration ttl) {
        String json = Json.mapper().writeValueAsString(accepted);
        return Mono.defer(() -> bucket(RedisIdempotencyStore.PREFIX + key).setIfAbsent(json, ttl))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("restore an idempotency key", e));
    }

    @Override
    public Mono<Void> restoreLatest(String strategyId, String jobId, Duration ttl) {
        return Mono.defer(() -> bucket(JobState.latestJobKey(strategyId)).setIfAbsent(jobId, ttl)).then()
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("restore a latest job", e));
    }

    @Override
    public Mono<Boolean> markComplete(String owner, String description) {
        return RedisScripts.check(redis, RedisScripts.MARK_COMPLETE, List.of(COMPLETE, LOCK), owner, description)
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("mark the job results complete", e));
    }

    private RBucketReactive<String> bucket(String key) {
        return redis.getBucket(key, StringCodec.INSTANCE);
    }
}
