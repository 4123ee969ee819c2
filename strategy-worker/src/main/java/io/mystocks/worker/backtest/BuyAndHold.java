package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import java.math.BigDecimal;
import java.util.List;

/**
 * The benchmark of one symbol: its allocation buys whole lots at the open of the first bar, paying
 * slippage and commission as the strategy would, and holds them to the end. The price band does not
 * apply to this one reference buy.
 */
final class BuyAndHold {

    private BuyAndHold() {
    }

    /** The benchmark's equity at each bar's close; the last element is exact in {@code finalEquity}. */
    static Curve run(SymbolBars input, PriceSeries prices, Execution execution, BigDecimal allocation) {
        List<Bar> bars = input.bars();
        BigDecimal price = execution.buyPrice(bars.getFirst().open(), null);
        long quantity = execution.affordableQuantity(allocation, price);
        BigDecimal cash = quantity == 0 ? allocation : allocation.subtract(execution.buyCost(quantity, price));
        double cashValue = cash.doubleValue();
        double[] equity = new double[prices.size()];
        for (int i = 0; i < equity.length; i++) {
            equity[i] = cashValue + quantity * prices.close(i);
        }
        BigDecimal finalEquity = cash.add(execution.value(quantity, bars.getLast().close()));
        return new Curve(equity, finalEquity);
    }

    record Curve(double[] equity, BigDecimal finalEquity) {
    }
}
