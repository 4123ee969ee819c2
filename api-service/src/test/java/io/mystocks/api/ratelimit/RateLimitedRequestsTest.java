package io.mystocks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** A client over its rate gets a 429 envelope; probes still get through. */
@WebFluxTest(controllers = RateLimitedRequestsTest.Endpoint.class, properties = {
        "mystocks.rate-limit.requests-per-second=1", "mystocks.rate-limit.burst=2"})
@Import({WebConfiguration.class, TestClockConfig.class, RateLimitConfiguration.class,
        RateLimitedRequestsTest.Config.class, RateLimitedRequestsTest.Endpoint.class})
class RateLimitedRequestsTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private MeterRegistry registry;

    @Test
    void requestsOverTheBurstAre429InTheEnvelopeWithRetryAfter() {
        client.get().uri("/api/ping").exchange().expectStatus().isOk();
        client.get().uri("/api/ping").exchange().expectStatus().isOk();

        client.get().uri("/api/ping").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("X-RateLimit-Limit", "2")
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().exists("X-RateLimit-Reset")
                .expectHeader().exists("X-Request-ID")
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(429)
                .jsonPath("$.errors[0].code").isEqualTo("RATE_LIMIT_EXCEEDED")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("1 requests/s"));
        client.get().uri("/health").exchange().expectStatus().isOk();
        assertThat(registry.get("mystocks.rate_limit.rejected").counter().count()).isEqualTo(1);
    }

    @TestComponent
    @RestController
    static final class Endpoint {
        private final Envelopes envelopes;

        Endpoint(Envelopes envelopes) {
            this.envelopes = envelopes;
        }

        @GetMapping("/api/ping")
        Envelope<String> ping(ServerWebExchange exchange) {
            return envelopes.ok(exchange, "pong");
        }

        @GetMapping("/health")
        Envelope<String> health(ServerWebExchange exchange) {
            return envelopes.ok(exchange, "healthy");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
