package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.contracts.Bar;
import io.mystocks.worker.backtest.BacktestResult.EquityPoint;
import io.mystocks.worker.backtest.BacktestResult.Trade;
import io.mystocks.worker.market.BarSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A moving-average cross over Apple's 2013 daily bars, checked against {@link ReferenceSmaCross} and
 * against statistics worked out here from the trade list and the equity curve, never through the
 * engine's own code.
 */
class AppleBacktestTest {
    private static final BigDecimal CAPITAL = new BigDecimal("1000000");

    @Test
    void tradesAsAnIndependentSimulationOfTheSameRuleAsAUsStock() {
        List<Bar> bars = TestBars.apple("AAPL");
        ReferenceSmaCross.Outcome expected = new ReferenceSmaCross(5, 20, CAPITAL, 1, null,
                new BigDecimal("0.0003"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.001")).run(bars);

        BacktestResult result = run("AAPL", bars, Map.of());

        assertThat(expected.trades()).hasSizeGreaterThanOrEqualTo(5);
        assertSameTrades(result.trades(), expected);
        assertThat(result.fees().commission()).isEqualByComparingTo(expected.commission());
        assertThat(result.fees().stampTax()).isEqualByComparingTo("0");
        assertThat(result.fees().slippage()).isEqualByComparingTo(expected.slippage());
    }

    @Test
    void tradesAsAnIndependentSimulationOfTheSameRuleUnderChineseRules() {
        List<Bar> bars = TestBars.apple("600519");
        ReferenceSmaCross.Outcome expected = new ReferenceSmaCross(5, 20, CAPITAL, 100, new BigDecimal("0.10"),
                new BigDecimal("0.0003"), new BigDecimal("5"), new BigDecimal("0.001"), new BigDecimal("0.001"))
                .run(bars);

        BacktestResult result = run("600519", bars, Map.of("min_commission", 5));

        assertSameTrades(result.trades(), expected);
        assertThat(result.trades()).allSatisfy(trade -> assertThat(trade.quantity() % 100).isZero());
        assertThat(result.fees().stampTax()).isEqualByComparingTo(expected.stampTax()).isPositive();
        assertThat(result.fees().commission()).isEqualByComparingTo(expected.commission());
    }

    @Test
    void reportsTheReturnOfTheIndependentSimulation() {
        List<Bar> bars = TestBars.apple("AAPL");
        ReferenceSmaCross.Outcome expected = new ReferenceSmaCross(5, 20, CAPITAL, 1, null,
                new BigDecimal("0.0003"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.001")).run(bars);
        BigDecimal finalEquity = expected.finalCash()
                .add(bars.getLast().close().multiply(BigDecimal.valueOf(expected.openQuantity())));
        double totalReturn = finalEquity.doubleValue() / 1_000_000 - 1;
        double years = ChronoUnit.DAYS.between(LocalDate.of(2013, 1, 2), LocalDate.of(2013, 12, 31)) / 365.25;

        BacktestResult result = run("AAPL", bars, Map.of());

        assertThat(result.finalEquity()).isEqualByComparingTo(finalEquity.setScale(2));
        assertThat(result.metrics().totalReturn()).isCloseTo(totalReturn, within(1e-12));
        assertThat(result.summary().totalReturn()).isEqualTo(result.metrics().totalReturn());
        assertThat(result.metrics().annualizedReturn())
                .isCloseTo(Math.pow(1 + totalReturn, 1 / years) - 1, within(1e-12));
        assertThat(result.equityCurve()).extracting(EquityPoint::equity)
                .containsExactly(rounded(expected.equity()));
    }

    @Test
    void computesRiskFiguresFromItsEquityCurve() {
        BacktestResult result = run("AAPL", TestBars.apple("AAPL"), Map.of());
        double[] equity = result.equityCurve().stream().mapToDouble(EquityPoint::equity).toArray();

        double peak = equity[0];
        double deepest = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            deepest = Math.max(deepest, (peak - e) / peak);
        }
        double[] returns = new double[equity.length - 1];
        for (int t = 1; t < equity.length; t++) {
            returns[t - 1] = equity[t] / equity[t - 1] - 1;
        }
        double mean = java.util.Arrays.stream(returns).average().orElseThrow();
        double variance = java.util.Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum()
                / (returns.length - 1);
        double downside = Math.sqrt(java.util.Arrays.stream(returns).map(r -> Math.min(r, 0) * Math.min(r, 0))
                .sum() / returns.length);

        assertThat(result.equityCurve()).hasSize(252);
        assertThat(result.metrics().maxDrawdown()).isCloseTo(deepest, within(1e-6)).isPositive();
        assertThat(result.metrics().volatility()).isCloseTo(Math.sqrt(variance) * Math.sqrt(252), within(1e-6));
        assertThat(result.metrics().sharpeRatio()).isCloseTo(mean / Math.sqrt(variance) * Math.sqrt(252),
                within(1e-4));
        assertThat(result.metrics().sortinoRatio()).isCloseTo(mean / downside * Math.sqrt(252), within(1e-4));
        assertThat(result.metrics().calmarRatio())
                .isCloseTo(result.metrics().annualizedReturn() / result.metrics().maxDrawdown(), within(1e-9));
        assertThat(result.metrics().periodsPerYear()).isEqualTo(252);
    }

    @Test
    void computesTradeFiguresFromItsTradeList() {
        BacktestResult result = run("AAPL", TestBars.apple("AAPL"), Map.of());
        List<Trade> trades = result.trades();

        BigDecimal profit = trades.stream().map(Trade::pnl).filter(p -> p.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal loss = trades.stream().map(Trade::pnl).filter(p -> p.signum() < 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        long winners = trades.stream().filter(t -> t.pnl().signum() > 0).count();
        double averageDays = trades.stream().mapToLong(t -> ChronoUnit.DAYS.between(t.entryDate(), t.exitDate()))
                .average().orElseThrow();
        BigDecimal tradeFees = trades.stream().map(Trade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal openFees = result.openPositions().isEmpty() ? BigDecimal.ZERO
                : result.fees().commission().add(result.fees().stampTax()).subtract(tradeFees);

        assertThat(result.metrics().totalTrades()).isEqualTo(trades.size());
        assertThat(result.metrics().winRate()).isCloseTo((double) winners / trades.size(), within(1e-12));
        assertThat(result.summary().winRate()).isEqualTo(result.metrics().winRate());
        assertThat(result.metrics().profitFactor()).isCloseTo(profit.doubleValue() / loss.doubleValue(),
                within(1e-9));
        assertThat(result.metrics().expectancy())
                .isCloseTo(profit.subtract(loss).doubleValue() / trades.size(), within(1e-6));
        assertThat(result.metrics().averageHoldingDays()).isCloseTo(averageDays, within(1e-9));
        assertThat(result.fees().commission().add(result.fees().stampTax()))
                .isEqualByComparingTo(tradeFees.add(openFees));
        assertThat(openFees.signum()).isNotNegative();
        assertThat(result.fees().total()).isEqualByComparingTo(
                result.fees().commission().add(result.fees().stampTax()).add(result.fees().slippage()));
        assertThat(trades).allSatisfy(t -> assertThat(t.returnPct())
                .isCloseTo(t.pnl().doubleValue() / (t.entryPrice().doubleValue() * t.quantity()) * 100, within(0.05)));
    }

    @Test
    void measuresTheBenchmarkAsBuyingAtTheFirstOpenAndHolding() {
        List<Bar> bars = TestBars.apple("AAPL");
        BigDecimal price = bars.getFirst().open().multiply(new BigDecimal("1.001"));
        long quantity = 0;
        while (cost(quantity + 1, price).compareTo(CAPITAL) <= 0) {
            quantity++;
        }
        BigDecimal finalEquity = CAPITAL.subtract(cost(quantity, price))
                .add(bars.getLast().close().multiply(BigDecimal.valueOf(quantity)));

        BacktestResult result = run("AAPL", bars, Map.of());

        assertThat(result.benchmark().finalEquity()).isEqualByComparingTo(finalEquity.setScale(2));
        assertThat(result.benchmark().totalReturn()).isCloseTo(finalEquity.doubleValue() / 1_000_000 - 1,
                within(1e-12));
        assertThat(result.benchmark().excessReturn())
                .isCloseTo(result.metrics().totalReturn() - result.benchmark().totalReturn(), within(1e-12));
    }

    private static BigDecimal cost(long quantity, BigDecimal price) {
        BigDecimal value = price.multiply(BigDecimal.valueOf(quantity)).setScale(2, java.math.RoundingMode.HALF_UP);
        return value.add(value.multiply(new BigDecimal("0.0003")).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static void assertSameTrades(List<Trade> actual, ReferenceSmaCross.Outcome expected) {
        assertThat(actual).hasSameSizeAs(expected.trades());
        for (int i = 0; i < actual.size(); i++) {
            Trade trade = actual.get(i);
            ReferenceSmaCross.Trade reference = expected.trades().get(i);
            assertThat(trade.entryDate()).as("entry date of trade %d", i).isEqualTo(reference.entryDate());
            assertThat(trade.exitDate()).as("exit date of trade %d", i).isEqualTo(reference.exitDate());
            assertThat(trade.entryPrice()).isEqualByComparingTo(reference.entryPrice());
            assertThat(trade.exitPrice()).isEqualByComparingTo(reference.exitPrice());
            assertThat(trade.quantity()).isEqualTo(reference.quantity());
            assertThat(trade.pnl()).as("pnl of trade %d", i).isEqualByComparingTo(reference.pnl());
            assertThat(trade.fees()).isEqualByComparingTo(reference.fees());
        }
    }

    private static Double[] rounded(double[] equity) {
        return java.util.Arrays.stream(equity).mapToObj(e -> Math.round(e * 100) / 100.0).toArray(Double[]::new);
    }

    static BacktestResult run(String symbol, List<Bar> bars, Map<String, Object> extra) {
        Map<String, Object> params = new java.util.HashMap<>(extra);
        params.put("symbols", List.of(symbol));
        BarSource source = (s, interval) -> s.equals(symbol) ? bars : List.of();
        return Backtests.run("ma_cross", params, source);
    }
}
