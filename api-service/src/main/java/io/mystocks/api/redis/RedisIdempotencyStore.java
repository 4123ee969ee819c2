package io.mystocks.api.redis;

import io.mystocks.api.strategy.IdempotencyStore;
import io.mystocks.api.strategy.IdempotentSubmission;
import io.mystocks.api.strategy.ResultsIncompleteException;
import io.mystocks.api.strategy.UnreadableValueException;
import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RScript;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * Idempotency keys as JSON submissions under {@code mystocks:idempotency:<key>}, each with a TTL, claimed
 * only while the results rebuild's marker {@value RedisResultsStore#COMPLETE} is there.
 */
final class RedisIdempotencyStore implements IdempotencyStore {
    static final String PREFIX = "mystocks:idempotency:";

    private final RedissonReactiveClient redis;

    RedisIdempotencyStore(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    @Override
    public Mono<IdempotentSubmission> holder(String key) {
        return Mono.defer(() -> bucket(key).get())
                .map(json -> RedisScripts.decode(json, IdempotentSubmission.class, PREFIX + key).orElseThrow(() ->
                        new UnreadableValueException("the submission idempotency key '" + key + "' stands for cannot "
                                + "be read (it is corrupt or was written by an incompatible version)")))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("read the idempotency key", e));
    }

    /**
     * SET NX while the marker of complete job states is there; when it loses, the holder is read, and a holder
     * that expired in between is claimed over.
     */
    @Override
    public Mono<IdempotentSubmission> claim(String key, IdempotentSubmission pending, Duration ttl) {
        String json = Json.mapper().writeValueAsString(pending);
        List<Object> keys = List.of(PREFIX + key, RedisResultsStore.COMPLETE);
        Mono<IdempotentSubmission> once = Mono.defer(() -> redis.getScript(StringCodec.INSTANCE).<Long>eval(
                        RScript.Mode.READ_WRITE, RedisScripts.CLAIM_IF_COMPLETE, RScript.ReturnType.LONG, keys, json,
                        RedisScripts.millis(ttl)))
                .flatMap(claimed -> switch (claimed.intValue()) {
                    case 1 -> Mono.<IdempotentSubmission>empty();
                    case 0 -> holder(key).switchIfEmpty(Mono.error(new LostHolder()));
                    default -> Mono.error(new ResultsIncompleteException("the idempotency key '" + key + "' may "
                            + "have been lost with Redis's data and is not restored yet"));
                });
        return once.onErrorResume(LostHolder.class, e -> once)
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("claim the idempotency key", e))
                .onErrorMap(LostHolder.class, e -> new DependencyUnavailableException("redis", "the idempotency "
                        + "key '" + key + "' expired twice while it was being claimed; retry", Duration.ofSeconds(1),
                        e));
    }

    @Override
    public Mono<Void> confirm(String key, IdempotentSubmission accepted, Duration ttl) {
        return Mono.defer(() -> bucket(key).set(Json.mapper().writeValueAsString(accepted), ttl))
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("confirm the idempotency key", e));
    }

    @Override
    public Mono<Void> release(String key, IdempotentSubmission pending) {
        return RedisScripts.check(redis, RedisScripts.DELETE_IF_EQUAL, PREFIX + key,
                        Json.mapper().writeValueAsString(pending)).then()
                .onErrorMap(RedisException.class, e -> RedisScripts.unavailable("free the idempotency key", e));
    }

    private RBucketReactive<String> bucket(String key) {
        return redis.getBucket(PREFIX + key, StringCodec.INSTANCE);
    }

    /** The key's holder expired between losing the claim and reading it. */
    private static final class LostHolder extends RuntimeException {
        LostHolder() {
            super(null, null, false, false);
        }
    }
}
