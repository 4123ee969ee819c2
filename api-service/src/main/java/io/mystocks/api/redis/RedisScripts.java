package io.mystocks.api.redis;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

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

    private RedisScripts() {
    }

    /** Runs a script answering 1 or 0; deferred, because Redisson may throw at call time while Redis is away. */
    static Mono<Boolean> check(RedissonReactiveClient redis, String script, String key, Object... args) {
        return Mono.defer(() -> redis.getScript(StringCodec.INSTANCE)
                .<Boolean>eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.BOOLEAN, List.of(key), args));
    }

    static String millis(Duration ttl) {
        return Long.toString(ttl.toMillis());
    }

    /** Redis trouble as the 503 a client sees, saying what could not be done. */
    static DependencyUnavailableException unavailable(String what, RedisException cause) {
        return new DependencyUnavailableException("redis", "cannot " + what + " now: Redis is unavailable ("
                + cause.getMessage() + "); retry later", RETRY_AFTER, cause);
    }

    static <T> T parse(String json, Class<T> type, String key) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("the value under " + key + " is not a valid " + type.getSimpleName(), e);
        }
    }
}
