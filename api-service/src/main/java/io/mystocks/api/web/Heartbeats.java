package io.mystocks.api.web;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Keeps a server-sent event stream's connection alive through proxies that close quiet ones: a
 * {@code : heartbeat} comment every so often, from the first interval on, until the events end.
 */
public final class Heartbeats {

    private Heartbeats() {
    }

    /** The events, with heartbeats merged in; it completes or fails when they do. */
    public static Flux<ServerSentEvent<String>> around(Flux<ServerSentEvent<String>> events, Duration every) {
        ServerSentEvent<String> heartbeat = ServerSentEvent.<String>builder().comment("heartbeat").build();
        Sinks.Empty<Void> ended = Sinks.empty();
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(every, every).map(tick -> heartbeat)
                .onBackpressureDrop().takeUntilOther(ended.asMono());
        return Flux.merge(events.doFinally(signal -> ended.tryEmitEmpty()), heartbeats);
    }
}
