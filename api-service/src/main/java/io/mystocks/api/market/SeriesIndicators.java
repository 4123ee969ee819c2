package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.BoundSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indicator state of the series requests read, kept between requests: per symbol and interval a
 * {@link BoundSeries} that follows the read model's bars from their end. A request after the forming bar
 * changed steps every indicator it reads by one bar instead of computing it again over a thousand bars;
 * only a change before the end (a backfill, a corrected bar) rebuilds the series, once, for every request
 * after it.
 *
 * <p>This is state derived from the read model, not a cache of answers: clearing the response cache does not
 * touch it, and it is never stale, because every read first brings it up to the bars kept. At most
 * {@code maxSeries} series are kept; beyond that the least recently read are dropped and rebuilt when read
 * again.
 */
final class SeriesIndicators {
    private static final Logger log = LoggerFactory.getLogger(SeriesIndicators.class);

    private final MarketStore store;
    private final int maxBars;
    private final int maxSeries;
    private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();
    private final LongAdder rebuilds = new LongAdder();
    private final LongAdder steps = new LongAdder();

    SeriesIndicators(MarketStore store, int maxBars, int maxSeries) {
        this.store = store;
        this.maxBars = maxBars;
        this.maxSeries = maxSeries;
    }

    /**
     * What {@code reader} makes of the series brought up to the bars kept, read alone: the series must not
     * escape the reader. An empty series when no bar is kept.
     */
    <T> T read(String symbol, Interval interval, Function<BoundSeries, T> reader) {
        Key key = new Key(symbol, interval);
        State state = states.get(key);
        if (state == null) {
            state = states.computeIfAbsent(key, k -> new State(reads.incrementAndGet()));
            if (states.size() > maxSeries) {
                evictLeastRecentlyRead();
            }
        }
        synchronized (state) {
            state.lastRead = reads.incrementAndGet();
            BarSeries source = store.series(symbol, interval);
            if (source != null) {
                follow(key, state, source);
            }
            return reader.apply(state.bound);
        }
    }

    /** Series kept, rebuilds and steps so far, for the health report. */
    Map<String, Object> figures() {
        return Map.of("series", states.size(), "rebuilds", rebuilds.sum(), "steps", steps.sum());
    }

    private void follow(Key key, State state, BarSeries source) {
        // Counters before bars: what they count is then in the bars read (see BarSeries).
        long rewrites = source.rewrites();
        long version = source.version();
        if (version == state.version) {
            return;
        }
        if (rewrites != state.rewrites || state.bound.isEmpty() || !extend(key, state.bound,
                source.from(state.bound.bar(0).openTime()))) {
            rebuild(key, state.bound, source.all());
            rebuilds.increment();
        } else {
            steps.increment();
        }
        state.rewrites = rewrites;
        state.version = version;
    }

    /** Replaces the newest bar by its latest version and appends the bars after it. */
    private static boolean extend(Key key, BoundSeries bound, List<Bar> tail) {
        if (tail.isEmpty() || !tail.getFirst().openTime().equals(bound.bar(0).openTime())) {
            return false;
        }
        if (tail.getFirst() != bound.bar(0)) {
            bound.replaceLast(tail.getFirst());
        }
        for (Bar bar : tail.subList(1, tail.size())) {
            appendOrSkip(key, bound, bar);
        }
        return true;
    }

    private void rebuild(Key key, BoundSeries bound, List<Bar> bars) {
        bound.reset(List.of());
        for (Bar bar : bars) {
            appendOrSkip(key, bound, bar);
        }
    }

    /**
     * A bar that opens before its predecessor closes (two sources disagreeing on a session's hours) cannot
     * follow it in a series; the earlier one is kept, so that a rebuild and a step skip the same bars.
     */
    private static void appendOrSkip(Key key, BoundSeries bound, Bar bar) {
        if (!bound.append(bar)) {
            log.debug("Series {} {} skips bar {} for indicators: it opens before the bar before it closes",
                    key.symbol(), key.interval().code(), bar.key());
        }
    }

    private void evictLeastRecentlyRead() {
        List<Map.Entry<Key, State>> entries = new ArrayList<>(states.entrySet());
        int excess = entries.size() - maxSeries * 9 / 10;
        if (excess <= 0) {
            return;
        }
        entries.sort(Comparator.comparingLong(entry -> entry.getValue().lastRead));
        for (Map.Entry<Key, State> entry : entries.subList(0, excess)) {
            states.remove(entry.getKey(), entry.getValue());
        }
        log.debug("Dropped the indicator state of {} least recently read series (at most {} are kept)", excess,
                maxSeries);
    }

    private record Key(String symbol, Interval interval) {
    }

    /** Guarded by itself; lastRead is also read unguarded, to choose what to drop, where a stale value is harmless. */
    private final class State {
        private final BoundSeries bound = BoundSeries.create(maxBars);
        private long version;
        private long rewrites;
        private long lastRead;

        private State(long lastRead) {
            this.lastRead = lastRead;
        }
    }
}
