package io.mystocks.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import io.mystocks.api.web.CsrfTestTokens;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = CacheController.class, properties = "mystocks.csrf.secret=" + CacheControllerTest.SECRET)
@Import({WebConfiguration.class, TestClockConfig.class, CacheControllerTest.Config.class})
class CacheControllerTest {
    static final String SECRET = "cache-controller-test-secret-32ch!";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ResponseCaches caches;

    @Autowired
    private FakeSharedCache redis;

    @Autowired
    private MutableClock clock;

    @BeforeEach
    void fillOneEntry() {
        redis.failing = false;
        caches.cache("indicators").get("600519|1d|RSI", "v1", () -> "42".getBytes(StandardCharsets.US_ASCII))
                .block(Duration.ofSeconds(5));
    }

    @Test
    void statsListEachCacheWithHitsMissesRateSizeAndEvictions() {
        client.get().uri("/api/cache/stats").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.caches.indicators.hits").isNumber()
                .jsonPath("$.data.caches.indicators.misses").isNumber()
                .jsonPath("$.data.caches.indicators.hit_rate").isNumber()
                .jsonPath("$.data.caches.indicators.size").isEqualTo(1)
                .jsonPath("$.data.caches.indicators.evictions").isEqualTo(0);
    }

    @Test
    void infoNamesTheBackendsTtlsAndKeyCount() {
        clock.advance(Duration.ofSeconds(2));

        client.get().uri("/api/cache/info").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.backends[0]").isEqualTo("caffeine (L1, in process)")
                .jsonPath("$.data.backends[1]").isEqualTo("redis (L2, shared): redis://fake:6379")
                .jsonPath("$.data.l1.ttl_seconds").isEqualTo(10)
                .jsonPath("$.data.l2.prefix").isEqualTo("mystocks:cache:")
                .jsonPath("$.data.l2.keys").isEqualTo(1);
    }

    @Test
    void infoWhileRedisIsDownIsStill200AndSaysSo() {
        clock.advance(Duration.ofSeconds(2));
        redis.failing = true;

        client.get().uri("/api/cache/info").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.l2.keys").isEmpty()
                .jsonPath("$.data.l2.error").isNotEmpty();
    }

    @Test
    void infoCountsTheRedisKeysAtMostOnceASecond() {
        clock.advance(Duration.ofSeconds(2));
        client.get().uri("/api/cache/info").exchange().expectStatus().isOk();
        redis.failing = true;

        client.get().uri("/api/cache/info").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.l2.keys").isEqualTo(1);
        clock.advance(Duration.ofMillis(1001));
        client.get().uri("/api/cache/info").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.l2.keys").isEmpty();
    }

    @Test
    void clearingNeedsACsrfToken() {
        client.delete().uri("/api/cache").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("CSRF_TOKEN_MISSING");
    }

    @Test
    void clearingReportsWhatItRemovedAtEachLevel() {
        client.delete().uri("/api/cache").header(CsrfTestTokens.HEADER, CsrfTestTokens.mint(SECRET, clock))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.l1_removed").isEqualTo(1)
                .jsonPath("$.data.l2_removed").isEqualTo(1);

        assertThat(redis.entries).isEmpty();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CacheProperties.class)
    static class Config {
        @Bean
        FakeSharedCache fakeSharedCache() {
            return new FakeSharedCache();
        }

        @Bean
        ResponseCaches responseCaches(CacheProperties properties, FakeSharedCache redis, MutableClock clock) {
            return new ResponseCaches(properties.withL2MinCompute(Duration.ZERO), redis, clock, null);
        }
    }
}
