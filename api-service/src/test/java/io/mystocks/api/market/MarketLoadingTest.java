package io.mystocks.api.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.cache.TestCaches;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A read model that has not caught up with Kafka yet. */
@WebFluxTest(controllers = MarketController.class)
@Import({WebConfiguration.class, TestClockConfig.class, TestCaches.class, MarketLoadingTest.Config.class})
class MarketLoadingTest {

    @Autowired
    private WebTestClient client;

    @Test
    void marketReadsAre503WithRetryAfterOneSecondInTheEnvelope() {
        for (String uri : new String[] {"/api/data/realtime/600519", "/api/data/kline/600519?interval=1d",
                "/api/data/stock/600519", "/api/data/batch-realtime?symbols=600519"}) {
            client.get().uri(uri).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody()
                    .jsonPath("$.success").isEqualTo(false)
                    .jsonPath("$.code").isEqualTo(503)
                    .jsonPath("$.data").isEmpty()
                    .jsonPath("$.message").value(m -> assertThat((String) m).contains("loading"));
        }
    }

    @Test
    void invalidRequestsAreStill400WhileLoading() {
        client.get().uri("/api/data/realtime/not-a-symbol").exchange().expectStatus().isBadRequest();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ReadModelProperties.class, MarketApiProperties.class})
    static class Config {
        @Bean
        MarketStore marketStore() {
            return new MarketStore(10);
        }
    }
}
