package io.mystocks.api.indicators;

import io.mystocks.api.market.MarketReads;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.BoundSeries;
import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorPoint;
import io.mystocks.ta.IndicatorSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shapes of the indicator endpoints. They hold only strings, numbers, booleans, instants, lists and
 * maps, so that what the response cache writes to Redis reads back equal. Parameters are {@link BigDecimal}
 * so that whole numbers stay whole ({@code 20}, not {@code 20.0}) after a round trip.
 */
final class IndicatorViews {
    static final String FROM_SNAPSHOT = "snapshot";
    static final String FROM_BARS = "bars";
    static final String NOTHING = "none";

    private IndicatorViews() {
    }

    /**
     * The request's newest {@code limit} points, oldest first, from the series' indicator state: the values of
     * the indicator over every bar kept.
     */
    static IndicatorSeries series(IndicatorRequest request, BoundSeries bars) {
        IndicatorInstance instance = request.instance();
        List<IndicatorPoint> points = bars.newest(instance, request.limit());
        List<Bar> newest = bars.newestBars(points.size());
        List<SeriesPoint> kept = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            IndicatorPoint point = points.get(i);
            kept.add(new SeriesPoint(MarketReads.date(newest.get(i)), point.time(), point.ready(),
                    ordered(point.outputs(), instance.outputs())));
        }
        return new IndicatorSeries(request.symbol(), request.interval().code(), instance.definition().name(),
                instance.key(), instance.definition().description(), parameters(instance), instance.outputs(),
                instance.warmupBars(), bars.size(), kept.size(), kept);
    }

    /** What indicator-streams published, in the standard set's order. */
    static LatestIndicators latest(IndicatorSnapshot snapshot) {
        Map<String, LatestValue> values = new LinkedHashMap<>();
        for (IndicatorInstance instance : IndicatorSet.standard().instances()) {
            IndicatorValue value = snapshot.values().get(instance.key());
            if (value != null) {
                values.put(instance.key(), value(value, instance.outputs()));
            }
        }
        new TreeMap<>(snapshot.values()).forEach((key, value) -> values.computeIfAbsent(key,
                k -> value(value, List.of())));
        return new LatestIndicators(snapshot.symbol(), snapshot.interval().code(), FROM_SNAPSHOT,
                snapshot.barOpenTime(), snapshot.barClosed(), snapshot.computedAt(), values.size(), values);
    }

    /** The standard set's values at the newest bar, from the series' indicator state. */
    static LatestIndicators latest(String symbol, Interval interval, BoundSeries bars, Instant computedAt) {
        if (bars.isEmpty()) {
            return new LatestIndicators(symbol, interval.code(), NOTHING, null, null, computedAt, 0, Map.of());
        }
        Map<String, LatestValue> values = new LinkedHashMap<>();
        for (IndicatorInstance instance : IndicatorSet.standard().instances()) {
            values.put(instance.key(), value(bars.value(instance, 0), instance.outputs()));
        }
        Bar newest = bars.bar(0);
        return new LatestIndicators(symbol, interval.code(), FROM_BARS, newest.openTime(), newest.closed(), computedAt,
                values.size(), values);
    }

    /** Every parameter's value, whole numbers as integers. */
    static Map<String, BigDecimal> parameters(IndicatorInstance instance) {
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        instance.parameters().forEach((name, value) -> parameters.put(name, value instanceof Integer whole
                ? BigDecimal.valueOf(whole) : BigDecimal.valueOf(value.doubleValue())));
        return parameters;
    }

    /** The outputs in the indicator's order, then any others by name; an output left out stays out. */
    static Map<String, Double> ordered(Map<String, Double> outputs, List<String> names) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String name : names) {
            Double value = outputs.get(name);
            if (value != null) {
                ordered.put(name, value);
            }
        }
        new TreeMap<>(outputs).forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static LatestValue value(IndicatorValue value, List<String> outputs) {
        return new LatestValue(ordered(value.outputs(), outputs), value.warmupBars(), value.barsAvailable(),
                value.ready());
    }

    /**
     * One indicator over the bars of a series.
     *
     * @param name          the catalogue name the request resolved to, such as SMA for MA
     * @param key           the instance's key, such as {@code SMA_20}
     * @param warmupBars    bars needed before a point is ready
     * @param barsAvailable bars the series was computed over (every bar the read model keeps)
     * @param count         points returned, the newest {@code limit}
     */
    record IndicatorSeries(String symbol, String interval, String name, String key, String description,
                           Map<String, BigDecimal> parameters, List<String> outputs, int warmupBars,
                           int barsAvailable, int count, List<SeriesPoint> points) {
    }

    /**
     * The indicator at one bar.
     *
     * @param date   the bar's market-local trading day, or local open time for intraday bars, as in k-lines
     * @param time   the bar's open time
     * @param ready  the warm-up is complete at this bar; values is empty before
     * @param values the outputs by name; one undefined at this bar (a zero range, no volume) is left out
     */
    record SeriesPoint(String date, Instant time, boolean ready, Map<String, Double> values) {
    }

    /**
     * The latest value of every indicator of the standard set.
     *
     * @param source      {@code snapshot} (published by indicator-streams), {@code bars} (computed here because
     *                    none was published for the interval yet) or {@code none} (no bars either)
     * @param barOpenTime the bar the values belong to
     * @param barClosed   false while that bar is still forming, so the values may still change
     * @param indicators  by instance key, such as {@code SMA_20}
     */
    record LatestIndicators(String symbol, String interval, String source, Instant barOpenTime,
                            Boolean barClosed, Instant computedAt, int count, Map<String, LatestValue> indicators) {
    }

    /** One indicator's latest value with its warm-up state; values is empty until ready. */
    record LatestValue(Map<String, Double> values, int warmupBars, int barsAvailable, boolean ready) {
    }
}
