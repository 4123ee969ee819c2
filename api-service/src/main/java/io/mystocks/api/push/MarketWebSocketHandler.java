package io.mystocks.api.push;

import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ws/market}: the WebSocket protocol of the former service's clients. A client sends
 * {@code {"action": "subscribe" | "unsubscribe" | "ping", "symbol": "600519", "channels": [...]}}
 * ({@code symbols} may list several; {@code last_event_id} resumes) and gets
 * {@code {"type": "subscribed" | "unsubscribed" | "pong" | "error", ...}}, then data frames
 * {@code {"type": "quote" | "bar" | "indicator" | "reset", "channel", "symbol", "id", "skipped", "data"}}.
 * Replies wait in a bounded queue; a client that lets it fill, or stops reading events for the stall
 * timeout, is closed with 1008 and the reason.
 */
final class MarketWebSocketHandler implements WebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(MarketWebSocketHandler.class);

    private final PushHub hub;
    private final Clock clock;
    private final int maxSymbols;
    private final int maxPendingReplies;

    MarketWebSocketHandler(PushHub hub, Clock clock, PushProperties properties) {
        this.hub = hub;
        this.clock = clock;
        this.maxSymbols = properties.maxSymbols();
        this.maxPendingReplies = properties.maxPendingReplies();
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        Sinks.Many<String> replies = Sinks.many().unicast()
                .onBackpressureBuffer(Queues.<String>get(maxPendingReplies).get());
        Subscriber subscriber = hub.open(Subscriber.Transport.WS, s -> { });
        subscriber.onSlow(() -> close(session, "too slow: took no events for the stall timeout"));
        Flux<WebSocketMessage> output = Flux.merge(replies.asFlux(),
                        subscriber.deliveries().map(d -> Frames.wsFrame(d, hub.eventId(d.event()))))
                .map(session::textMessage);
        Mono<Void> input = session.receive()
                .doOnNext(message -> reply(session, replies, answer(message.getPayloadAsText(), subscriber)))
                .doFinally(signal -> {
                    subscriber.close();
                    replies.tryEmitComplete();
                })
                .then();
        log.debug("WebSocket {} opened", session.getId());
        return session.send(output).and(input);
    }

    private void reply(WebSocketSession session, Sinks.Many<String> replies, Map<String, Object> answer) {
        if (replies.tryEmitNext(Json.mapper().writeValueAsString(answer)).isFailure()) {
            close(session, "more than " + maxPendingReplies + " replies not read");
        }
    }

    private static void close(WebSocketSession session, String reason) {
        session.close(CloseStatus.POLICY_VIOLATION.withReason(reason)).subscribe();
    }

    /** The reply to one client message. */
    Map<String, Object> answer(String text, Subscriber subscriber) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return error(null, "INVALID_MESSAGE", "messages are JSON objects such as {\"action\": \"subscribe\", "
                    + "\"symbol\": \"600519\", \"channels\": [\"quotes\"]}");
        }
        String action = message != null && message.path("action").isString() ? message.path("action").asString()
                : null;
        if (action == null) {
            return error(null, "INVALID_MESSAGE", "a message needs an action: subscribe, unsubscribe or ping");
        }
        return switch (action) {
            case "ping" -> ordered("type", "pong", "timestamp", clock.instant().toString());
            case "subscribe" -> subscribe(message, subscriber);
            case "unsubscribe" -> unsubscribe(message, subscriber);
            default -> error(action, "UNKNOWN_ACTION", "unknown action '" + action
                    + "'; use subscribe, unsubscribe or ping");
        };
    }

    private Map<String, Object> subscribe(JsonNode message, Subscriber subscriber) {
        List<FieldViolation> violations = new ArrayList<>();
        Subscriptions wanted = Subscriptions.parse(texts(message, "symbol", "symbols"),
                texts(message, "channel", "channels"), maxSymbols, violations);
        EventId after = null;
        JsonNode last = message.path("last_event_id");
        if (last.isString()) {
            after = EventId.parse(last.asString()).orElse(null);
            if (after == null) {
                violations.add(new FieldViolation("last_event_id", "INVALID_FORMAT", "last_event_id '"
                        + last.asString() + "' is not an event id of this API"));
            }
        }
        if (violations.isEmpty() && subscriber.symbolsWith(wanted.keys()).size() > maxSymbols) {
            violations.add(Subscriptions.tooMany(maxSymbols));
        }
        if (!violations.isEmpty()) {
            return error("subscribe", violations.getFirst().code(), violations.stream()
                    .map(FieldViolation::message).collect(Collectors.joining("; ")));
        }
        subscriber.subscribe(wanted.keys(), after);
        return ordered("type", "subscribed", "symbols", wanted.symbols(), "channels", wanted.channelNames(),
                "streams", subscriber.streams());
    }

    private static Map<String, Object> unsubscribe(JsonNode message, Subscriber subscriber) {
        List<String> symbols = texts(message, "symbol", "symbols");
        List<String> channels = texts(message, "channel", "channels");
        Set<String> upper = symbols.stream().map(s -> s.trim().toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> channelNames = channels.stream().map(c -> Channel.parse(c).map(Channel::name).orElse(c))
                .collect(Collectors.toSet());
        List<StreamKey> leaving = subscriber.keys().stream()
                .filter(key -> upper.isEmpty() || upper.contains(key.symbol()))
                .filter(key -> channelNames.isEmpty() || channelNames.contains(key.channel().name()))
                .toList();
        int removed = subscriber.unsubscribe(leaving);
        return ordered("type", "unsubscribed", "symbols", symbols, "channels", channels, "removed", removed,
                "streams", subscriber.streams());
    }

    /** The strings of a single-value field and a list field (a JSON array or one comma-separated string). */
    private static List<String> texts(JsonNode message, String single, String plural) {
        List<String> texts = new ArrayList<>();
        JsonNode one = message.path(single);
        if (one.isString()) {
            texts.add(one.asString());
        }
        JsonNode many = message.path(plural);
        if (many.isString()) {
            texts.addAll(Subscriptions.split(many.asString()));
        } else if (many.isArray()) {
            many.forEach(item -> texts.add(item.isString() ? item.asString() : item.toString()));
        }
        return texts;
    }

    private static Map<String, Object> error(String action, String code, String message) {
        return ordered("type", "error", "action", action, "code", code, "message", message);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
