package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import io.mystocks.worker.backtest.BacktestResult.BlockedOrders;
import io.mystocks.worker.backtest.BacktestResult.OpenPosition;
import io.mystocks.worker.backtest.BacktestResult.Trade;
import io.mystocks.worker.market.DataVersion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One symbol's share of a backtest, traded all in or all out.
 *
 * <p>Design note: the rules see bar {@code i} only at its close, and what they decide fills at the open
 * of bar {@code i + 1}: nothing a fill or a signal uses comes from a later bar, so appending bars never
 * changes earlier trades. The decision is kept as the wanted position rather than as a one-shot order,
 * so that a fill blocked by the price band (a buy at or above limit-up, a sell at or below limit-down,
 * both against the previous close) or by T+1 (a CN sell on the trading day of its buy) is tried again at
 * each next open, until it fills or the opposite signal withdraws it. A buy whose allocation pays for no
 * whole lot is dropped.
 *
 * <p>Cash, fees and trade figures are exact to the cent ({@link Execution}); the equity curve is marked
 * at each close in doubles, because it only feeds statistics.
 */
final class Sleeve {
    private final SymbolBars input;
    private final List<Bar> bars;
    private final PriceSeries prices;
    private final TradingRules rules;
    private final Execution execution;
    private final BigDecimal allocation;

    private BigDecimal cash;
    private double cashValue;
    private Holding holding;
    private boolean wantLong;
    private BigDecimal commission = BigDecimal.ZERO;
    private BigDecimal stampTax = BigDecimal.ZERO;
    private BigDecimal slippage = BigDecimal.ZERO;
    private int blockedByLimit;
    private int blockedByTPlusOne;
    private int insufficientCash;
    private int barsInMarket;
    private final List<Trade> trades = new ArrayList<>();

    private Sleeve(SymbolBars input, PriceSeries prices, TradingRules rules, Execution execution,
                   BigDecimal allocation) {
        this.input = input;
        this.bars = input.bars();
        this.prices = prices;
        this.rules = rules;
        this.execution = execution;
        this.allocation = allocation;
        this.cash = allocation;
        this.cashValue = allocation.doubleValue();
    }

    /**
     * @param prices the bars' prices as doubles; their closes mark the position to market
     */
    static Outcome run(SymbolBars input, PriceSeries prices, TradingRules rules, Execution execution,
                       BigDecimal allocation) {
        return new Sleeve(input, prices, rules, execution, allocation).run();
    }

    private Outcome run() {
        int count = bars.size();
        LocalDate[] days = new LocalDate[count];
        double[] equity = new double[count];
        for (int i = 0; i < count; i++) {
            Bar bar = bars.get(i);
            days[i] = DataVersion.tradingDay(bar);
            if (i > 0 && wantLong != (holding != null)) {
                trade(i, days[i]);
            }
            equity[i] = markToMarket(i);
            if (i >= rules.warmUp()) {
                decide(i);
            }
        }
        return outcome(days, equity);
    }

    /** Signals at the close of bar {@code i}, to be filled at the next open. */
    private void decide(int i) {
        if (!wantLong) {
            wantLong = rules.entry().isSatisfied(i, null);
        } else if (rules.exit().isSatisfied(i, null)) {
            wantLong = false;
        }
    }

    private void trade(int i, LocalDate day) {
        BigDecimal previousClose = bars.get(i - 1).close();
        if (wantLong) {
            buy(i, day, previousClose);
        } else {
            sell(i, day, previousClose);
        }
    }

    private void buy(int i, LocalDate day, BigDecimal previousClose) {
        BigDecimal open = bars.get(i).open();
        BigDecimal limitUp = execution.limitUp(previousClose);
        if (limitUp != null && open.compareTo(limitUp) >= 0) {
            blockedByLimit++;
            return;
        }
        BigDecimal price = execution.buyPrice(open, limitUp);
        long quantity = execution.affordableQuantity(cash, price);
        if (quantity == 0) {
            insufficientCash++;
            wantLong = false;
            return;
        }
        BigDecimal value = execution.value(quantity, price);
        BigDecimal fee = execution.commissionOn(value);
        BigDecimal cost = value.add(fee);
        cash = cash.subtract(cost);
        cashValue = cash.doubleValue();
        commission = commission.add(fee);
        slippage = slippage.add(value.subtract(execution.value(quantity, open)));
        holding = new Holding(i, day, price, quantity, cost, fee);
    }

    private void sell(int i, LocalDate day, BigDecimal previousClose) {
        if (execution.tPlusOne() && !day.isAfter(holding.day())) {
            blockedByTPlusOne++;
            return;
        }
        BigDecimal open = bars.get(i).open();
        BigDecimal limitDown = execution.limitDown(previousClose);
        if (limitDown != null && open.compareTo(limitDown) <= 0) {
            blockedByLimit++;
            return;
        }
        BigDecimal price = execution.sellPrice(open, limitDown);
        long quantity = holding.quantity();
        BigDecimal value = execution.value(quantity, price);
        BigDecimal fee = execution.commissionOn(value);
        BigDecimal tax = execution.stampTaxOn(value);
        BigDecimal proceeds = value.subtract(fee).subtract(tax);
        cash = cash.add(proceeds);
        cashValue = cash.doubleValue();
        commission = commission.add(fee);
        stampTax = stampTax.add(tax);
        slippage = slippage.add(execution.value(quantity, open).subtract(value));
        BigDecimal pnl = proceeds.subtract(holding.cost());
        trades.add(new Trade(input.symbol(), holding.day(), day, holding.price(), price, quantity, pnl,
                percentOf(pnl, holding.cost()), holding.commission().add(fee).add(tax), i - holding.index()));
        holding = null;
    }

    private double markToMarket(int i) {
        if (holding == null) {
            return cashValue;
        }
        barsInMarket++;
        return cashValue + holding.quantity() * prices.close(i);
    }

    private Outcome outcome(LocalDate[] days, double[] equity) {
        Bar last = bars.getLast();
        BigDecimal finalEquity = cash;
        OpenPosition open = null;
        if (holding != null) {
            BigDecimal marketValue = execution.value(holding.quantity(), last.close());
            finalEquity = cash.add(marketValue);
            open = new OpenPosition(input.symbol(), holding.day(), holding.price(), holding.quantity(),
                    days[days.length - 1], last.close(), marketValue, marketValue.subtract(holding.cost()));
        }
        return new Outcome(input, execution, allocation, days, equity, List.copyOf(trades), open, finalEquity,
                commission, stampTax, slippage,
                new BlockedOrders(blockedByLimit, blockedByTPlusOne, insufficientCash), barsInMarket);
    }

    private static double percentOf(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, MathContext.DECIMAL64).doubleValue() * 100;
    }

    /** The position held: when and at what it was bought, and what it cost with commission. */
    private record Holding(int index, LocalDate day, BigDecimal price, long quantity, BigDecimal cost,
                           BigDecimal commission) {
    }

    /**
     * What one symbol's share ended with.
     *
     * @param equity the share's equity at each bar's close
     */
    record Outcome(SymbolBars input, Execution execution, BigDecimal allocation, LocalDate[] days, double[] equity,
                   List<Trade> trades, OpenPosition openPosition, BigDecimal finalEquity, BigDecimal commission,
                   BigDecimal stampTax, BigDecimal slippage, BlockedOrders blockedOrders, int barsInMarket) {
    }
}
