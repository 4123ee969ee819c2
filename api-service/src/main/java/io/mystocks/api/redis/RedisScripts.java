package io.mystocks.api.redis;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The Lua scripts and the error and JSON handling the Redis adapters share. */
final class RedisScripts {
    /** How long a client is asked to wait when Redis is unavailable. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** KEYS[1]; ARGV[1] the value it must hold to be deleted. */
    static final String DELETE_IF_EQUAL = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /** KEYS[1]; ARGV[1] the value it must hold, ARGV[2] its new TTL in ms. */
    static final String EXPIRE_IF_EQUAL = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;

    /**
     * KEYS[1] a job state; ARGV[1] the new JSON, ARGV[2] its TTL in ms, ARGV[3] the status the stored
     * state must have.
     */
    static final String REPLACE_IF_STATUS = """
            local current = redis.call('GET', KEYS[1])
            if not current then
              return 0
            end
            local ok, state = pcall(cjson.decode, current)
            if not ok or type(state) ~= 'table' or state['status'] ~= ARGV[3] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    /**
     * KEYS[1] a value no reader can decode, KEYS[2] where it is set aside, KEYS[3] the marker of complete job
     * states, KEYS[4] the rebuild lock; ARGV[1] the value as it was read, ARGV[2] the TTL in ms for a value
     * that had none. The value is renamed rather than deleted, so that an operator can still look at it.
     * Without the marker the job counts as missing and the rebuild restores it from the results topic;
     * without the lock a rebuild under way cannot mark its (now stale) pass complete. Every command here is
     * allowed while Redis refuses writes for lack of memory. 0 when the value changed since it was read.
     */
    static final String SET_ASIDE = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            redis.call('RENAME', KEYS[1], KEYS[2])
            if redis.call('PTTL', KEYS[2]) < 0 then
              redis.call('PEXPIRE', KEYS[2], ARGV[2])
            end
            redis.call('DEL', KEYS[3], KEYS[4])
            return 1
            """;

    /**
     * KEYS[1] the marker of complete job states, KEYS[2] the rebuild lock; ARGV[1] the lock's owner, ARGV[2]
     * the marker's text. Writes the marker and frees the lock only while the owner still holds it.
     */
    static final String MARK_COMPLETE = """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('DEL', KEYS[2])
            return 1
            """;

    /**
     * KEYS[1] an idempotency key, KEYS[2] the marker of complete job states; ARGV[1] the submission, ARGV[2]
     * its TTL in ms. Claims the key (SET NX) only while the marker is there: without it Redis lost its data
     * and the key may yet be restored. 1 when claimed, 0 when the key is held, -1 without the marker.
     */
    static final String CLAIM_IF_COMPLETE = """
            if redis.call('EXISTS', KEYS[2]) == 0 then
              return -1
            end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return 1
            end
            return 0
            """;

    /** Where a value that cannot be decoded is set aside. */
    static final String UNREADABLE_PREFIX = "mystocks:unreadable:";

    private static final Logger log = LoggerFactory.getLogger(RedisScripts.class);

    private RedisScripts() {
    }

    /** Runs a script answering 1 or 0; deferred, because Redisson may throw at call time while Redis is away. */
    static Mono<Boolean> check(RedissonReactiveClient redis, String script, String key, Object... args) {
        return check(redis, script, List.of(key), args);
    }

    static Mono<Boolean> check(RedissonReactiveClient redis, String script, List<Object> keys, Object... args) {
        return Mono.defer(() -> redis.getScript(StringCodec.INSTANCE)
                .<Boolean>eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.BOOLEAN, keys, args));
    }

    static String millis(Duration ttl) {
        return Long.toString(ttl.toMillis());
    }

    /** Redis trouble as the 503 a client sees, saying what could not be done. */
    static DependencyUnavailableException unavailable(String what, RedisException cause) {
        return new DependencyUnavailableException("redis", "cannot " + what + " now: Redis is unavailable ("
                + cause.getMessage() + "); retry later", RETRY_AFTER, cause);
    }

    /**
     * The value decoded, or empty when it is not a valid {@code type} (garbage, or written by an incompatible
     * version), which is logged with its key: only an operator can say how it got there.
     */
    static <T> Optional<T> decode(String json, Class<T> type, String key) {
        return decode(Json.mapper(), json, type, key);
    }

    static <T> Optional<T> decode(ObjectMapper mapper, String json, Class<T> type, String key) {
        try {
            return Optional.of(mapper.readValue(json, type));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("The value under {} is not a valid {} ({} characters): {}", key, type.getSimpleName(),
                    json.length(), e.getMessage());
            return Optional.empty();
        }
    }
}
