package io.mystocks.api.cache;

import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.Reply;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Figures of the response cache, and clearing it. */
@RestController
@RequestMapping(path = "/api/cache", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "cache", description = "The two-level response cache of computed answers")
final class CacheController implements ReadRoutes {
    private final ResponseCaches caches;
    private final Replies replies;
    private final Envelopes envelopes;

    CacheController(ResponseCaches caches, Replies replies, Envelopes envelopes) {
        this.caches = caches;
        this.replies = replies;
        this.envelopes = envelopes;
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(ReadRoute.of("/api/cache/stats", request -> stats()),
                ReadRoute.deferred("/api/cache/info", request -> info()));
    }

    @GetMapping("/stats")
    @Operation(summary = "Per cache: hits, misses, hit_rate, size and evictions in process, and Redis hits",
            description = "Figures of this replica since it started.")
    Reply<Map<String, Object>> stats() {
        return replies.ok(Map.of("caches", caches.stats()));
    }

    @GetMapping("/info")
    @Operation(summary = "Cache backends, TTLs and the number of cache keys in Redis",
            description = "l2.keys is null, with l2.error, when Redis does not answer.")
    Mono<Reply<Map<String, Object>>> info() {
        return caches.info().map(replies::ok);
    }

    @DeleteMapping
    @Operation(summary = "Clear the response cache (needs X-CSRF-Token)",
            description = "Empties this replica's in-process level and deletes the keys under the cache prefix in "
                    + "Redis, nothing else. Other replicas' in-process entries expire within the L1 TTL.")
    Mono<Envelope<Map<String, Object>>> clear(ServerWebExchange exchange) {
        return caches.clear().map(removed -> envelopes.ok(exchange, removed));
    }
}
