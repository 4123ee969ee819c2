package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.QuoteValidator;
import io.mystocks.contracts.SymbolPartitioning;
import io.mystocks.contracts.Topics;
import io.mystocks.indicators.StreamsSettings;
import io.mystocks.indicators.aggregation.BarAlignment;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import io.mystocks.indicators.ta.SeriesCache;
import io.mystocks.ta.IndicatorSet;
import io.mystocks.ta.LiveIndicators;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns quotes into bars of every interval, indicator snapshots and trading-day figures.
 *
 * <p>Design note. A quote is applied to all intervals or to none: if it is older than the latest bar
 * of any interval (before its open, or inside a bar already closed), it is late and goes to the
 * dead-letter topic, so that the intervals and the trading day always add up to the same volume.
 * A quote of a later bar closes the current one at once: the closed bar is written to the history and
 * published in the same transaction. Everything else is published by a wall-clock punctuator: each
 * tick it closes the bars whose end plus the grace has passed on the clock (so a symbol that stops
 * trading still gets its closed bar), then publishes the forming bars, indicator snapshots and latest
 * quotes that changed since the last tick. That throttle turns a burst of quotes into one record per
 * key and tick instead of about ten records per quote; the emit budget bounds the tick itself when
 * thousands of series changed. The dirty set is per task and in memory: a crash loses only forming
 * values, which the next quote of the key publishes again.
 *
 * <p>Closed bars from the backfill topic, co-partitioned with the quotes, reach the same processor: a bar
 * that {@link BackfillMerge} applies is republished closed at once, and its series' indicators are rebuilt
 * from the history and published with the next tick.
 */
