package io.mystocks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = {CsrfController.class, ProbeEndpoints.Controller.class})
@Import({WebConfiguration.class, TestClockConfig.class, ProbeEndpoints.Controller.class})
class CsrfProtectionTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfig.START);
    }

    @Test
    void tokenEndpointHandsOutAnHourLongCsrfToken() {
        client.get().uri("/api/csrf-token").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue())
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.csrf_token").value(token -> assertThat((String) token).isNotBlank())
                .jsonPath("$.data.token_type").isEqualTo("csrf")
                .jsonPath("$.data.expires_in").isEqualTo(3600);
    }

    @Test
    void changeWithoutTokenIs403Missing() {
        client.post().uri("/api/probe/change").exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(403)
                .jsonPath("$.errors[0].field").isEqualTo("X-CSRF-Token")
                .jsonPath("$.errors[0].code").isEqualTo("CSRF_TOKEN_MISSING")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("/api/csrf-token"));
    }

    @Test
    void changeWithForgedTokenIs403Invalid() {
        String real = token();
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        client.post().uri("/api/probe/change").header(CsrfFilter.HEADER, forged).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("CSRF_TOKEN_INVALID")
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("invalid CSRF token"));
    }

    @Test
    void changeWithExpiredTokenIs403Invalid() {
        String token = token();
        clock.advance(Duration.ofHours(1));

        client.post().uri("/api/probe/change").header(CsrfFilter.HEADER, token).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("CSRF_TOKEN_INVALID")
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("expired CSRF token"));
    }

    @Test
    void validTokenWorksForManyChangesUntilItExpires() {
        String token = token();
        clock.advance(Duration.ofMinutes(59));

        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/probe/change").header(CsrfFilter.HEADER, token).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.data").isEqualTo("changed");
        }
    }

    @Test
    void readsAndChangesOutsideTheApiNeedNoToken() {
        client.get().uri("/probe/item").exchange().expectStatus().isOk();
        client.post().uri("/probe/echo").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isOk();
    }

    private String token() {
        return client.get().uri("/api/csrf-token").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
    }
}
