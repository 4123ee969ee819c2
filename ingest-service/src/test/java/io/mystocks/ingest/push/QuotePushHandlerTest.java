package io.mystocks.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.publish.PublisherFixtures;
import io.mystocks.ingest.publish.PublisherFixtures.RecordingSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;

class QuotePushHandlerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T02:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PATH = "/api/ingest/quotes";
    private static final String AAPL = """
            {"symbol": "AAPL", "timestamp": "2026-12-03T02:15:29Z", "price": 270.10, "volume": 5}""";
    private static final String MOUTAI = """
            {"symbol": "600519", "timestamp": "2026-12-03T10:15:29+08:00", "price": 1450.00, "volume": 100}""";

    private final RecordingSender sender = new RecordingSender();
    private final AtomicBoolean ready = new AtomicBoolean(true);

    @Test
    void batchOfValidQuotesIsAcceptedInTheEnvelopeAndCarriesTheRequestId() {
        WebTestClient web = client(PushProperties.defaults());

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Request-ID", "req-42")
                .bodyValue("[" + AAPL + "," + MOUTAI + "]")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-ID", "req-42")
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.code").isEqualTo(0)
                .jsonPath("$.message").isEqualTo("操作成功")
                .jsonPath("$.request_id").isEqualTo("req-42")
                .jsonPath("$.timestamp").isEqualTo("2026-12-03T02:15:30Z")
                .jsonPath("$.data.accepted").isEqualTo(2)
                .jsonPath("$.data.rejected").isEqualTo(0)
                .jsonPath("$.data.results[0].index").isEqualTo(0)
                .jsonPath("$.data.results[0].status").isEqualTo("accepted")
                .jsonPath("$.data.results[1].reasons").isEmpty();

        assertThat(sender.sent(Topics.QUOTES.name())).hasSize(2).allSatisfy(record ->
                assertThat(RecordHeaders.text(record.headers(), RecordHeaders.REQUEST_ID)).isEqualTo("req-42"));
    }

    @Test
    void partlyBadBatchReportsEachQuoteAndSendsTheBadOnesToTheDeadLetterTopic() {
        WebTestClient web = client(PushProperties.defaults());
        String unknown = AAPL.replace("AAPL", "ZZZZ");
        String notANumber = MOUTAI.replace("1450.00", "NaN");

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"quotes\": [" + AAPL + "," + unknown + "," + notANumber + "]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.message").isEqualTo("2 of 3 quotes rejected; see the reasons in data.results")
                .jsonPath("$.data.accepted").isEqualTo(1)
                .jsonPath("$.data.rejected").isEqualTo(2)
                .jsonPath("$.data.results[0].status").isEqualTo("accepted")
                .jsonPath("$.data.results[1].status").isEqualTo("rejected")
                .jsonPath("$.data.results[1].reasons[0]").value(String.class, reason ->
                        assertThat(reason).contains("'ZZZZ' is not in the universe"))
                .jsonPath("$.data.results[2].status").isEqualTo("rejected")
                .jsonPath("$.data.results[2].reasons[0]").isEqualTo("price must be a finite number, was NaN");

        assertThat(sender.sent(Topics.QUOTES.name())).hasSize(1);
        assertThat(sender.sent(Topics.QUOTES_DLQ.name())).hasSize(2).satisfiesExactly(
                first -> assertThat(first.key()).isEqualTo("ZZZZ"),
                second -> {
                    assertThat(second.key()).isEqualTo("600519");
                    assertThat(RecordHeaders.text(second.headers(), RecordHeaders.DLQ_REASON)).contains("NaN");
                    assertThat(RecordHeaders.text(second.headers(), RecordHeaders.REQUEST_ID)).isNotBlank();
                });
    }

    @Test
    void missingRequestIdIsGeneratedAndEchoed() {
        WebTestClient web = client(PushProperties.defaults());

        String requestId = web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("[" + AAPL + "]")
                .exchange()
                .expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getFirst("X-Request-ID");

        assertThat(requestId).hasSize(36);
        assertThat(RecordHeaders.text(sender.sent().getFirst().headers(), RecordHeaders.REQUEST_ID))
                .isEqualTo(requestId);
    }

    @Test
    void malformedJsonIsRefusedWithWhereItFailedAndGoesToTheDeadLetterTopic() {
        WebTestClient web = client(PushProperties.defaults());

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Request-ID", "bad-1")
                .bodyValue("[" + AAPL + ",\n {\"symbol\": }]")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(400)
                .jsonPath("$.message").value(String.class, message ->
                        assertThat(message).startsWith("malformed JSON at line 2, column 13: "))
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].code").isEqualTo("malformed_json")
                .jsonPath("$.request_id").isEqualTo("bad-1")
                .jsonPath("$.data").doesNotExist();

        assertThat(sender.sent(Topics.QUOTES.name())).isEmpty();
        assertThat(sender.sent(Topics.QUOTES_DLQ.name())).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("http");
            DeadLetter letter = JsonSerde.of(DeadLetter.class).deserialize(record.topic(), record.value());
            assertThat(letter.payload()).contains("{\"symbol\": }");
            assertThat(letter.reasons().getFirst()).startsWith("malformed JSON at line 2");
        });
    }

    @Test
    void bodyLargerThanTheLimitIsRefusedWith413BeforeAnythingIsPublished() {
        PushProperties small = new PushProperties(true, 1000, DataSize.ofBytes(100), null, Duration.ofSeconds(5));
        WebTestClient web = client(small);

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("[" + AAPL + "," + AAPL + "]")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(413)
                .jsonPath("$.errors[0].code").isEqualTo("too_large")
                .jsonPath("$.message").value(String.class, message ->
                        assertThat(message).contains("at most 100 bytes"));

        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void batchWithMoreQuotesThanTheLimitIsRefusedWith413() {
        PushProperties few = new PushProperties(true, 2, DataSize.ofMegabytes(1), null, Duration.ofSeconds(5));
        WebTestClient web = client(few);

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + String.join(",", Collections.nCopies(3, AAPL)) + "]")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.message").isEqualTo("the batch holds 3 quotes, at most 2 are taken per request;"
                        + " split it");

        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void wrongOrMissingTokenIsRefusedWhenATokenIsConfigured() {
        PushProperties guarded = new PushProperties(true, 1000, DataSize.ofMegabytes(1), "s3cret",
                Duration.ofSeconds(5));
        WebTestClient web = client(guarded);

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Ingest-Token", "guess")
                .bodyValue("[" + AAPL + "]").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("X-Ingest-Token");
        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + AAPL + "]").exchange()
                .expectStatus().isUnauthorized();
        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).header("X-Ingest-Token", "s3cret")
                .bodyValue("[" + AAPL + "]").exchange()
                .expectStatus().isOk();

        assertThat(sender.sent()).hasSize(1);
    }

    @Test
    void quotesAreRefusedUntilTheTopicsExist() {
        WebTestClient web = client(PushProperties.defaults());
        ready.set(false);

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("[" + AAPL + "]")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("starting");

        assertThat(sender.sent()).isEmpty();
    }

    @Test
    void quotesKafkaDidNotAcknowledgeAreReportedFailedWith503() {
        WebTestClient web = client(PushProperties.defaults());
        sender.failWith(new TimeoutException("Expiring 1 record(s)"));

        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("[" + AAPL + "]")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(503)
                .jsonPath("$.data.failed").isEqualTo(1)
                .jsonPath("$.data.results[0].status").isEqualTo("failed")
                .jsonPath("$.data.results[0].reasons[0]").value(String.class, reason ->
                        assertThat(reason).startsWith("not written: ").contains("Expiring 1 record(s)"));
    }

    private WebTestClient client(PushProperties settings) {
        QuotePushHandler handler = new QuotePushHandler(
                PublisherFixtures.publisher(sender, Set.of("AAPL", "600519")::contains, CLOCK), settings, ready::get,
                CLOCK);
        return WebTestClient.bindToRouterFunction(PushConfiguration.routes(handler)).build();
    }
}
