package io.mystocks.api.push;

import static io.mystocks.api.push.PushFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.api.MutableClock;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

@WebFluxTest(controllers = PushController.class, properties = "mystocks.push.max-symbols=3")
@Import({WebConfiguration.class, TestClockConfig.class, PushControllerTest.Config.class})
class PushControllerTest {
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
            new ParameterizedTypeReference<>() { };
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    private WebTestClient client;

    @Autowired
    private PushHub hub;

    @AfterEach
    void disconnectEveryone() {
        hub.subscribers().forEach(Subscriber::close);
    }

    @Test
    void subscriberReceivesPublishedQuotesAsEventsNamedByChannel() {
        Flux<ServerSentEvent<String>> events = connect("/api/stream?symbols=600519,aapl&channels=quotes", null);
        awaitSubscriptions(2);
        long base = hub.lastSequence();

        hub.onQuote(quote("600519", "1700.00"));
        hub.onQuote(quote("000001", "11.00"));
        hub.onQuote(quote("AAPL", "190.00"));

        StepVerifier.create(events.filter(e -> e.event() != null).take(2))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("quotes");
                    assertThat(e.id()).isEqualTo(hub.epoch() + "-" + (base + 1));
                    assertThat(Json.mapper().readTree(e.data()).get("symbol").asString()).isEqualTo("600519");
                    assertThat(Json.mapper().readTree(e.data()).get("pre_close")).isNotNull();
                })
                .assertNext(e -> assertThat(e.id()).isEqualTo(hub.epoch() + "-" + (base + 3)))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void reconnectingWithLastEventIdGetsExactlyTheMissedEventsThenLiveOnes() {
        Flux<ServerSentEvent<String>> first = connect("/api/stream?symbols=600519", null);
        List<String> seen = new CopyOnWriteArrayList<>();
        Disposable reading = first.filter(e -> e.event() != null).map(ServerSentEvent::id).subscribe(seen::add);
        awaitSubscriptions(1);
        long base = hub.lastSequence();
        hub.onQuote(quote("600519", "1700.00"));
        await().atMost(WAIT).until(() -> seen.size() == 1);
        hub.onQuote(quote("600519", "1701.00"));
        await().atMost(WAIT).until(() -> seen.size() == 2);
        reading.dispose();
        awaitSubscriptions(0);
        hub.onQuote(quote("600519", "1702.00"));
        hub.onQuote(quote("600519", "1703.00"));

        Flux<ServerSentEvent<String>> resumed = connect("/api/stream?symbols=600519", seen.getLast());
        awaitSubscriptions(1);
        hub.onQuote(quote("600519", "1704.00"));

        assertThat(seen).containsExactly(id(base + 1), id(base + 2));
        StepVerifier.create(resumed.filter(e -> e.event() != null).take(3).map(ServerSentEvent::id))
                .expectNext(id(base + 3), id(base + 4), id(base + 5))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void lastEventIdOfAnotherRunGetsAResetEvent() {
        hub.onQuote(quote("600519", "1700.00"));

        Flux<ServerSentEvent<String>> events = connect("/api/stream?symbols=600519&last_event_id=zz-9", null);

        StepVerifier.create(events.filter(e -> e.event() != null).take(1))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("reset");
                    assertThat(Json.mapper().readTree(e.data()).get("latest").get("symbol").asString())
                            .isEqualTo("600519");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void invalidSubscriptionsAre400WithEveryProblem() {
        client.get().uri("/api/stream?symbols=600519,bad!&channels=quotes,trades").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_SYMBOL")
                .jsonPath("$.errors[1].code").isEqualTo("INVALID_CHANNEL");
        client.get().uri("/api/stream").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("REQUIRED");
        client.get().uri("/api/stream?symbols=600519,000001,000002,000003").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("TOO_MANY")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("at most 3"));
        client.get().uri("/api/stream?symbols=600519").header("Last-Event-ID", "garbage").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
    }

    @Test
    void statusReportsConnectionsSubscriptionsAndRates() {
        connect("/api/stream?symbols=600519&channels=quotes,bars:1m", null).subscribe();
        awaitSubscriptions(2);

        client.get().uri("/api/socketio-status").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.connections.sse").isEqualTo(1)
                .jsonPath("$.data.connections.websocket").isEqualTo(0)
                .jsonPath("$.data.subscribers.sse").isEqualTo(2)
                .jsonPath("$.data.channels['bars:1m'].subscriptions").isEqualTo(1)
                .jsonPath("$.data.messages_per_second.published").isNumber()
                .jsonPath("$.data.totals.skipped").isNumber()
                .jsonPath("$.data.totals.disconnected_slow").isEqualTo(0);
    }

    private Flux<ServerSentEvent<String>> connect(String uri, String lastEventId) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange().expectStatus().isOk().returnResult(SSE).getResponseBody();
    }

    private void awaitSubscriptions(int count) {
        await().atMost(WAIT).until(() -> hub.subscriptions(Subscriber.Transport.SSE) == count
                && hub.connections(Subscriber.Transport.SSE) == (count == 0 ? 0 : 1));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PushProperties.class)
    static class Config {
        @Bean
        PushHub pushHub(PushProperties properties, MutableClock clock) {
            return new PushHub(properties, clock, Schedulers.parallel());
        }
    }

    private String id(long sequence) {
        return hub.epoch() + "-" + sequence;
    }
}
