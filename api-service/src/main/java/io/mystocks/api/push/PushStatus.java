package io.mystocks.api.push;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of {@code GET /api/socketio-status}. */
final class PushStatus {

    private PushStatus() {
    }

    /**
     * @param channels by channel name: streams with subscribers, and subscriptions
     */
    static Map<String, Object> of(PushHub hub, Map<String, long[]> channels, long retainedStreams) {
        Map<String, Object> status = new LinkedHashMap<>();
        Map<String, Object> channelFigures = new LinkedHashMap<>();
        channels.forEach((name, figures) -> channelFigures.put(name, Map.of("streams", figures[0],
                "subscriptions", figures[1])));
        long sse = hub.connections(Subscriber.Transport.SSE);
        long ws = hub.connections(Subscriber.Transport.WS);
        status.put("channels", channelFigures);
        status.put("connections", Map.of("sse", sse, "websocket", ws, "total", sse + ws));
        status.put("subscribers", Map.of("sse", hub.subscriptions(Subscriber.Transport.SSE),
                "websocket", hub.subscriptions(Subscriber.Transport.WS)));
        status.put("messages_per_second", Map.of("published", round(hub.published().perSecond()),
                "delivered", round(hub.delivered().perSecond())));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("published", hub.published().total());
        totals.put("delivered", hub.delivered().total());
        totals.put("skipped", hub.conflated());
        totals.put("replayed", hub.replayedEvents());
        totals.put("resets", hub.resets());
        totals.put("disconnected_slow", hub.disconnectedSlow());
        status.put("totals", totals);
        status.put("queued", hub.queued());
        status.put("retained", Map.of("streams", retainedStreams, "events", hub.retention().events(),
                "bytes", hub.retention().bytes()));
        status.put("last_event_id", EventId.format(hub.epoch(), hub.lastSequence()));
        PushProperties properties = hub.properties();
        status.put("limits", Map.of("max_symbols_per_connection", properties.maxSymbols(),
                "ring_size", properties.ringSize(), "heartbeat_seconds", properties.heartbeat().toSeconds(),
                "stall_timeout_seconds", properties.stallTimeout().toSeconds()));
        return status;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
