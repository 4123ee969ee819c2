package io.mystocks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.api.web.CsrfTestTokens;
import io.mystocks.stack.FreePorts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service started while neither Kafka nor Redis can be reached: it must say so, never hang or fail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mystocks.csrf.secret=" + DependenciesDownIT.SECRET, "mystocks.jobs.send-timeout=2s",
        "mystocks.health.probe-interval=200ms", "mystocks.health.probe-timeout=500ms"})
@AutoConfigureWebTestClient(timeout = "20s")
class DependenciesDownIT {
    static final String SECRET = "dependencies-down-secret-32-chars!";

    @Autowired
    private WebTestClient client;

    @Autowired
    private Clock clock;

    @DynamicPropertySource
    static void nowhere(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + FreePorts.next());
        registry.add("mystocks.redis.address", () -> "redis://127.0.0.1:" + FreePorts.next());
    }

    @Test
    void healthIsDegradedWith503AndSaysWhy() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> client.get().uri("/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.data.status").isEqualTo("degraded")
                .jsonPath("$.data.dependencies.kafka.detail").value(d -> assertThat((String) d)
                        .startsWith("cannot reach Kafka"))
                .jsonPath("$.data.dependencies.redis.status").isEqualTo("down")
                .jsonPath("$.data.dependencies.redis.detail").value(d -> assertThat((String) d)
                        .isNotEqualTo("not checked yet"))
                .jsonPath("$.data.dependencies.stores.status").isEqualTo("down"));
        client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
    }

    @Test
    void marketReadsAre503WhileTheReadModelCannotLoad() {
        client.get().uri("/api/data/realtime/600519").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
    }

    @Test
    void jobSubmissionIs503WithRetryAfterWhenKafkaIsAway() {
        client.post().uri("/api/strategy/execute")
                .header(CsrfTestTokens.HEADER, CsrfTestTokens.mint(SECRET, clock))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"strategy_id\": \"growth\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.code").isEqualTo(503)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("Kafka")
                        .contains("nothing was queued"));
    }

    @Test
    void cancellingAndFollowingJobsAre503WhenRedisIsAway() {
        client.delete().uri("/api/strategy/jobs/5f0c3c1e-0000-4000-8000-000000000001")
                .header(CsrfTestTokens.HEADER, CsrfTestTokens.mint(SECRET, clock))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
        client.get().uri("/api/strategy/jobs/5f0c3c1e-0000-4000-8000-000000000001/events")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("Redis is unavailable"));
    }

    @Test
    void aSubmissionWithAnIdempotencyKeyIs503WhenRedisIsAway() {
        client.post().uri("/api/strategy/execute")
                .header(CsrfTestTokens.HEADER, CsrfTestTokens.mint(SECRET, clock))
                .header("Idempotency-Key", "down-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"strategy_id\": \"growth\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .startsWith("Idempotency-Key needs Redis"));
    }

    @Test
    void jobResultsAre503WithRetryAfterWhenRedisIsAway() {
        client.get().uri("/api/strategy/value/result").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("Redis is unavailable"));
    }
}
