package io.mystocks.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = HealthController.class, properties = "mystocks.service.version=9.9.9")
@Import({WebConfiguration.class, TestClockConfig.class, HealthControllerTest.Config.class})
class HealthControllerTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private Config.SettableCheck stores;

    @BeforeEach
    void allUp() {
        stores.status = DependencyStatus.up("ready").withFigures(Map.of("quotes", 3));
    }

    @Test
    void indexNamesTheServiceAndLinksItsPages() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.service").isEqualTo("MyStocks API")
                .jsonPath("$.data.version").isEqualTo("9.9.9")
                .jsonPath("$.data.docs").isEqualTo("/api/docs")
                .jsonPath("$.data.redoc").isEqualTo("/api/redoc")
                .jsonPath("$.data.health").isEqualTo("/health")
                .jsonPath("$.data.message").isNotEmpty();
    }

    @Test
    void healthyWhenEveryDependencyIsUp() {
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.status").isEqualTo("healthy")
                .jsonPath("$.data.service").isEqualTo("MyStocks API")
                .jsonPath("$.data.version").isEqualTo("9.9.9")
                .jsonPath("$.data.timestamp").isEqualTo("2026-12-03T10:15:30.123Z")
                .jsonPath("$.data.dependencies.kafka.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.redis.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.stores.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.stores.quotes").isEqualTo(3);
    }

    @Test
    void degradedIs503WithTheReportStillInData() {
        stores.status = DependencyStatus.down("catching up: 2 of 48 partitions");

        client.get().uri("/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(503)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("stores down: catching up"))
                .jsonPath("$.data.status").isEqualTo("degraded")
                .jsonPath("$.data.dependencies.kafka.status").isEqualTo("up")
                .jsonPath("$.data.dependencies.stores.status").isEqualTo("down")
                .jsonPath("$.data.dependencies.stores.detail").isEqualTo("catching up: 2 of 48 partitions");
    }

    @Test
    void dependenciesAreReportedInAFixedOrder() {
        String body = client.get().uri("/health").exchange().expectBody(String.class).returnResult()
                .getResponseBody();

        assertThat(body.indexOf("\"kafka\"")).isLessThan(body.indexOf("\"redis\""));
        assertThat(body.indexOf("\"redis\"")).isLessThan(body.indexOf("\"stores\""));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServiceProperties.class)
    static class Config {
        @Bean
        SettableCheck storesCheck() {
            return new SettableCheck("stores");
        }

        @Bean
        HealthReporter healthReporter(SettableCheck stores, ServiceProperties service, java.time.Clock clock) {
            return new HealthReporter(java.util.List.of(stores, new SettableCheck("redis"),
                    new SettableCheck("kafka")), service, clock);
        }

        static final class SettableCheck implements DependencyCheck {
            private final String name;
            volatile DependencyStatus status = DependencyStatus.up("fine");

            SettableCheck(String name) {
                this.name = name;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public DependencyStatus status() {
                return status;
            }
        }
    }
}
