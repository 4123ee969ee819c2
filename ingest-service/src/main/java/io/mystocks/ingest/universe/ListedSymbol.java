package io.mystocks.ingest.universe;

import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the universe: the instrument's reference data, the price the simulator starts from and a
 * fundamentals snapshot.
 *
 * @param referencePrice a plausible recent price, positive; only the simulator reads it
 */
public record ListedSymbol(Instrument instrument, BigDecimal referencePrice, Fundamentals fundamentals) {
    public ListedSymbol {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(fundamentals, "fundamentals");
        if (referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("reference price of " + instrument.symbol()
                    + " must be positive, was " + referencePrice);
        }
    }

    public String symbol() {
        return instrument.symbol();
    }
}
