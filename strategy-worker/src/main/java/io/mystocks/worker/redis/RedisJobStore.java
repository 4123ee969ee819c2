package io.mystocks.worker.redis;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import io.mystocks.worker.jobs.EncodedState;
import io.mystocks.worker.jobs.JobStore;
import io.mystocks.worker.jobs.WritesRefusedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Job states in Redis, as JSON strings in the shared form under {@link JobState#redisKey(String)}, so
 * that the API and any other client read them without Redisson; cancel requests under
 * {@link JobCancel#redisKey(String)}. The only class that touches Redisson.
 *
 * <p>Values go over the wire as the bytes they are: a state is stored as exactly the JSON that
 * {@link EncodedState} wrote for {@code strategy.results}, never decoded and encoded again. Starting a job
 * and storing a progress step each read the cancel request in the same script as the write, one round
 * trip instead of two. Those scripts name both keys of a job; the worker talks to a single Redis node
 * ({@link RedisNodes#SINGLE}), where any two keys may share a script.
 */
final class RedisJobStore implements JobStore {
    private static final Logger log = LoggerFactory.getLogger(RedisJobStore.class);

    /**
     * Whether KEYS[1] holds a terminal state; ARGV[3..] are the terminal statuses. A stored value that is
     * not a JSON object cannot be a terminal state.
     */
    private static final String TERMINAL = """
            local function terminal()
              local current = redis.call('GET', KEYS[1])
              if current then
                local ok, state = pcall(cjson.decode, current)
                if ok and type(state) == 'table' then
                  for i = 3, #ARGV do
                    if state['status'] == ARGV[i] then
                      return true
                    end
                  end
                end
              end
              return false
            end
            """;
    /** KEYS[1] the state; ARGV[1] the new JSON, ARGV[2] its TTL in ms. 1 when stored, 0 when refused. */
    private static final String WRITE_UNLESS_TERMINAL = TERMINAL + """
            if terminal() then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;
    /** As the write, KEYS[2] the cancel request: {0} when refused, else {1, the request or nil}. */
    private static final String START = TERMINAL + """
            if terminal() then
              return {0}
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return {1, redis.call('GET', KEYS[2])}
            """;
    /** As the write, KEYS[2] the cancel request: the request, with nothing stored, or nil. */
    private static final String PROGRESS = TERMINAL + """
            local cancel = redis.call('GET', KEYS[2])
            if cancel then
              return cancel
            end
            if not terminal() then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            end
            return false
            """;
    private static final List<byte[]> TERMINAL_STATUSES = Arrays.stream(JobStatus.values())
            .filter(JobStatus::isTerminal).map(status -> status.name().getBytes(StandardCharsets.UTF_8)).toList();

    /**
     * The API's marker of complete job states in Redis: without it, a job Redis does not have answers 503
     * and the API rebuilds the job states from {@code strategy.results}.
     */
    static final String RESULTS_COMPLETE = "mystocks:jobs:results-complete";
    /**
     * The lock of the API's rebuild. Deleted with the marker: a rebuild under way may have read the topic
     * before the state it forgets was published, and without its lock it does not put the marker back.
     */
    static final String REBUILD_LOCK = "mystocks:jobs:results-rebuild-lock";
    /** The error replies of a Redis that refuses writes: full, a read-only replica, unable to persist. */
    private static final List<String> REFUSALS = List.of("OOM command not allowed", "READONLY ", "MISCONF ");

    private final RedissonClient redisson;

    RedisJobStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Optional<JobState> read(String jobId) {
        return parse(bucket(JobState.redisKey(jobId)).get(), JobState.class, JobState.redisKey(jobId));
    }

    @Override
    public boolean write(EncodedState state, Duration retention) {
        String jobId = state.state().jobId();
        Boolean stored = writing(() -> script().eval(RScript.Mode.READ_WRITE, WRITE_UNLESS_TERMINAL,
                RScript.ReturnType.BOOLEAN, List.of(JobState.redisKey(jobId)), args(state, retention)));
        return Boolean.TRUE.equals(stored);
    }

    @Override
    public Started start(EncodedState running, Duration retention) {
        String jobId = running.state().jobId();
        List<Object> reply = writing(() -> script().eval(RScript.Mode.READ_WRITE, START, RScript.ReturnType.LIST,
                List.of(JobState.redisKey(jobId), JobCancel.redisKey(jobId)), args(running, retention)));
        if (!Long.valueOf(1).equals(reply.getFirst())) {
            return Started.refused();
        }
        byte[] cancel = reply.size() > 1 ? (byte[]) reply.get(1) : null;
        return new Started(true, parse(cancel, JobCancel.class, JobCancel.redisKey(jobId)));
    }

    @Override
    public Optional<JobCancel> progress(EncodedState progressed, Duration retention) {
        String jobId = progressed.state().jobId();
        byte[] cancel = writing(() -> script().eval(RScript.Mode.READ_WRITE, PROGRESS, RScript.ReturnType.VALUE,
                List.of(JobState.redisKey(jobId), JobCancel.redisKey(jobId)), args(progressed, retention)));
        return parse(cancel, JobCancel.class, JobCancel.redisKey(jobId));
    }

    @Override
    public Optional<JobCancel> cancelRequest(String jobId) {
        return parse(bucket(JobCancel.redisKey(jobId)).get(), JobCancel.class, JobCancel.redisKey(jobId));
    }

    @Override
    public void clearCancelRequest(String jobId) {
        bucket(JobCancel.redisKey(jobId)).delete();
    }

    /** One DEL, which Redis allows at its memory limit; also frees the rebuild lock, see {@link #REBUILD_LOCK}. */
    @Override
    public void forget(String jobId) {
        redisson.getKeys().delete(JobState.redisKey(jobId), RESULTS_COMPLETE, REBUILD_LOCK);
    }

    /** Whether Redis answers a PING within the timeout. */
    boolean ping(Duration timeout) {
        return redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private RScript script() {
        return redisson.getScript(ByteArrayCodec.INSTANCE);
    }

    private RBucket<byte[]> bucket(String key) {
        return redisson.getBucket(key, ByteArrayCodec.INSTANCE);
    }

    /** ARGV of the scripts: the JSON, its TTL and the terminal statuses. */
    /** Runs a write, telling a refusal (Redis answered, and will not take it) from Redis being unreachable. */
    private static <T> T writing(Supplier<T> write) {
        try {
            return write.get();
        } catch (RedisException e) {
            if (refusesWrites(e)) {
                throw new WritesRefusedException("Redis refuses writes: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Redisson types the plain replies, but an error raised inside a script arrives as ERR with the reply in it. */
    static boolean refusesWrites(RedisException error) {
        if (error instanceof RedisOutOfMemoryException || error instanceof RedisReadonlyException) {
            return true;
        }
        String message = error.getMessage();
        return message != null && REFUSALS.stream().anyMatch(message::contains);
    }

    private static Object[] args(EncodedState state, Duration retention) {
        Object[] args = new Object[2 + TERMINAL_STATUSES.size()];
        args[0] = state.json();
        args[1] = Long.toString(retention.toMillis()).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < TERMINAL_STATUSES.size(); i++) {
            args[2 + i] = TERMINAL_STATUSES.get(i);
        }
        return args;
    }

    private static <T> Optional<T> parse(byte[] json, Class<T> type, String key) {
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