final class MarketProcessor extends ContextualProcessor<String, Object, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(MarketProcessor.class);
    /** Every interval, by ordinal; {@code Interval.values()} would copy the array for every quote. */
    private static final Interval[] INTERVALS = Interval.values();

    private final StreamsSettings settings;
    private final Clock clock;
    private final QuoteValidator validator;
    private final CloseSchedule schedule;
    private final SeriesCache seriesCache;
    private final IndicatorSet indicators;
    private final Set<String> dirtyBars = new LinkedHashSet<>();
    private final Set<String> dirtySymbols = new LinkedHashSet<>();
    /**
     * The series keys of each symbol the task has seen, by interval ordinal. Every quote needs all eight; built
     * once, they are not concatenated and hashed again for every quote. One entry per symbol of the task.
     */
    private final Map<String, String[]> seriesKeys = new HashMap<>();
    private DecodedStore<FormingBar> formingBars;
    private DecodedStore<TradingDay> tradingDays;
    private BarHistory history;
    private BackfillMerge backfill;

    MarketProcessor(StreamsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // The symbol universe is the ingest service's concern; here a quote only has to be well formed.
        this.validator = new QuoteValidator(symbol -> true, settings.maxClockSkew(), clock);
        this.schedule = new CloseSchedule(settings.grace());
        this.seriesCache = new SeriesCache(settings.seriesCacheSize());
        this.indicators = settings.indicatorSet();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        formingBars = new DecodedStore<>(context.getStateStore(MarketTopology.FORMING_BARS_STORE));
        tradingDays = new DecodedStore<>(context.getStateStore(MarketTopology.TRADING_DAYS_STORE));
        history = new BarHistory(context.getStateStore(MarketTopology.BAR_HISTORY_STORE), settings.historySize());
        backfill = new BackfillMerge(formingBars, history, tradingDays);
        // In-memory views are rebuilt from the stores whenever the task (re)starts.
        seriesCache.clear();
        dirtyBars.clear();
        dirtySymbols.clear();
        rebuildSchedule();
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> punctuate());
        log.info("Task {} started with {} forming bars", context.taskId(), schedule.size());
    }

    @Override
    public void process(Record<String, Object> record) {
        switch (record.value()) {
            case Quote quote -> process(record, quote);
            case Bar bar -> merge(record, bar);
            case null -> reject(record, List.of("empty record: " + sourceTopic() + " carries no deletes"));
            default -> throw new IllegalStateException("unexpected " + record.value().getClass().getName()
                    + " from " + sourceTopic());
        }
    }

    private void process(Record<String, Object> record, Quote quote) {
        List<String> problems = validator.problems(quote);
        if (!problems.isEmpty()) {
            reject(record, problems);
            return;
        }
        String[] keys = seriesKeys.computeIfAbsent(quote.symbol(), MarketProcessor::keysOf);
        FormingBar[] current = new FormingBar[INTERVALS.length];
        for (int i = 0; i < INTERVALS.length; i++) {
            current[i] = formingBars.get(keys[i]);
        }
        Optional<String> late = lateness(quote.timestamp(), current);
        if (late.isPresent()) {
            reject(record, List.of(late.get()));
            return;
        }

        Market market = Market.of(quote.symbol());
        Instant now = clock.instant();
        for (int i = 0; i < INTERVALS.length; i++) {
            aggregate(quote, market, INTERVALS[i], keys[i], current[i], record.timestamp(), now);
        }
        TradingDay day = TradingDay.next(tradingDays.get(quote.symbol()), quote,
                BarAlignment.tradingDay(market, quote.timestamp()));
        tradingDays.put(quote.symbol(), day);
        dirtySymbols.add(quote.symbol());
    }

    /** Merges a backfilled bar: into the history, out on its interval's topic, and its indicators rebuilt. */
    private void merge(Record<String, Object> record, Bar bar) {
        List<String> problems = backfill.apply(record.key(), bar);
        if (!problems.isEmpty()) {
            reject(record, problems);
            return;
        }
        String key = IndicatorSnapshot.key(bar.symbol(), bar.interval());
        seriesCache.invalidate(key);
        dirtyBars.add(key);
        if (bar.interval() == Interval.D1) {
            dirtySymbols.add(bar.symbol());
        }
        context().forward(new Record<>(bar.key(), bar, record.timestamp()), MarketTopology.BARS_SINK);
        log.debug("Merged backfilled bar {} of {}", bar.key(), bar.interval().code());
    }

    private static String[] keysOf(String symbol) {
        String[] keys = new String[INTERVALS.length];
        for (int i = 0; i < INTERVALS.length; i++) {
            keys[i] = IndicatorSnapshot.key(symbol, INTERVALS[i]);
        }
        return keys;
    }

    /**
     * Why a quote at {@code time} is late, if it is.
     *
     * @param current the latest bar of each interval, by ordinal; null where the series has none yet
     */
    private static Optional<String> lateness(Instant time, FormingBar[] current) {
        for (FormingBar latest : current) {
            if (latest == null) {
                continue;
            }
            Bar bar = latest.bar();
            if (time.isBefore(bar.openTime())) {
                return Optional.of("late quote at " + time + ": older than the " + (bar.closed() ? "closed" : "forming")
                        + " " + bar.interval().code() + " bar that opened at " + bar.openTime());
            }
            if (bar.closed() && time.isBefore(bar.closeTime())) {
                return Optional.of("late quote at " + time + ": the " + bar.interval().code() + " bar "
                        + bar.openTime() + " - " + bar.closeTime() + " is already closed");
            }
        }
        return Optional.empty();
    }

    private void aggregate(Quote quote, Market market, Interval interval, String key, FormingBar current,
                           long timestamp, Instant now) {
        FormingBar next;
        if (current != null && current.accepts(quote.timestamp())) {
            next = current.apply(quote);
        } else {
            if (current != null && !current.closed()) {
                // The next bar takes the closed one's place in the store below, for this same record: writing
                // the closed one first would only serialise a value that is overwritten before anything reads it.
                onClosed(key, current.close().bar(), timestamp);
            }
            next = FormingBar.open(quote, interval, BarAlignment.window(interval, market, quote.timestamp()));
        }
        formingBars.put(key, next);
        schedule.touch(key, next.bar().closeTime(), now);
        dirtyBars.add(key);
    }

    /** A bar that just closed: appended to the history, published at once; the caller stores what follows it. */
    private void onClosed(String key, Bar closed, long timestamp) {
        history.append(closed);
        seriesCache.appendClosed(key, closed);
        schedule.cancel(key);
        context().forward(new Record<>(closed.key(), closed, timestamp), MarketTopology.BARS_SINK);
        dirtyBars.add(key);
        log.debug("Closed bar {} of {}", closed.key(), closed.interval().code());
    }

    private void punctuate() {
        Instant now = clock.instant();
        for (String key : schedule.takeDue(now)) {
            FormingBar current = formingBars.get(key);
            if (current != null && !current.closed()) {
                FormingBar done = current.close();
                formingBars.put(key, done);
                onClosed(key, done.bar(), now.toEpochMilli());
            }
        }
        emitChanged(now);
    }

    /**
     * Publishes what changed since the last tick: the latest quote of every changed symbol, and the forming
     * bar and indicators of changed series for as long as the emit budget lasts. Series left over stay dirty
     * in their order and go first at the next tick: under a flood their snapshots come less often, each
     * still with the latest values, while quotes keep being processed.
     */
    private void emitChanged(Instant now) {
        long timestamp = now.toEpochMilli();
        Instant deadline = now.plus(settings.emitBudget());
        Iterator<String> keys = dirtyBars.iterator();
        while (keys.hasNext() && !clock.instant().isAfter(deadline)) {
            String key = keys.next();
            keys.remove();
            FormingBar latest = formingBars.get(key);
            if (latest == null) {
                historySnapshot(key, now).ifPresent(snapshot -> context().forward(
                        new Record<>(key, snapshot, timestamp), MarketTopology.INDICATORS_SINK));
                continue;
            }
            if (!latest.closed()) {
                context().forward(new Record<>(latest.bar().key(), latest.bar(), timestamp), MarketTopology.BARS_SINK);
            }
            context().forward(new Record<>(key, snapshot(key, latest, now), timestamp),
                    MarketTopology.INDICATORS_SINK);
        }
        for (String symbol : dirtySymbols) {
            TradingDay day = tradingDays.get(symbol);
            if (day != null) {
                context().forward(new Record<>(symbol, day.toLatestQuote(), timestamp), MarketTopology.LATEST_SINK);
            }
        }
        dirtySymbols.clear();
    }

    private IndicatorSnapshot snapshot(String key, FormingBar latest, Instant now) {
        Bar bar = latest.bar();
        Bar forming = latest.closed() ? null : bar;
        Instant historyEnd = latest.closed() ? bar.closeTime() : bar.openTime();
        LiveIndicators series = seriesCache.withForming(key, forming, () -> LiveIndicators.of(indicators,
                history.load(bar.symbol(), bar.interval(), historyEnd), forming, settings.historySize()));
        return new IndicatorSnapshot(bar.symbol(), bar.interval(), bar.openTime(), bar.closed(), series.snapshot(),
                now);
    }

    /** The indicators of a series that has only backfilled bars, as of its last one; empty without bars. */
    private Optional<IndicatorSnapshot> historySnapshot(String key, Instant now) {
        String symbol = SymbolPartitioning.symbolOf(key);
        Interval interval = Interval.parse(key.substring(symbol.length() + 1)).orElseThrow();
        List<Bar> bars = history.load(symbol, interval);
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        LiveIndicators series = seriesCache.withForming(key, null,
                () -> LiveIndicators.of(indicators, bars, null, settings.historySize()));
        return Optional.of(new IndicatorSnapshot(symbol, interval, bars.getLast().openTime(), true,
                series.snapshot(), now));
    }

    private void reject(Record<String, Object> record, List<String> reasons) {
        String source = context().recordMetadata()
                .map(meta -> meta.topic() + '/' + meta.partition() + '/' + meta.offset())
                .orElse(sourceTopic());
        context().forward(DeadLetters.of(record.key(), source, reasons, record.value(), clock.instant()),
                MarketTopology.DEAD_LETTER_SINK);
        log.debug("Dead-lettered record {}: {}", source, reasons);
    }

    private String sourceTopic() {
        return context().recordMetadata().map(meta -> meta.topic()).orElse(Topics.QUOTES.name());
    }

    private void rebuildSchedule() {
        schedule.clear();
        history.reset();
        Instant now = clock.instant();
        try (KeyValueIterator<String, FormingBar> bars = formingBars.store().all()) {
            while (bars.hasNext()) {
                KeyValue<String, FormingBar> entry = bars.next();
                if (!entry.value.closed()) {
                    schedule.touch(entry.key, entry.value.bar().closeTime(), now);
                }
            }
        }
    }
}
