package io.mystocks.api.analysis;

import io.mystocks.api.cache.TestCaches;
import io.mystocks.api.market.TestMarket;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A read model that has not caught up with Kafka yet. */
@WebFluxTest(controllers = TechnicalAnalysisController.class)
@Import({WebConfiguration.class, TestClockConfig.class, TestMarket.Loading.class, TestCaches.class})
class AnalysisLoadingTest {

    @Autowired
    private WebTestClient client;

    @Test
    void analysisIs503WithRetryAfterOneSecond() {
        client.get().uri("/api/technical-analysis/600519").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.code").isEqualTo(503)
                .jsonPath("$.data").isEmpty();
    }
}
