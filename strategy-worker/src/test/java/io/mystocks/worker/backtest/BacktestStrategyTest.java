package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.worker.market.BarSource;
import io.mystocks.worker.market.ClosedBars;
import io.mystocks.worker.market.DataVersion;
import io.mystocks.worker.market.MarketSnapshot;
import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.Progress;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backtests as jobs run them: parameters bound at planning, bars read from the market snapshot. */
class BacktestStrategyTest {
    private static final List<Bar> APPLE = TestBars.apple("AAPL");
    private static final MarketSnapshot MARKET = new MarketSnapshot(
            Map.of("AAPL", new Instrument("AAPL", "Apple", "NASDAQ", Market.US, "USD", "Technology", 1),
                    "MSFT", new Instrument("MSFT", "Microsoft", "NASDAQ", Market.US, "USD", "Technology", 1)),
            Map.of(), Map.of(), (symbol, interval) -> symbol.equals("AAPL") && interval == Interval.D1 ? APPLE
                    : List.of());

    @ParameterizedTest
    @EnumSource(RuleBook.class)
    void runsEveryStrategyWithItsDefaultsOverRealBars(RuleBook rule) {
        Strategy strategy = Backtests.find(rule.id()).orElseThrow();

        BacktestResult result = (BacktestResult) strategy.plan(Map.of("symbols", "AAPL"))
                .execute(MARKET, Progress.NONE);

        assertThat(result.strategyId()).isEqualTo(rule.id());
        assertThat(result.periods()).isEqualTo(252);
        assertThat(result.trades().size() + result.openPositions().size()).isPositive();
        assertThat(result.metrics().exposure()).isBetween(0.0, 1.0);
    }

    @Test
    void limitsTheBarsToTheDateRange() {
        BacktestResult result = run("ma_cross", Map.of("symbols", List.of("AAPL"), "start_date", "2013-03-01",
                "end_date", "2013-08-30"));

        assertThat(result.startDate()).isEqualTo(LocalDate.of(2013, 3, 1));
        assertThat(result.endDate()).isEqualTo(LocalDate.of(2013, 8, 30));
        assertThat(result.params()).containsEntry("start_date", "2013-03-01");
    }

    @Test
    void givesTheResultOfFreshlyBuiltSeriesWhenTheSeriesComeFromTheCache() {
        MarketSnapshot market = market(new ClosedBars("AAPL", Interval.D1, APPLE));
        BacktestStrategy cached = new BacktestStrategy(RuleBook.MA_CROSS, new PriceSeriesCache(4));
        BacktestStrategy uncached = new BacktestStrategy(RuleBook.MA_CROSS, new PriceSeriesCache(0));
        BacktestStrategy.Plan plan = cached.bind(Map.of("symbols", "AAPL"));

        BacktestResult first = cached.run(plan, market, Progress.NONE);
        BacktestResult second = cached.run(plan, market, Progress.NONE);

        assertThat(second).isEqualTo(first).isEqualTo(uncached.run(plan, market, Progress.NONE));
    }

    @Test
    void backtestsTheNewBarsOnceTheHistoryChanges() {
        List<Bar> changed = new ArrayList<>(APPLE);
        Bar last = APPLE.getLast();
        changed.set(changed.size() - 1, TestBars.daily("AAPL", last.tradingDay(), last.open().toPlainString(), "400"));
        BacktestStrategy strategy = new BacktestStrategy(RuleBook.MA_CROSS, new PriceSeriesCache(4));
        BacktestStrategy.Plan plan = strategy.bind(Map.of("symbols", "AAPL"));
        BacktestResult before = strategy.run(plan, market(new ClosedBars("AAPL", Interval.D1, APPLE)), Progress.NONE);

        BacktestResult after = strategy.run(plan, market(new ClosedBars("AAPL", Interval.D1, changed)),
                Progress.NONE);

        assertThat(after.hashes().data()).isNotEqualTo(before.hashes().data());
        assertThat(after).isEqualTo(new BacktestStrategy(RuleBook.MA_CROSS, new PriceSeriesCache(0))
                .run(plan, market(new ClosedBars("AAPL", Interval.D1, changed)), Progress.NONE));
    }

    @Test
    void takesTheDataVersionOfTheHistoryHeldWhenTheRangeKeepsEveryBar() {
        ClosedBars held = new ClosedBars("AAPL", Interval.D1, APPLE);
        BacktestStrategy strategy = new BacktestStrategy(RuleBook.MA_CROSS, new PriceSeriesCache(4));

        BacktestResult whole = strategy.run(strategy.bind(Map.of("symbols", "AAPL")), market(held), Progress.NONE);
        BacktestResult part = strategy.run(strategy.bind(Map.of("symbols", "AAPL", "start_date", "2013-03-01")),
                market(held), Progress.NONE);

        assertThat(whole.data().getFirst()).isSameAs(held.version());
        assertThat(part.data().getFirst()).isEqualTo(DataVersion.of("AAPL", Interval.D1,
                APPLE.stream().filter(bar -> !bar.tradingDay().isBefore(LocalDate.of(2013, 3, 1))).toList()));
    }

