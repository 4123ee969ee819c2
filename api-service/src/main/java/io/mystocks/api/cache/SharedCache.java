package io.mystocks.api.cache;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The second level of the response cache, shared by every replica (Redis). Values are JSON strings.
 * Every method is non-blocking; failures arrive as errors, which the cache treats as misses.
 */
public interface SharedCache {

    /** The value, or empty when the key is absent. */
    Mono<String> get(String key);

    Mono<Void> put(String key, String value, Duration ttl);

    /** How many keys start with {@code prefix}. */
    Mono<Long> count(String prefix);

    /** Deletes every key starting with {@code prefix}; completes with how many were deleted. */
    Mono<Long> deleteAll(String prefix);

    /** Where the cache lives, for {@code GET /api/cache/info}. */
    String describe();
}
