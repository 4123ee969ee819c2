package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.worker.backtest.BacktestResult.EquityPoint;
import io.mystocks.worker.backtest.BacktestResult.SymbolReport;
import io.mystocks.worker.backtest.BacktestResult.Trade;
import io.mystocks.worker.market.BarSource;
import io.mystocks.worker.market.MarketSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties every backtest keeps: repeatable, blind to the future, equal weights, a bounded curve. */
class BacktestPropertiesTest {
    private static final LocalDate START = LocalDate.of(2015, 1, 5);

    @Test
    void givesTheSameResultAndHashesForTheSameInputs() {
        List<Bar> bars = TestBars.apple("AAPL");

        BacktestResult first = AppleBacktestTest.run("AAPL", bars, Map.of("fast", 10, "slow", 30));
        BacktestResult second = AppleBacktestTest.run("AAPL", List.copyOf(bars), Map.of("fast", 10, "slow", 30));

        assertThat(second).isEqualTo(first);
        assertThat(second.hashes()).isEqualTo(first.hashes());
        assertThat(first.hashes().inputs()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void hashesEqualParametersAlikeHoweverTheyAreWritten() {
        List<Bar> bars = TestBars.apple("AAPL");

        BacktestResult defaults = AppleBacktestTest.run("AAPL", bars, Map.of());
        BacktestResult spelled = AppleBacktestTest.run("AAPL", bars,
                Map.of("fast", "5", "slow", new BigDecimal("20.0"), "commission", new BigDecimal("0.00030")));
        BacktestResult other = AppleBacktestTest.run("AAPL", bars, Map.of("fast", 6));

        assertThat(spelled.hashes()).isEqualTo(defaults.hashes());
        assertThat(other.hashes().inputs()).isNotEqualTo(defaults.hashes().inputs());
        assertThat(other.hashes().data()).isEqualTo(defaults.hashes().data());
    }

    @Test
    void changesTheDataHashWhenABarChanges() {
        List<Bar> bars = new ArrayList<>(TestBars.apple("AAPL"));
        Bar last = bars.getLast();
        bars.set(bars.size() - 1, TestBars.daily("AAPL", last.tradingDay(), "554.17", "561.28", "554.00", "561.03",
                last.volume()));

        BacktestResult original = AppleBacktestTest.run("AAPL", TestBars.apple("AAPL"), Map.of());
        BacktestResult changed = AppleBacktestTest.run("AAPL", bars, Map.of());

        assertThat(changed.hashes().data()).isNotEqualTo(original.hashes().data());
        assertThat(changed.data().getFirst().sha256()).isNotEqualTo(original.data().getFirst().sha256());
    }

    @Test
    void keepsPastTradesWhenFutureBarsAreAppended() {
        List<Bar> all = TestBars.apple("AAPL");
        List<Bar> past = all.subList(0, 150);

        BacktestResult before = AppleBacktestTest.run("AAPL", past, Map.of());
        BacktestResult after = AppleBacktestTest.run("AAPL", all, Map.of());

        assertThat(before.trades()).isNotEmpty();
        assertThat(after.trades()).startsWith(before.trades().toArray(Trade[]::new));
        assertThat(after.equityCurve().subList(0, 150)).extracting(EquityPoint::equity)
                .containsExactlyElementsOf(before.equityCurve().stream().map(EquityPoint::equity).toList());
        before.openPositions().forEach(open -> assertThat(after.trades()).anySatisfy(trade -> {
            assertThat(trade.entryDate()).isEqualTo(open.entryDate());
            assertThat(trade.quantity()).isEqualTo(open.quantity());
        }));
    }

    @Test
    void splitsTheCapitalEquallyAndKeepsTheCentsLeftOver() {
        List<Bar> first = TestBars.randomWalk("600000", START, 300, 1);
        List<Bar> second = TestBars.randomWalk("600036", START, 300, 2);
        BarSource source = (symbol, interval) -> symbol.equals("600000") ? first : second;

        BacktestResult result = Backtests.run("ma_cross", Map.of("symbols", List.of("600000", "600036"),
                "initial_capital", "1000000.01"), source);

        assertThat(result.perSymbol()).extracting(SymbolReport::allocation)
                .allSatisfy(a -> assertThat(a).isEqualByComparingTo("500000.00"));
        BigDecimal sum = result.perSymbol().stream().map(SymbolReport::finalEquity)
                .reduce(new BigDecimal("0.01"), BigDecimal::add);
        assertThat(result.finalEquity()).isEqualByComparingTo(sum);
        assertThat(result.equityCurve().getLast().equity()).isEqualTo(sum.doubleValue());
        assertThat(result.trades()).extracting(Trade::symbol).contains("600000", "600036");
    }

    @Test
    void carriesASymbolsEquityOverDaysItHasNoBar() {
        List<Bar> full = TestBars.randomWalk("AAPL", START, 120, 3);
        List<Bar> gappy = new ArrayList<>(TestBars.randomWalk("MSFT", START, 120, 4));
        gappy.remove(60);
        BarSource source = (symbol, interval) -> symbol.equals("AAPL") ? full : gappy;

        BacktestResult result = Backtests.run("ma_cross", Map.of("symbols", List.of("AAPL", "MSFT")), source);

        assertThat(result.periods()).isEqualTo(120);
        assertThat(result.perSymbol()).extracting(SymbolReport::bars).containsExactly(120, 119);
    }

    @Test
    void downsamplesALongEquityCurveToAThousandPointsKeepingBothEnds() {
        List<Bar> bars = TestBars.randomWalk("AAPL", START, 2_600, 5);
        BarSource source = (symbol, interval) -> bars;

        BacktestResult result = Backtests.run("ma_cross", Map.of("symbols", List.of("AAPL")), source);

        assertThat(result.equityCurvePoints()).isEqualTo(2_600);
        assertThat(result.equityCurve()).hasSizeLessThanOrEqualTo(1_000).hasSizeGreaterThan(800);
        assertThat(result.equityCurve().getFirst().date()).isEqualTo(bars.getFirst().tradingDay());
        assertThat(result.equityCurve().getLast().date()).isEqualTo(bars.getLast().tradingDay());
        assertThat(result.equityCurve().get(1).date()).isEqualTo(bars.get(result.equityCurveStep()).tradingDay());
    }

    @Test
    void reportsProgressAfterEachSymbol() {
        List<String> reports = new ArrayList<>();
        BacktestStrategy strategy = new BacktestStrategy(RuleBook.MA_CROSS, new PriceSeriesCache(0));
        BacktestStrategy.Plan plan = strategy.bind(Map.of("symbols", List.of("AAPL", "MSFT")));
        MarketSnapshot market = new MarketSnapshot(Map.of(), Map.of(), Map.of(),
                (symbol, interval) -> TestBars.randomWalk(symbol, START, 100, symbol.hashCode()));

        strategy.run(plan, market, (fraction, what) -> reports.add(what));

        assertThat(reports).containsSubsequence("backtested AAPL (1 of 2)", "backtested MSFT (2 of 2)");
    }
}
