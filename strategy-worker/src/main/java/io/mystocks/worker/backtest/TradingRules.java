package io.mystocks.worker.backtest;

import java.util.Objects;
import org.ta4j.core.Rule;

/**
 * When to go long and when to go flat, as ta4j rules over one symbol's bar series. The rules are asked
 * only at a bar's close and only from {@code warmUp} on, the first bar at which every indicator they use
 * has its full look-back; they get no trading record, because the engine keeps the position itself.
 *
 * @param warmUp index of the first bar whose close is evaluated
 */
public record TradingRules(Rule entry, Rule exit, int warmUp) {
    public TradingRules {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(exit, "exit");
        if (warmUp < 1) {
            throw new IllegalArgumentException("warmUp must be at least 1, not " + warmUp);
        }
    }
}
