package io.mystocks.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = MetricsController.class)
@Import({WebConfiguration.class, TestClockConfig.class, MetricsConfiguration.class, MetricsControllerTest.Config.class})
class MetricsControllerTest {

    @Autowired
    private WebTestClient client;

    @Test
    void metricsArePrometheusTextWithRequestsTimedPerRoutePattern() {
        client.get().uri("/no/such/route/42").exchange().expectStatus().isNotFound();
        client.get().uri("/metrics").exchange().expectStatus().isOk();

        String text = client.get().uri("/metrics").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(text).contains("# TYPE http_server_requests_seconds summary")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*outcome=\"SUCCESS\""
                        + "[^}]*status=\"200\"[^}]*uri=\"/metrics\"[^}]*} 1")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"NOT_FOUND\"")
                .doesNotContain("/no/such/route/42");
    }

    @Test
    void theConnectionLimitReportsItsOpenAndRefusedConnections() {
        String text = client.get().uri("/metrics").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(text).contains("# TYPE mystocks_http_connections gauge")
                .contains("mystocks_http_connections_refused_total 0.0");
    }

    @Test
    void askingForJsonIs406InTheEnvelope() {
        client.get().uri("/metrics").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.code").isEqualTo(406);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        PrometheusMeterRegistry prometheusMeterRegistry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }
    }
}
