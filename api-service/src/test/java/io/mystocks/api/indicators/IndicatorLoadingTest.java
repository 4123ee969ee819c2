package io.mystocks.api.indicators;

import static org.assertj.core.api.Assertions.assertThat;

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
@WebFluxTest(controllers = IndicatorController.class)
@Import({WebConfiguration.class, TestClockConfig.class, TestMarket.Loading.class, TestCaches.class})
class IndicatorLoadingTest {

    @Autowired
    private WebTestClient client;

    @Test
    void indicatorReadsAre503WithRetryAfterOneSecond() {
        for (String uri : new String[] {"/api/indicators/600519/SMA?timeperiod=5", "/api/indicators/600519/all"}) {
            client.get().uri(uri).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody()
                    .jsonPath("$.success").isEqualTo(false)
                    .jsonPath("$.code").isEqualTo(503)
                    .jsonPath("$.message").value(m -> assertThat((String) m).contains("loading"));
        }
    }

    @Test
    void aMalformedSymbolIsStill400WhileLoading() {
        client.get().uri("/api/indicators/not-a-symbol/SMA").exchange().expectStatus().isBadRequest();
    }
}
