package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Symbols;
import io.mystocks.contracts.Topics;
import io.mystocks.indicators.aggregation.BarAlignment;
import io.mystocks.indicators.aggregation.BarWindow;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges closed bars from {@code market.bars.backfill} into the state of their series.
 *
 * <p>Design note. Live data wins: the series' latest live bar (forming, or just closed, in the forming-bar
 * store) marks where the backfill stops. A backfilled bar that ends by the time that bar opens, or of a
 * series without live bars, goes into the bar history under its open time, so that a repeated backfill
 * overwrites rather than duplicates; a bar that overlaps the live bar or comes after it is refused. A
 * backfilled daily bar also brings the trading day its previous close. Bars must sit on the same grid as
 * the live bars (same market-local alignment), or the history would hold overlapping bars.
 *
 * <p>Not thread-safe: one stream task owns it.
 */
final class BackfillMerge {
    /** The first reason of a dead letter for a backfilled bar that live bars already cover. */
    static final String OVERLAPS_LIVE_DATA = "backfill bar overlaps live data";

    private final DecodedStore<FormingBar> formingBars;
    private final BarHistory history;
    private final DecodedStore<TradingDay> tradingDays;

    BackfillMerge(DecodedStore<FormingBar> formingBars, BarHistory history, DecodedStore<TradingDay> tradingDays) {
        this.formingBars = formingBars;
        this.history = history;
        this.tradingDays = tradingDays;
    }

    /**
     * Applies a backfilled bar to the stores.
     *
     * @param key the record's key, which must be the bar's symbol
     * @return why the bar was not applied; empty when it was
     */
    List<String> apply(String key, Bar bar) {
        List<String> problems = problems(key, bar);
        if (!problems.isEmpty()) {
            return problems;
        }
        FormingBar live = formingBars.get(IndicatorSnapshot.key(bar.symbol(), bar.interval()));
        if (live != null && bar.closeTime().isAfter(live.bar().openTime())) {
            Bar latest = live.bar();
            return List.of(OVERLAPS_LIVE_DATA, "the " + bar.interval().code() + " bar " + bar.openTime() + " - "
                    + bar.closeTime() + " does not end by the " + (latest.closed() ? "closed" : "forming")
                    + " live bar that opened at " + latest.openTime());
        }
        history.append(bar);
        if (bar.interval() == Interval.D1) {
            TradingDay current = tradingDays.get(bar.symbol());
            TradingDay next = TradingDay.backfill(current, bar, lastTrade(bar));
            // A backfill run again, or a bar older than the previous close, leaves the day as it was: writing
            // it again would only add a changelog record.
            if (!next.equals(current)) {
                tradingDays.put(bar.symbol(), next);
            }
        }
        return List.of();
    }

    /** What makes a record of the backfill topic unusable, whatever the live data. */
    static List<String> problems(String key, Bar bar) {
        List<String> problems = new ArrayList<>();
        if (!Symbols.isValid(bar.symbol())) {
            problems.add("symbol '" + bar.symbol() + "' does not match " + Symbols.PATTERN);
            return problems;
        }
        if (!bar.symbol().equals(key)) {
            problems.add("key '" + key + "' is not the bar's symbol '" + bar.symbol() + "': " + Topics.BARS_BACKFILL
                    .name() + " is keyed by symbol, so that a bar meets the quotes of its symbol");
        }
        if (!bar.closed()) {
            problems.add("bar " + bar.key() + " is not closed: only final bars are backfilled");
        }
        problems.addAll(priceProblems(bar));
        BarWindow window = BarAlignment.window(bar.interval(), Market.of(bar.symbol()), bar.openTime());
        if (!window.openTime().equals(bar.openTime()) || !window.closeTime().equals(bar.closeTime())
                || !window.tradingDay().equals(bar.tradingDay())) {
            problems.add("the " + bar.interval().code() + " bar " + bar.openTime() + " - " + bar.closeTime() + " of "
                    + bar.tradingDay() + " is not on the market's grid, where it would be " + window.openTime()
                    + " - " + window.closeTime() + " of " + window.tradingDay());
        }
        return problems;
    }

    private static List<String> priceProblems(Bar bar) {
        List<BigDecimal> prices = Arrays.asList(bar.open(), bar.high(), bar.low(), bar.close());
        if (prices.stream().anyMatch(price -> price == null || price.signum() <= 0)) {
            return List.of("open, high, low and close must be positive, were " + prices);
        }
        List<String> problems = new ArrayList<>();
        BigDecimal floor = bar.open().min(bar.close());
        BigDecimal ceiling = bar.open().max(bar.close());
        if (bar.low().compareTo(floor) > 0 || bar.high().compareTo(ceiling) < 0) {
            problems.add("low " + bar.low() + " and high " + bar.high() + " must enclose open " + bar.open()
                    + " and close " + bar.close());
        }
        if (bar.volume() < 0 || bar.trades() < 0) {
            problems.add("volume and trades must not be negative, were " + bar.volume() + " and " + bar.trades());
        }
        if (bar.amount() == null || bar.amount().signum() < 0) {
            problems.add("amount must not be negative or missing, was " + bar.amount());
        }
        return problems;
    }

    /** The close of the day's last session: the time a backfilled day's figures show. */
    private static Instant lastTrade(Bar daily) {
        Market market = Market.of(daily.symbol());
        return daily.tradingDay().atTime(market.sessions().getLast().close()).atZone(market.zone()).toInstant();
    }
}
