package io.mystocks.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * Every indicator of one symbol and interval as of one bar. Keyed by {@code symbol|interval} on the
 * compacted {@code analytics.indicators}, partitioned by symbol.
 *
 * @param barOpenTime the bar the values belong to
 * @param barClosed   false while that bar is still forming, so the values may still change
 * @param values      by indicator name, such as {@code SMA_20}
 */
public record IndicatorSnapshot(String symbol, Interval interval, Instant barOpenTime, boolean barClosed,
                                Map<String, IndicatorValue> values, Instant computedAt) {
    public IndicatorSnapshot {
        values = Map.copyOf(values);
    }

    public String key() {
        return key(symbol, interval);
    }

    public static String key(String symbol, Interval interval) {
        return symbol + '|' + interval.code();
    }
}
