package io.mystocks.api.redis;

import io.mystocks.api.strategy.JobStateStore;
import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import java.time.Duration;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Job states in Redis as JSON strings under {@link JobState#redisKey(String)}, and each strategy's
 * latest job id under {@link JobState#latestJobKey(String)}. Non-blocking: Redisson's reactive API.
 */
final class RedisJobStateStore implements JobStateStore {
    private static final Logger log = LoggerFactory.getLogger(RedisJobStateStore.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final RedissonReactiveClient redis;

    RedisJobStateStore(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> saveQueued(JobState queued, Duration retention) {
        String json = Json.mapper().writeValueAsString(queued);
        Mono<Boolean> state = redis.<String>getBucket(JobState.redisKey(queued.jobId()), StringCodec.INSTANCE)
                .setIfAbsent(json, retention)
                .doOnNext(stored -> {
                    if (!stored) {
                        log.debug("Job {} already had a state; QUEUED not written", queued.jobId());
                    }
                });
        Mono<Void> latest = redis.<String>getBucket(JobState.latestJobKey(queued.strategyId()), StringCodec.INSTANCE)
                .set(queued.jobId(), retention);
        return state.then(latest).onErrorMap(RedisException.class, e -> unavailable("store the job state", e));
    }

    @Override
    public Mono<JobState> find(String jobId) {
        return redis.<String>getBucket(JobState.redisKey(jobId), StringCodec.INSTANCE).get()
                .onErrorMap(RedisException.class, e -> unavailable("read the job state", e))
                .map(json -> parse(jobId, json));
    }

    @Override
    public Mono<String> latestJobId(String strategyId) {
        return redis.<String>getBucket(JobState.latestJobKey(strategyId), StringCodec.INSTANCE).get()
                .onErrorMap(RedisException.class, e -> unavailable("read the strategy's latest job", e));
    }

    private static JobState parse(String jobId, String json) {
        try {
            return Json.mapper().readValue(json, JobState.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored state of job " + jobId + " is not a valid JobState", e);
        }
    }

    private static DependencyUnavailableException unavailable(String what, RedisException cause) {
        return new DependencyUnavailableException("redis", "cannot " + what + " now: Redis is unavailable ("
                + cause.getMessage() + "); retry later", RETRY_AFTER, cause);
    }
}
