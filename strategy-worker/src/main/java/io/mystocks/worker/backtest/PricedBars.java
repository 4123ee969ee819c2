package io.mystocks.worker.backtest;

import io.mystocks.worker.market.DataVersion;
import java.util.Objects;

/**
 * One symbol's input to a backtest with what is derived from its bars alone: their data version and their
 * price series, both of which a job may take from what earlier jobs over the same bars computed.
 *
 * @param version the data version of exactly {@code input.bars()}
 * @param prices  the price series of those bars
 */
record PricedBars(SymbolBars input, DataVersion version, PriceSeries prices) {
    PricedBars {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(prices, "prices");
        if (version.bars() != input.bars().size() || prices.size() != input.bars().size()) {
            throw new IllegalArgumentException("the version and prices of " + input.symbol() + " are of "
                    + version.bars() + " and " + prices.size() + " bars, not of its " + input.bars().size());
        }
    }
}
