package io.mystocks.api.web;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** Endpoints that make each kind of failure happen, for the web plumbing tests only. */
final class ProbeEndpoints {
    static final Logger log = LoggerFactory.getLogger(ProbeEndpoints.class);

    private ProbeEndpoints() {
    }

    /** A test component, so that component scanning of other test contexts leaves it out. */
    @TestComponent
    @RestController
    static final class Controller {
        private final Envelopes envelopes;

        Controller(Envelopes envelopes) {
            this.envelopes = envelopes;
        }

        @GetMapping(path = "/probe/item", produces = MediaType.APPLICATION_JSON_VALUE)
        Envelope<Map<String, Object>> item(@RequestParam(defaultValue = "1") int count, ServerWebExchange exchange) {
            return envelopes.ok(exchange, Map.of("count", count));
        }

        @PostMapping(path = "/probe/echo", consumes = MediaType.APPLICATION_JSON_VALUE,
                produces = MediaType.APPLICATION_JSON_VALUE)
        Envelope<JsonNode> echo(@RequestBody JsonNode body, ServerWebExchange exchange) {
            return envelopes.ok(exchange, body);
        }

        @PostMapping(path = "/api/probe/change", produces = MediaType.APPLICATION_JSON_VALUE)
        Envelope<String> change(ServerWebExchange exchange) {
            return envelopes.ok(exchange, "changed");
        }

        @GetMapping("/probe/boom")
        Envelope<String> boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/probe/down")
        Envelope<String> down() {
            throw new DependencyUnavailableException("redis", "cannot read now: Redis is unavailable; retry later",
                    Duration.ofSeconds(5), null);
        }

        @GetMapping(path = "/probe/async", produces = MediaType.APPLICATION_JSON_VALUE)
        Mono<Envelope<String>> async(ServerWebExchange exchange) {
            return Mono.fromCallable(() -> {
                        log.info("working on another thread");
                        return "done";
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(done -> envelopes.ok(exchange, done));
        }
    }
}
