package io.mystocks.contracts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bar intervals. Intraday bars have a fixed length inside the trading sessions; daily, weekly and
 * monthly bars follow the market's trading calendar. Codes are case-sensitive: {@code 1m} is one
 * minute and {@code 1M} one month.
 */
public enum Interval {
    M1("1m", "1min", Duration.ofMinutes(1)),
    M5("5m", "5min", Duration.ofMinutes(5)),
    M15("15m", "15min", Duration.ofMinutes(15)),
    M30("30m", "30min", Duration.ofMinutes(30)),
    H1("60m", "60min", Duration.ofMinutes(60)),
    D1("1d", "1day", null),
    W1("1w", "1week", null),
    MN1("1M", "1month", null);

    private final String code;
    private final String topicSuffix;
    private final Duration length;

    Interval(String code, String topicSuffix, Duration length) {
        this.code = code;
        this.topicSuffix = topicSuffix;
        this.length = length;
    }

    /** The code clients use, such as {@code 1m}, {@code 60m} or {@code 1d}. */
    public String code() {
        return code;
    }

    /**
     * The part of the bar topic's name for this interval. Distinct ignoring case, unlike the codes,
     * so that log directories never collide on case-insensitive file systems.
     */
    public String topicSuffix() {
        return topicSuffix;
    }

    public boolean isIntraday() {
        return length != null;
    }

    /** The fixed length of an intraday bar; empty for calendar intervals. */
    public Optional<Duration> length() {
        return Optional.ofNullable(length);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Interval::code).toList();
    }

    /**
     * Parses a client's interval: a code ({@code 5m}), a topic suffix ({@code 5min}), {@code 1h}, or
     * a period word ({@code daily}, {@code weekly}, {@code monthly}).
     */
    public static Optional<Interval> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        for (Interval interval : values()) {
            if (interval.code.equals(value) || interval.topicSuffix.equalsIgnoreCase(value)) {
                return Optional.of(interval);
            }
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1h", "60min", "hourly" -> Optional.of(H1);
            case "d", "day", "daily" -> Optional.of(D1);
            case "w", "week", "weekly" -> Optional.of(W1);
            case "mo", "1mo", "month", "monthly" -> Optional.of(MN1);
            default -> Optional.empty();
        };
    }
}
