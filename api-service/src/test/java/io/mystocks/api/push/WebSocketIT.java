package io.mystocks.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.OfflineApplication;
import io.mystocks.contracts.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** {@code /ws/market} with the messages the former service's clients send. */
class WebSocketIT extends OfflineApplication {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    private int port;

    @Autowired
    private PushHub hub;

    @Test
    void clientPingsSubscribesAndReceivesQuotesAndClearErrors() {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<String> sent = List.of("{\"action\": \"ping\"}",
                "not json",
                "{\"action\": \"dance\"}",
                "{\"action\": \"subscribe\", \"symbol\": \"600519\", \"channels\": [\"bogus\"]}",
                "{\"action\": \"subscribe\", \"symbol\": \"600519\", \"channels\": [\"quotes\", \"bars:1m\"]}");

        new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/ws/market"), session ->
                session.send(Flux.fromIterable(sent).map(session::textMessage))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText)
                                .map(text -> Json.mapper().readTree(text))
                                .doOnNext(message -> {
                                    received.add(message);
                                    if ("subscribed".equals(message.path("type").asString())) {
                                        hub.onQuote(PushFixtures.quote("600519", "1711.50"));
                                    }
                                })
                                .takeUntil(message -> "quote".equals(message.path("type").asString())))
                        .then())
                .block(WAIT);

        assertThat(received).extracting(m -> m.path("type").asString())
                .containsExactly("pong", "error", "error", "error", "subscribed", "quote");
        assertThat(received.get(1).path("code").asString()).isEqualTo("INVALID_MESSAGE");
        assertThat(received.get(2).path("code").asString()).isEqualTo("UNKNOWN_ACTION");
        assertThat(received.get(3).path("code").asString()).isEqualTo("INVALID_CHANNEL");
        assertThat(received.get(4).path("streams").asInt()).isEqualTo(2);
        JsonNode quote = received.get(5);
        assertThat(quote.path("channel").asString()).isEqualTo("quotes");
        assertThat(quote.path("symbol").asString()).isEqualTo("600519");
        assertThat(quote.path("id").asString()).startsWith(hub.epoch() + "-");
        assertThat(quote.path("skipped").asInt()).isZero();
        assertThat(quote.path("data").path("price").decimalValue()).isEqualByComparingTo("1711.50");
    }

    @Test
    void unsubscribedClientGetsNoMoreOfThatSymbol() {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<String> sent = List.of(
                "{\"action\": \"subscribe\", \"symbols\": [\"600519\", \"000001\"]}",
                "{\"action\": \"unsubscribe\", \"symbol\": \"600519\"}");

        new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/ws/market"), session ->
                session.send(Flux.fromIterable(sent).map(session::textMessage))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText)
                                .map(text -> Json.mapper().readTree(text))
                                .doOnNext(message -> {
                                    received.add(message);
                                    if ("unsubscribed".equals(message.path("type").asString())) {
                                        hub.onQuote(PushFixtures.quote("600519", "1700.00"));
                                        hub.onQuote(PushFixtures.quote("000001", "11.00"));
                                    }
                                })
                                .takeUntil(message -> "quote".equals(message.path("type").asString())))
                        .then())
                .block(WAIT);

        assertThat(received).extracting(m -> m.path("type").asString())
                .containsExactly("subscribed", "unsubscribed", "quote");
        assertThat(received.get(1).path("removed").asInt()).isEqualTo(1);
        assertThat(received.get(2).path("symbol").asString()).isEqualTo("000001");
    }
}
