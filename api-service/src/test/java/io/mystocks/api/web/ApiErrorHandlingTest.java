package io.mystocks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@WebFluxTest(controllers = {CsrfController.class, ProbeEndpoints.Controller.class})
@Import({WebConfiguration.class, TestClockConfig.class, ProbeEndpoints.Controller.class})
class ApiErrorHandlingTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Autowired
    private WebTestClient client;

    @Test
    void successIsWrappedInTheEnvelopeWithCodeZeroAndTheFixedMessage() {
        client.get().uri("/probe/item?count=3").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.code").isEqualTo(0)
                .jsonPath("$.message").isEqualTo("操作成功")
                .jsonPath("$.data.count").isEqualTo(3)
                .jsonPath("$.request_id").value(id -> assertThat((String) id).matches(UUID_PATTERN))
                .jsonPath("$.timestamp").isEqualTo("2026-12-03T10:15:30.123Z")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void wellFormedRequestIdIsEchoedInHeaderAndBody() {
        client.get().uri("/probe/item").header(RequestIds.HEADER, "client-42.a_b").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "client-42.a_b")
                .expectBody().jsonPath("$.request_id").isEqualTo("client-42.a_b");
    }

    @Test
    void malformedRequestIdIsReplacedByAGeneratedOne() {
        client.get().uri("/probe/item").header(RequestIds.HEADER, "bad id; drop table").exchange()
                .expectStatus().isOk()
                .expectHeader().value(RequestIds.HEADER, id -> assertThat(id).matches(UUID_PATTERN));
    }

    @Test
    void securityHeadersAreOnSuccessAndErrorResponses() {
        for (String uri : List.of("/probe/item", "/no/such/path")) {
            client.get().uri(uri).exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().value("Content-Security-Policy",
                            csp -> assertThat(csp).contains("default-src 'self'"));
        }
    }

    @Test
    void unknownRouteIs404InTheEnvelope() {
        client.get().uri("/no/such/path").header(RequestIds.HEADER, "r-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(RequestIds.HEADER, "r-404")
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(404)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("GET /no/such/path"))
                .jsonPath("$.data").isEmpty()
                .jsonPath("$.request_id").isEqualTo("r-404")
                .jsonPath("$.timestamp").isEqualTo("2026-12-03T10:15:30.123Z");
    }

    @Test
    void wrongMethodIs405WithTheAllowedMethods() {
        client.put().uri("/probe/item").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"))
                .expectBody()
                .jsonPath("$.code").isEqualTo(405)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("PUT").contains("GET"));
    }

    @Test
    void unacceptableMediaTypeIs406AnsweredInJson() {
        client.get().uri("/probe/item").accept(MediaType.APPLICATION_XML).exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo(406)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("application/json"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        client.post().uri("/probe/echo").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.code").isEqualTo(415)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("text/plain")
                        .contains("application/json"));
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        client.post().uri("/probe/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo(400)
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("request body is not valid JSON"));
    }

    @Test
    void missingBodyIs400() {
        client.post().uri("/probe/echo").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("request body is required"));
    }

    @Test
    void parameterOfTheWrongTypeIs400WithAFieldError() {
        client.get().uri("/probe/item?count=many").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("count")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_TYPE")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("count").contains("many"));
    }

    @Test
    void bodyOverTheDeclaredLimitIs413() {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');

        client.post().uri("/probe/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.code").isEqualTo(413)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("65536"));
    }

    @Test
    void streamedBodyOverTheLimitIs413() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 80).map(i -> buffers.wrap(new byte[1024]));

        client.post().uri("/probe/echo").contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo(413);
    }

    @Test
    void unexpectedFailureIs500WithoutInternalDetail() {
        client.get().uri("/probe/boom").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(500)
                .jsonPath("$.message").value(m -> assertThat((String) m).doesNotContain("secret"));
    }

    @Test
    void unavailableDependencyIs503WithRetryAfter() {
        client.get().uri("/probe/down").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.code").isEqualTo(503)
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("Redis"));
    }

    @Test
    void allowedOriginGetsCorsHeaders() {
        client.get().uri("http://api.example/probe/item").header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    @Test
    void foreignOriginIs403InTheEnvelope() {
        client.get().uri("http://api.example/probe/item").header(HttpHeaders.ORIGIN, "https://evil.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.code").isEqualTo(403)
                .jsonPath("$.errors[0].code").isEqualTo("CORS_REJECTED");
    }

    @Test
    void malformedOriginIs403NotAFailure() {
        client.get().uri("http://api.example/probe/item").header(HttpHeaders.ORIGIN, "::not a uri::").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("CORS_REJECTED");
    }

    @Test
    void logLinesOfARequestCarryItsIdEvenOnOtherThreads() {
        Logger logger = (Logger) ProbeEndpoints.log;
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            client.get().uri("/probe/async").header(RequestIds.HEADER, "trace-me").exchange()
                    .expectStatus().isOk();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getThreadName()).startsWith("boundedElastic");
            assertThat(event.getMDCPropertyMap()).containsEntry(RequestIds.KEY, "trace-me");
        });
    }
}