    @Test
    void acceptsTheIntervalsAliases() {
        StrategyRun run = plan("ma_cross", Map.of("symbols", List.of("AAPL"), "interval", "daily"));

        BacktestResult result = (BacktestResult) run.execute(MARKET, Progress.NONE);

        assertThat(result.interval()).isEqualTo("1d");
    }

    @Test
    void failsAFastAverageThatIsNotShorterThanTheSlowOne() {
        assertThatThrownBy(() -> plan("ma_cross", Map.of("fast", 30, "slow", 20)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("fast must be shorter than slow; got fast 30 and slow 20");
    }

    @Test
    void failsAParameterOutOfItsBounds() {
        assertThatThrownBy(() -> plan("macd_cross", Map.of("signal", 0)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("signal must be a whole number from 1 to 100; got 0");
    }

    @Test
    void failsAnUnknownParameterNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> plan("rsi_reversion", Map.of("periods", 14)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessageStartingWith("unknown parameter \"periods\" for strategy rsi_reversion; it accepts period,"
                        + " oversold, overbought, symbols");
    }

    @Test
    void failsOversoldAboveOverbought() {
        assertThatThrownBy(() -> plan("rsi_reversion", Map.of("oversold", 75)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("oversold must be below overbought; got oversold 75 and overbought 70");
    }

    @Test
    void failsTooManySymbols() {
        List<String> many = IntStream.range(600000, 600021).mapToObj(String::valueOf).toList();

        assertThatThrownBy(() -> plan("ma_cross", Map.of("symbols", many)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("symbols must list 1 to 20 symbols; got 21");
    }

    @Test
    void failsAnIntradayInterval() {
        assertThatThrownBy(() -> plan("ma_cross", Map.of("interval", "5m")))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("interval must be one of 1d, 1w, 1M; got \"5m\"");
    }

    @Test
    void failsDatesOutOfOrder() {
        assertThatThrownBy(() -> plan("ma_cross", Map.of("start_date", "2024-02-01", "end_date", "2024-01-01")))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("start_date must not be after end_date; got 2024-02-01 and 2024-01-01");
    }

    @Test
    void failsASymbolWithoutBarsInTheRangeSayingHowTheyArrive() {
        StrategyRun run = plan("ma_cross", Map.of("symbols", List.of("MSFT"), "start_date", "2024-01-01",
                "end_date", "2024-06-30"));

        assertThatThrownBy(() -> run.execute(MARKET, Progress.NONE))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("no daily bars for MSFT between 2024-01-01 and 2024-06-30;"
                        + " history backfill publishes them");
    }

    @Test
    void failsARangeWithTooFewBarsSayingWhatIsHeld() {
        StrategyRun run = plan("ma_cross", Map.of("symbols", List.of("AAPL"), "start_date", "2013-12-01"));

        assertThatThrownBy(() -> run.execute(MARKET, Progress.NONE))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("only 21 daily bars for AAPL since 2013-12-01; ma_cross with these parameters needs at"
                        + " least 22; widen start_date/end_date or backfill more history"
                        + " (held: 252 bars from 2013-01-02 to 2013-12-31)");
    }

    @Test
    void failsAnUnknownSymbol() {
        StrategyRun run = plan("ma_cross", Map.of("symbols", List.of("ZZZZ")));

        assertThatThrownBy(() -> run.execute(MARKET, Progress.NONE))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("unknown symbol ZZZZ: it is not listed and has no daily bars; check the symbol, or"
                        + " publish its history first");
    }

    private static MarketSnapshot market(ClosedBars held) {
        return new MarketSnapshot(MARKET.instruments(), Map.of(), Map.of(), source(held));
    }

    /** A source that keeps its bars, as the read model does: the same history until it changes. */
    private static BarSource source(ClosedBars held) {
        return new BarSource() {
            @Override
            public List<Bar> closedBars(String symbol, Interval interval) {
                return history(symbol, interval).bars();
            }

            @Override
            public ClosedBars history(String symbol, Interval interval) {
                return symbol.equals(held.symbol()) && interval == held.interval() ? held
                        : new ClosedBars(symbol, interval, List.of());
            }
        };
    }

    private static StrategyRun plan(String id, Map<String, Object> params) {
        return Backtests.find(id).orElseThrow().plan(params);
    }

    private static BacktestResult run(String id, Map<String, Object> params) {
        return (BacktestResult) plan(id, params).execute(MARKET, Progress.NONE);
    }
}
