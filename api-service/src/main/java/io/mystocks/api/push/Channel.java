package io.mystocks.api.push;

import io.mystocks.contracts.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of realtime record: {@code quotes}, {@code bars:<interval>} or {@code indicators:<interval>},
 * with the interval's code ({@code bars:1m}, {@code indicators:1d}). One channel of one symbol is a
 * stream. Channels are a fixed set, each with a dense index, so a symbol's streams fit in an array.
 *
 * @param kind     what records the channel carries
 * @param interval the bar interval, null for quotes
 * @param name     the channel's name, also the SSE event name
 * @param index    0 for quotes, then the bar and the indicator intervals in order
 */
record Channel(Kind kind, Interval interval, String name, int index) {
    static final Channel QUOTES = new Channel(Kind.QUOTE, null, "quotes", 0);
    private static final List<Channel> ALL = all();
    static final int COUNT = ALL.size();

    /** What a channel carries, with the {@code type} of its WebSocket frames. */
    enum Kind {
        QUOTE("quote", "quotes"), BAR("bar", "bars"), INDICATOR("indicator", "indicators");

        final String frameType;
        final String prefix;

        Kind(String frameType, String prefix) {
            this.frameType = frameType;
            this.prefix = prefix;
        }
    }

    static Channel bars(Interval interval) {
        return ALL.get(1 + interval.ordinal());
    }

    static Channel indicators(Interval interval) {
        return ALL.get(1 + Interval.values().length + interval.ordinal());
    }

    static Channel byIndex(int index) {
        return ALL.get(index);
    }

    static List<Channel> values() {
        return ALL;
    }

    /** A channel by name; interval aliases are accepted ({@code bars:daily} is {@code bars:1d}). */
    static Optional<Channel> parse(String text) {
        String name = text.trim();
        if (name.equalsIgnoreCase(QUOTES.name)) {
            return Optional.of(QUOTES);
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = name.substring(0, colon).toLowerCase(Locale.ROOT);
        Optional<Interval> interval = Interval.parse(name.substring(colon + 1));
        if (interval.isEmpty()) {
            return Optional.empty();
        }
        return switch (prefix) {
            case "bars" -> Optional.of(bars(interval.get()));
            case "indicators" -> Optional.of(indicators(interval.get()));
            default -> Optional.empty();
        };
    }

    /** What to tell a client that named a channel that does not exist. */
    static String forms() {
        return "quotes, bars:<interval> or indicators:<interval> with an interval of "
                + String.join(", ", Interval.codes());
    }

    private static List<Channel> all() {
        List<Channel> all = new ArrayList<>();
        all.add(QUOTES);
        for (Kind kind : List.of(Kind.BAR, Kind.INDICATOR)) {
            for (Interval interval : Interval.values()) {
                all.add(new Channel(kind, interval, kind.prefix + ":" + interval.code(), all.size()));
            }
        }
        return List.copyOf(all);
    }
}
