package io.mystocks.api.cache;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The second level of the response cache, shared by every replica (Redis), holding nothing but cache
 * entries: counting and clearing it never has to tell cache keys from other keys. Values are JSON strings.
 * Every method is non-blocking; failures arrive as errors, which the cache treats as misses.
 */
public interface SharedCache {

    /** The value, or empty when the key is absent. */
    Mono<String> get(String key);

    Mono<Void> put(String key, String value, Duration ttl);

    /** How many entries the shared level holds. */
    Mono<Long> count();

    /** Deletes every entry of the shared level; completes with about how many there were. */
    Mono<Long> clear();

    /** Where the cache lives, for {@code GET /api/cache/info}. */
    String describe();
}
