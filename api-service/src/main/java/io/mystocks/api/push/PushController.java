package io.mystocks.api.push;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.api.web.Heartbeats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

/** Realtime push over server-sent events, and the push layer's status. */
@RestController
@Tag(name = "realtime", description = "Quotes, bars and indicators pushed over SSE and WebSocket")
final class PushController {
    private static final ServerSentEvent<String> CONNECTED = ServerSentEvent.<String>builder()
            .comment("connected").retry(Duration.ofSeconds(3)).build();

    private final PushHub hub;
    private final Envelopes envelopes;
    private final int maxSymbols;
    private final Duration heartbeat;

    PushController(PushHub hub, Envelopes envelopes, PushProperties properties) {
        this.hub = hub;
        this.envelopes = envelopes;
        this.maxSymbols = properties.maxSymbols();
        this.heartbeat = properties.heartbeat();
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events of quotes, bars and indicators",
            description = """
                    Each event has id `EPOCH-SEQUENCE` (one sequence for all streams), event = its channel and \
                    data = the record as JSON (snake_case), with "skipped": n first when n older events of the \
                    stream were replaced because the client read too slowly. Reconnecting with Last-Event-ID \
                    (or last_event_id) replays the missed events still kept, then goes live; when they are no \
                    longer kept, or the id is from another run or replica, a "reset" event carries the latest \
                    value instead. A ": heartbeat" comment comes every 15 s. A client that takes nothing for \
                    the stall timeout (30 s) is disconnected.""")
    Flux<ServerSentEvent<String>> stream(
            @Parameter(description = "comma-separated symbols, at most mystocks.push.max-symbols (default 50)")
            @RequestParam(required = false) String symbols,
            @Parameter(description = "comma-separated channels: `quotes`, `bars:INTERVAL`, "
                    + "`indicators:INTERVAL` with INTERVAL one of 1m 5m 15m 30m 60m 1d 1w 1M (default quotes)")
            @RequestParam(required = false) String channels,
            @Parameter(description = "resume after this event id; the Last-Event-ID header wins")
            @RequestParam(name = "last_event_id", required = false) String lastEventIdParam,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader) {
        List<FieldViolation> violations = new ArrayList<>();
        Subscriptions subscriptions = Subscriptions.parse(Subscriptions.split(symbols),
                Subscriptions.split(channels), maxSymbols, violations);
        EventId after = lastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam,
                lastEventIdHeader != null ? "Last-Event-ID" : "last_event_id", violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        Subscriber subscriber = hub.open(Subscriber.Transport.SSE, s -> s.subscribe(subscriptions.keys(), after));
        return Heartbeats.around(subscriber.deliveries().map(this::event), heartbeat).startWith(CONNECTED);
    }

    @GetMapping(path = "/api/socketio-status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "State of the realtime push layer",
            description = "Subscriptions per channel, connections and subscriptions per transport, messages per "
                    + "second (one-minute average), skipped (conflated) events, replays, resets, slow clients "
                    + "disconnected and the events kept for resuming.")
    Envelope<Map<String, Object>> status(ServerWebExchange exchange) {
        return envelopes.ok(exchange, hub.status());
    }

    private ServerSentEvent<String> event(Delivery delivery) {
        return ServerSentEvent.builder(Frames.sseData(delivery))
                .id(hub.eventId(delivery.event()))
                .event(delivery.isReset() ? Frames.RESET : delivery.event().channel().name())
                .build();
    }

    private static EventId lastEventId(String text, String field, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return EventId.parse(text).orElseGet(() -> {
            violations.add(new FieldViolation(field, "INVALID_FORMAT", field + " '" + text + "' is not an event id"
                    + " of this API (<epoch>-<sequence>, as sent in the id of each event)"));
            return null;
        });
    }
}
