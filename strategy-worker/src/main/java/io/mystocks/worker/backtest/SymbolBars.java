package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Market;
import java.util.List;
import java.util.Objects;

/**
 * One symbol's input to a backtest: its closed bars, oldest first, and how it trades.
 *
 * @param lotSize the board lot: quantities bought are multiples of it
 */
public record SymbolBars(String symbol, Market market, int lotSize, List<Bar> bars) {
    public SymbolBars {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        if (lotSize < 1) {
            throw new IllegalArgumentException("lotSize must be positive, not " + lotSize);
        }
        bars = List.copyOf(bars);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            if (!bar.closed() || bar.open() == null || bar.close() == null) {
                throw new IllegalArgumentException("bar " + bar.key() + " is not a closed bar with prices");
            }
            if (i > 0 && !bar.openTime().isAfter(bars.get(i - 1).openTime())) {
                throw new IllegalArgumentException("bars are not in time order at " + bar.key());
            }
        }
    }

    /** A symbol with its market's board lot. */
    public static SymbolBars of(String symbol, List<Bar> bars) {
        Market market = Market.of(symbol);
        return new SymbolBars(symbol, market, market.lotSize(), bars);
    }
}
