package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.SymbolPartitioning;
import io.mystocks.contracts.Topics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The latest market state from the output topics, held in memory so that every read is a map lookup.
 * Values are deserialised once: when they arrive, except indicator snapshots, which are decoded when first
 * read ({@link KeptSnapshot}). One thread applies records (the feed); request
 * threads read concurrently.
 */
final class MarketStore {
    private final ConcurrentHashMap<String, LatestQuote> quotes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instrument> instruments = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Fundamentals> fundamentals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, KeptSnapshot> indicators = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SeriesKey, BarSeries> series = new ConcurrentHashMap<>();
    private final Map<String, Interval> barTopics = new HashMap<>();
    private final JsonSerde<LatestQuote> quoteSerde = JsonSerde.of(LatestQuote.class);
    private final JsonSerde<Instrument> instrumentSerde = JsonSerde.of(Instrument.class);
    private final JsonSerde<Fundamentals> fundamentalsSerde = JsonSerde.of(Fundamentals.class);
    private final JsonSerde<Bar> barSerde = JsonSerde.of(Bar.class);
    private final int maxBarsPerSeries;
    private volatile boolean ready;
    /** Written by the feed thread only. */
    private volatile long barCount;

    MarketStore(int maxBarsPerSeries) {
        this.maxBarsPerSeries = maxBarsPerSeries;
        for (Interval interval : Interval.values()) {
            barTopics.put(Topics.bars(interval).name(), interval);
        }
    }

    /** Every topic the store is built from. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(List.of(Topics.QUOTES_LATEST.name(),
                Topics.INDICATORS.name(), Topics.INSTRUMENTS.name(), Topics.FUNDAMENTALS.name()));
        topics.addAll(barTopics.keySet());
        return topics;
    }

    /**
     * Applies one record; a null value deletes its key, as on a compacted topic.
     *
     * @return the record now stored, or null when the record was a deletion
     * @throws SerializationException   if the value is not a valid record of the topic's type
     * @throws IllegalArgumentException if the key does not fit the topic
     */
    Object apply(String topic, String key, byte[] value) {
        Interval interval = barTopics.get(topic);
        if (interval != null) {
            return applyBar(topic, interval, key, value);
        }
        if (Topics.QUOTES_LATEST.name().equals(topic)) {
            return put(quotes, requireKey(key, topic), value == null ? null : quoteSerde.deserialize(topic, value));
        }
        if (Topics.INSTRUMENTS.name().equals(topic)) {
            return put(instruments, requireKey(key, topic),
                    value == null ? null : instrumentSerde.deserialize(topic, value));
        }
        if (Topics.FUNDAMENTALS.name().equals(topic)) {
            return put(fundamentals, requireKey(key, topic),
                    value == null ? null : fundamentalsSerde.deserialize(topic, value));
        }
        if (Topics.INDICATORS.name().equals(topic)) {
            String series = requireKey(key, topic);
            return put(indicators, series, value == null ? null : KeptSnapshot.of(series, value));
        }
        throw new IllegalArgumentException("the read model does not read topic " + topic);
    }

    void markReady() {
        ready = true;
    }

    boolean isReady() {
        return ready;
    }

    LatestQuote quote(String symbol) {
        return quotes.get(symbol);
    }

    Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    Fundamentals fundamentals(String symbol) {
        return fundamentals.get(symbol);
    }

    /** The series' latest snapshot, decoded on first read; null when none was published or it does not decode. */
    IndicatorSnapshot indicators(String symbol, Interval interval) {
        KeptSnapshot kept = indicators.get(IndicatorSnapshot.key(symbol, interval));
        return kept == null ? null : kept.snapshot();
    }

    /** Whether anything at all is known of the symbol. */
    boolean knows(String symbol) {
        return instruments.containsKey(symbol) || quotes.containsKey(symbol);
    }

    /** See {@link BarSeries#window}; empty when no bar of the series is kept. */
    BarSeries.Window bars(String symbol, Interval interval, Instant from, Instant to, int limit) {
        BarSeries bars = series.get(new SeriesKey(symbol, interval));
        return bars == null ? new BarSeries.Window(List.of(), null) : bars.window(from, to, limit);
    }

    /** The bars kept of a series, or null when none was ever stored. */
    BarSeries series(String symbol, Interval interval) {
        return series.get(new SeriesKey(symbol, interval));
    }

    /**
     * A number that changes whenever a bar of the series is stored or removed, 0 while none is kept:
     * part of the key of anything computed from the series, so that new bars make old results unused.
     */
    long barVersion(String symbol, Interval interval) {
        BarSeries bars = series.get(new SeriesKey(symbol, interval));
        return bars == null ? 0 : bars.version();
    }

    /** Counts for the health report, snake_case. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("quotes", quotes.size());
        figures.put("instruments", instruments.size());
        figures.put("fundamentals", fundamentals.size());
        figures.put("indicator_snapshots", indicators.size());
        figures.put("bar_series", series.size());
        figures.put("bars", barCount);
        return figures;
    }

    private Bar applyBar(String topic, Interval interval, String key, byte[] value) {
        if (value == null) {
            String symbol = SymbolPartitioning.symbolOf(requireKey(key, topic));
            BarSeries bars = series.get(new SeriesKey(symbol, interval));
            if (bars != null) {
                barCount += bars.remove(openTimeOf(key, topic));
            }
            return null;
        }
        Bar bar = barSerde.deserialize(topic, value);
        if (bar.interval() != interval) {
            throw new IllegalArgumentException("a " + bar.interval().code() + " bar on the " + interval.code()
                    + " topic " + topic);
        }
        BarSeries bars = series.computeIfAbsent(new SeriesKey(bar.symbol(), interval),
                k -> new BarSeries(maxBarsPerSeries));
        barCount += bars.put(bar);
        return bar;
    }

    private static Instant openTimeOf(String key, String topic) {
        int bar = key.indexOf('|');
        try {
            return Instant.parse(key.substring(bar + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("key '" + key + "' on " + topic + " is not symbol|openTime", e);
        }
    }

    private static String requireKey(String key, String topic) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("record without a key on " + topic);
        }
        return key;
    }

    private static <V> V put(ConcurrentHashMap<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
        return value;
    }

    private record SeriesKey(String symbol, Interval interval) {
    }
}
