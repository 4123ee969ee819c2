package io.mystocks.worker.redis;

import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import io.mystocks.worker.jobs.JobStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Job states in Redis, as JSON strings in the shared form under {@link JobState#redisKey(String)}, so
 * that the API and any other client read them without Redisson. The only class that touches Redisson.
 */
final class RedisJobStore implements JobStore {
    private static final Logger log = LoggerFactory.getLogger(RedisJobStore.class);

    private final RedissonClient redisson;

    RedisJobStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Optional<JobState> read(String jobId) {
        String json = bucket(jobId).get();
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(json, JobState.class));
        } catch (JacksonException e) {
            log.warn("Ignoring unreadable state of job {} under {}: {}", jobId, JobState.redisKey(jobId),
                    e.getOriginalMessage());
            return Optional.empty();
        }
    }

    @Override
    public void write(JobState state, Duration retention) {
        bucket(state.jobId()).set(Json.mapper().writeValueAsString(state), retention);
    }

    /** Whether Redis answers a PING within the timeout. */
    boolean ping(Duration timeout) {
        return redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private RBucket<String> bucket(String jobId) {
        return redisson.getBucket(JobState.redisKey(jobId), StringCodec.INSTANCE);
    }
}
