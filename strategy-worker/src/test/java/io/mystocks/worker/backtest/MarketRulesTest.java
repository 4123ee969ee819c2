package io.mystocks.worker.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.worker.backtest.BacktestResult.Trade;
import io.mystocks.worker.strategy.Progress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.rules.BooleanRule;
import org.ta4j.core.rules.FixedRule;

/** How orders fill under each market's rules, with signals fixed at chosen bars. */
class MarketRulesTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 4);
    private static final BigDecimal CAPITAL = new BigDecimal("100000");

    @Test
    void fillsASignalAtTheNextBarsOpenNeverAtTheSignalBar() {
        List<Bar> bars = TestBars.dailyCloses("AAPL", DAY, "10", "11", "12", "13", "14");

        BacktestResult result = run("AAPL", bars, signals(new int[] {1}, new int[] {2}));

        Trade trade = result.trades().getFirst();
        assertThat(trade.entryDate()).isEqualTo(DAY.plusDays(2));
        assertThat(trade.entryPrice()).isEqualByComparingTo(new BigDecimal("11").multiply(new BigDecimal("1.001")));
        assertThat(trade.exitDate()).isEqualTo(DAY.plusDays(3));
        assertThat(trade.exitPrice()).isEqualByComparingTo(new BigDecimal("12").multiply(new BigDecimal("0.999")));
    }

    @Test
    void doesNotSellOnTheDayOfTheBuyWhenTheExitSignalComesThatDay() {
        List<Bar> bars = TestBars.dailyCloses("600000", DAY, "10.00", "10.10", "10.20", "10.30", "10.40");

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[] {2}));

        Trade trade = result.trades().getFirst();
        assertThat(trade.entryDate()).isEqualTo(DAY.plusDays(2));
        assertThat(trade.exitDate()).isEqualTo(DAY.plusDays(3));
        assertThat(result.metrics().blockedOrders().tPlusOne()).isZero();
    }

    @Test
    void holdsAChineseBuyOverTheRestOfTheDayOnIntradayBars() {
        LocalDate next = DAY.plusDays(1);
        List<Bar> bars = List.of(
                TestBars.hourly("600000", DAY, LocalTime.of(9, 30), "10.00", "10.00"),
                TestBars.hourly("600000", DAY, LocalTime.of(10, 30), "10.00", "10.10"),
                TestBars.hourly("600000", DAY, LocalTime.of(13, 0), "10.10", "10.20"),
                TestBars.hourly("600000", DAY, LocalTime.of(14, 0), "10.20", "10.30"),
                TestBars.hourly("600000", next, LocalTime.of(9, 30), "10.30", "10.40"),
                TestBars.hourly("600000", next, LocalTime.of(10, 30), "10.40", "10.50"));

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[] {2}));

        Trade trade = result.trades().getFirst();
        assertThat(trade.entryDate()).isEqualTo(DAY);
        assertThat(trade.exitDate()).isEqualTo(next);
        assertThat(trade.exitPrice()).isEqualByComparingTo(new BigDecimal("10.30").multiply(new BigDecimal("0.999")));
        assertThat(trade.holdingBars()).isEqualTo(2);
        assertThat(result.metrics().blockedOrders().tPlusOne()).isEqualTo(1);
    }

    @Test
    void sellsAUsBuyTheSameDayOnIntradayBars() {
        List<Bar> bars = List.of(
                TestBars.hourly("AAPL", DAY, LocalTime.of(9, 30), "10.00", "10.00"),
                TestBars.hourly("AAPL", DAY, LocalTime.of(10, 30), "10.00", "10.10"),
                TestBars.hourly("AAPL", DAY, LocalTime.of(11, 30), "10.10", "10.20"),
                TestBars.hourly("AAPL", DAY, LocalTime.of(12, 30), "10.20", "10.30"));

        BacktestResult result = run("AAPL", bars, signals(new int[] {1}, new int[] {2}));

        assertThat(result.trades().getFirst().exitDate()).isEqualTo(DAY);
        assertThat(result.trades().getFirst().holdingBars()).isEqualTo(1);
    }

    @Test
    void doesNotBuyAtTheLimitUpOpenAndBuysAtTheNextOpenBelowTheLimit() {
        List<Bar> bars = List.of(
                TestBars.daily("600000", DAY, "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(1), "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(2), "11.00", "11.00"),
                TestBars.daily("600000", DAY.plusDays(3), "11.50", "11.60"),
                TestBars.daily("600000", DAY.plusDays(4), "11.60", "11.60"));

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[0]));

        assertThat(result.metrics().blockedOrders().priceLimit()).isEqualTo(1);
        assertThat(result.openPositions().getFirst().entryDate()).isEqualTo(DAY.plusDays(3));
        assertThat(result.openPositions().getFirst().entryPrice())
                .isEqualByComparingTo(new BigDecimal("11.50").multiply(new BigDecimal("1.001")));
    }

    @Test
    void capsASlippedBuyAtTheLimitUpPrice() {
        List<Bar> bars = List.of(
                TestBars.daily("600000", DAY, "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(1), "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(2), "10.995", "11.00"));

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[0]));

        assertThat(result.openPositions().getFirst().entryPrice()).isEqualByComparingTo("11.00");
    }

    @Test
    void doesNotSellAtTheLimitDownOpenAndSellsAtTheNextOpenAboveIt() {
        List<Bar> bars = List.of(
                TestBars.daily("600000", DAY, "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(1), "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(2), "10.00", "10.00"),
                TestBars.daily("600000", DAY.plusDays(3), "9.00", "9.00"),
                TestBars.daily("600000", DAY.plusDays(4), "8.50", "8.60"));

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[] {2}));

        assertThat(result.metrics().blockedOrders().priceLimit()).isEqualTo(1);
        assertThat(result.trades().getFirst().exitDate()).isEqualTo(DAY.plusDays(4));
    }

    @Test
    void buysChineseSharesInWholeLotsOfAHundred() {
        List<Bar> bars = TestBars.dailyCloses("600000", DAY, "33.33", "33.33", "33.33", "33.33");

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[0]));

        long quantity = result.openPositions().getFirst().quantity();
        BigDecimal price = new BigDecimal("33.33").multiply(new BigDecimal("1.001"));
        assertThat(quantity % 100).isZero();
        assertThat(quantity).isEqualTo(2900);
        assertThat(cost(quantity + 100, price, "0.0003")).isGreaterThan(CAPITAL);
    }

    @Test
    void buysSingleUsShares() {
        List<Bar> bars = TestBars.dailyCloses("AAPL", DAY, "33.33", "33.33", "33.33", "33.33");

        BacktestResult result = run("AAPL", bars, signals(new int[] {1}, new int[0]));

        long quantity = result.openPositions().getFirst().quantity();
        BigDecimal price = new BigDecimal("33.33").multiply(new BigDecimal("1.001"));
        assertThat(quantity).isEqualTo(2996);
        assertThat(cost(quantity, price, "0.0003")).isLessThanOrEqualTo(CAPITAL);
        assertThat(cost(quantity + 1, price, "0.0003")).isGreaterThan(CAPITAL);
    }

    @Test
    void chargesStampTaxOnSellsOnly() {
        List<Bar> bars = TestBars.dailyCloses("600000", DAY, "10.00", "10.00", "10.00", "12.00", "12.00");

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[] {2}));

        Trade trade = result.trades().getFirst();
        BigDecimal buyValue = cents(trade.entryPrice().multiply(BigDecimal.valueOf(trade.quantity())));
        BigDecimal sellValue = cents(trade.exitPrice().multiply(BigDecimal.valueOf(trade.quantity())));
        BigDecimal tax = cents(sellValue.multiply(new BigDecimal("0.001")));
        BigDecimal commissions = cents(buyValue.multiply(new BigDecimal("0.0003")))
                .add(cents(sellValue.multiply(new BigDecimal("0.0003"))));
        assertThat(result.fees().stampTax()).isEqualByComparingTo(tax);
        assertThat(trade.fees()).isEqualByComparingTo(commissions.add(tax));
        assertThat(trade.pnl()).isEqualByComparingTo(sellValue.subtract(buyValue).subtract(commissions).subtract(tax));
    }

    @Test
    void chargesNoStampTaxOnABuyStillHeld() {
        List<Bar> bars = TestBars.dailyCloses("600000", DAY, "10.00", "10.00", "10.00");

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[0]));

        assertThat(result.fees().stampTax()).isEqualByComparingTo("0");
        assertThat(result.fees().commission()).isPositive();
    }

    @Test
    void chargesNoStampTaxOnUsSells() {
        List<Bar> bars = TestBars.dailyCloses("AAPL", DAY, "10.00", "10.00", "10.00", "12.00", "12.00");

        BacktestResult result = run("AAPL", bars, signals(new int[] {1}, new int[] {2}));

        assertThat(result.trades()).hasSize(1);
        assertThat(result.fees().stampTax()).isEqualByComparingTo("0");
    }

    @Test
    void chargesTheMinimumCommissionOnASmallFill() {
        List<Bar> bars = TestBars.dailyCloses("600000", DAY, "10.00", "10.00", "10.00");
        Costs costs = new Costs(new BigDecimal("0.0003"), new BigDecimal("5"), null, BigDecimal.ZERO);

        BacktestResult result = BacktestEngine.run(spec(signals(new int[] {1}, new int[0]), new BigDecimal("5000"),
                costs), List.of(SymbolBars.of("600000", bars)), Progress.NONE);

        assertThat(result.openPositions().getFirst().quantity()).isEqualTo(400);
        assertThat(result.fees().commission()).isEqualByComparingTo("5.00");
    }

    @Test
    void dropsABuyWhoseAllocationPaysForNoWholeLot() {
        List<Bar> bars = TestBars.dailyCloses("600000", DAY, "1800.00", "1800.00", "1800.00", "1800.00");

        BacktestResult result = run("600000", bars, signals(new int[] {1}, new int[0]));

        assertThat(result.openPositions()).isEmpty();
        assertThat(result.metrics().blockedOrders().insufficientCash()).isEqualTo(1);
        assertThat(result.finalEquity()).isEqualByComparingTo(CAPITAL);
    }

    private static BacktestResult run(String symbol, List<Bar> bars, RuleFactory rules) {
        return BacktestEngine.run(spec(rules, CAPITAL, Costs.DEFAULT), List.of(SymbolBars.of(symbol, bars)),
                Progress.NONE);
    }

    static BacktestSpec spec(RuleFactory rules, BigDecimal capital, Costs costs) {
        return new BacktestSpec("fixed", Map.of(), rules, Interval.D1, capital, costs, 0);
    }

    /** Entry signals at the closes of {@code entries}, exit signals at the closes of {@code exits}. */
    static RuleFactory signals(int[] entries, int[] exits) {
        return series -> new TradingRules(new FixedRule(entries),
                exits.length == 0 ? BooleanRule.FALSE : new FixedRule(exits), 1);
    }

    private static BigDecimal cost(long quantity, BigDecimal price, String rate) {
        BigDecimal value = cents(price.multiply(BigDecimal.valueOf(quantity)));
        return value.add(cents(value.multiply(new BigDecimal(rate))));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
