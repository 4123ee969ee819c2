package io.mystocks.api.push;

import io.mystocks.contracts.Json;

/**
 * The wire forms of a delivery, built by splicing the event's JSON (serialised once for every
 * subscriber) rather than serialising again per connection.
 */
final class Frames {
    /** The SSE event name of a reset. */
    static final String RESET = "reset";

    private Frames() {
    }

    /**
     * The SSE data: the record's JSON, with {@code "skipped": n} first when events were conflated; for a
     * reset, {@code {channel, symbol, reason, latest}}.
     */
    static String sseData(Delivery delivery) {
        PushEvent event = delivery.event();
        if (delivery.isReset()) {
            return "{\"channel\":\"" + event.channel().name() + "\",\"symbol\":\"" + event.symbol()
                    + "\",\"reason\":" + quoted(delivery.reason()) + ",\"latest\":" + event.json() + "}";
        }
        if (delivery.skipped() == 0) {
            return event.json();
        }
        String json = event.json();
        String rest = json.length() > 2 ? "," + json.substring(1) : "}";
        return "{\"skipped\":" + delivery.skipped() + rest;
    }

    /**
     * A WebSocket data frame: {@code {type, channel, symbol, id, skipped, data}}; a reset has
     * {@code type} {@code reset} and a {@code reason}.
     */
    static String wsFrame(Delivery delivery, String id) {
        PushEvent event = delivery.event();
        StringBuilder frame = new StringBuilder(event.json().length() + 128);
        frame.append("{\"type\":\"").append(delivery.isReset() ? RESET : event.channel().kind().frameType)
                .append("\",\"channel\":\"").append(event.channel().name())
                .append("\",\"symbol\":\"").append(event.symbol())
                .append("\",\"id\":\"").append(id).append('"');
        if (delivery.isReset()) {
            frame.append(",\"reason\":").append(quoted(delivery.reason()));
        } else {
            frame.append(",\"skipped\":").append(delivery.skipped());
        }
        return frame.append(",\"data\":").append(event.json()).append('}').toString();
    }

    private static String quoted(String text) {
        return Json.mapper().writeValueAsString(text);
    }
}
