package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.QuoteValidator;
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
import java.util.EnumMap;
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
import org.apache.kafka.streams.state.KeyValueStore;
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
 * key and tick instead of about ten records per quote. The dirty set is per task and in memory: a
 * crash loses only forming values, which the next quote of the key publishes again.
 */
final class MarketProcessor extends ContextualProcessor<String, Quote, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(MarketProcessor.class);

    private final StreamsSettings settings;
    private final Clock clock;
    private final QuoteValidator validator;
    private final CloseSchedule schedule;
    private final SeriesCache seriesCache;
    private final IndicatorSet indicators;
    private final Set<String> dirtyBars = new LinkedHashSet<>();
    private final Set<String> dirtySymbols = new LinkedHashSet<>();
    private KeyValueStore<String, FormingBar> formingBars;
    private KeyValueStore<String, TradingDay> tradingDays;
    private BarHistory history;

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
        formingBars = context.getStateStore(MarketTopology.FORMING_BARS_STORE);
        tradingDays = context.getStateStore(MarketTopology.TRADING_DAYS_STORE);
        history = new BarHistory(context.getStateStore(MarketTopology.BAR_HISTORY_STORE), settings.historySize());
        // In-memory views are rebuilt from the stores whenever the task (re)starts.
        seriesCache.clear();
        dirtyBars.clear();
        dirtySymbols.clear();
        rebuildSchedule();
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> punctuate());
        log.info("Task {} started with {} forming bars", context.taskId(), schedule.size());
    }

    @Override
    public void process(Record<String, Quote> record) {
        Quote quote = record.value();
        if (quote == null) {
            reject(record, List.of("empty record: " + Topics.QUOTES.name() + " carries no deletes"));
            return;
        }
        List<String> problems = validator.problems(quote);
        if (!problems.isEmpty()) {
            reject(record, problems);
            return;
        }
        Map<Interval, FormingBar> current = currentBars(quote.symbol());
        Optional<String> late = lateness(quote.timestamp(), current);
        if (late.isPresent()) {
            reject(record, List.of(late.get()));
            return;
        }

        Market market = Market.of(quote.symbol());
        Instant now = clock.instant();
        for (Interval interval : Interval.values()) {
            aggregate(quote, market, interval, current.get(interval), record.timestamp(), now);
        }
        TradingDay day = TradingDay.next(tradingDays.get(quote.symbol()), quote,
                BarAlignment.tradingDay(market, quote.timestamp()));
        tradingDays.put(quote.symbol(), day);
        dirtySymbols.add(quote.symbol());
    }

    private Map<Interval, FormingBar> currentBars(String symbol) {
        Map<Interval, FormingBar> current = new EnumMap<>(Interval.class);
        for (Interval interval : Interval.values()) {
            FormingBar bar = formingBars.get(IndicatorSnapshot.key(symbol, interval));
            if (bar != null) {
                current.put(interval, bar);
            }
        }
        return current;
    }

    private static Optional<String> lateness(Instant time, Map<Interval, FormingBar> current) {
        for (FormingBar latest : current.values()) {
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

    private void aggregate(Quote quote, Market market, Interval interval, FormingBar current, long timestamp,
                           Instant now) {
        String key = IndicatorSnapshot.key(quote.symbol(), interval);
        FormingBar next;
        if (current != null && current.accepts(quote.timestamp())) {
            next = current.apply(quote);
        } else {
            if (current != null && !current.closed()) {
                close(key, current, timestamp);
            }
            next = FormingBar.open(quote, interval, BarAlignment.window(interval, market, quote.timestamp()));
        }
        formingBars.put(key, next);
        schedule.touch(key, next.bar().closeTime(), now);
        dirtyBars.add(key);
    }

    /** Closes a bar: final in the store, appended to the history, published at once. */
    private void close(String key, FormingBar current, long timestamp) {
        FormingBar done = current.close();
        Bar closed = done.bar();
        formingBars.put(key, done);
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
                close(key, current, now.toEpochMilli());
            }
        }
        emitChanged(now);
    }

    private void emitChanged(Instant now) {
        long timestamp = now.toEpochMilli();
        for (String key : dirtyBars) {
            FormingBar latest = formingBars.get(key);
            if (latest == null) {
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
        dirtyBars.clear();
        dirtySymbols.clear();
    }

    private IndicatorSnapshot snapshot(String key, FormingBar latest, Instant now) {
        Bar bar = latest.bar();
        Bar forming = latest.closed() ? null : bar;
        LiveIndicators series = seriesCache.withForming(key, forming, () -> LiveIndicators.of(indicators,
                history.load(bar.symbol(), bar.interval()), forming, settings.historySize()));
        return new IndicatorSnapshot(bar.symbol(), bar.interval(), bar.openTime(), bar.closed(), series.snapshot(),
                now);
    }

    private void reject(Record<String, Quote> record, List<String> reasons) {
        String source = context().recordMetadata()
                .map(meta -> meta.topic() + '/' + meta.partition() + '/' + meta.offset())
                .orElse(Topics.QUOTES.name());
        context().forward(DeadLetters.of(record.key(), source, reasons, record.value(), clock.instant()),
                MarketTopology.DEAD_LETTER_SINK);
        log.debug("Dead-lettered quote {}: {}", source, reasons);
    }

    private void rebuildSchedule() {
        schedule.clear();
        history.reset();
        Instant now = clock.instant();
        try (KeyValueIterator<String, FormingBar> bars = formingBars.all()) {
            while (bars.hasNext()) {
                KeyValue<String, FormingBar> entry = bars.next();
                if (!entry.value.closed()) {
                    schedule.touch(entry.key, entry.value.bar().closeTime(), now);
                }
            }
        }
    }
}
