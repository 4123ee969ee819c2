package io.mystocks.worker.redis;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import io.mystocks.worker.jobs.JobStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Job states in Redis, as JSON strings in the shared form under {@link JobState#redisKey(String)}, so
 * that the API and any other client read them without Redisson; cancel requests under
 * {@link JobCancel#redisKey(String)}. The only class that touches Redisson.
 */
final class RedisJobStore implements JobStore {
    private static final Logger log = LoggerFactory.getLogger(RedisJobStore.class);

    /**
     * KEYS[1] the state; ARGV[1] the new JSON, ARGV[2] its TTL in ms, ARGV[3..] the terminal statuses.
     * A stored value that is not a JSON object is replaced: it cannot be a terminal state.
     */
    private static final String WRITE_UNLESS_TERMINAL = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local ok, state = pcall(cjson.decode, current)
              if ok and type(state) == 'table' then
                for i = 3, #ARGV do
                  if state['status'] == ARGV[i] then
                    return 0
                  end
                end
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;
    private static final List<String> TERMINAL = Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal)
            .map(JobStatus::name).toList();

    private final RedissonClient redisson;

    RedisJobStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Optional<JobState> read(String jobId) {
        return parse(bucket(JobState.redisKey(jobId)).get(), JobState.class, JobState.redisKey(jobId));
    }

    @Override
    public boolean write(JobState state, Duration retention) {
        List<Object> args = new ArrayList<>(List.of(Json.mapper().writeValueAsString(state),
                Long.toString(retention.toMillis())));
        args.addAll(TERMINAL);
        Boolean stored = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, WRITE_UNLESS_TERMINAL,
                RScript.ReturnType.BOOLEAN, List.of(JobState.redisKey(state.jobId())), args.toArray());
        return Boolean.TRUE.equals(stored);
    }

    @Override
    public Optional<JobCancel> cancelRequest(String jobId) {
        return parse(bucket(JobCancel.redisKey(jobId)).get(), JobCancel.class, JobCancel.redisKey(jobId));
    }

    @Override
    public void clearCancelRequest(String jobId) {
        bucket(JobCancel.redisKey(jobId)).delete();
    }

    /** Whether Redis answers a PING within the timeout. */
    boolean ping(Duration timeout) {
        return redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private RBucket<String> bucket(String key) {
        return redisson.getBucket(key, StringCodec.INSTANCE);
    }

    private static <T> Optional<T> parse(String json, Class<T> type, String key) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(json, type));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Ignoring the unreadable {} under {}: {}", type.getSimpleName(), key, e.getMessage());
            return Optional.empty();
        }
    }
}
