package io.mystocks.worker.screen;

import io.mystocks.worker.market.MarketSnapshot;
import java.util.Optional;

/**
 * Where a screen finds what it scores a listed symbol on.
 *
 * @param <T> the input, such as the symbol's fundamentals or its daily closes
 */
@FunctionalInterface
interface ScreenInput<T> {

    /** The symbol's input, or empty when the market holds none: the symbol is then skipped and counted. */
    Optional<T> of(String symbol, MarketSnapshot market);
}
