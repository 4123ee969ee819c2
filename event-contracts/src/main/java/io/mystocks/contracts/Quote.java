package io.mystocks.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade print, or the trades of a short interval summed up: the last price, the shares traded
 * and the turnover since the previous quote of the same symbol. Keyed by symbol on
 * {@code market.quotes}.
 *
 * <p>Prices and turnover are {@link BigDecimal} so that a feed's decimal prices reach bars and
 * backtests exactly as quoted; indicator outputs, which are statistics, are doubles.
 *
 * @param symbol    the instrument, see {@link Symbols}
 * @param timestamp when the trade happened (event time), not when it was received
 * @param price     last trade price, positive
 * @param volume    shares traded since the previous quote, zero or more
 * @param amount    turnover since the previous quote in the market's currency, zero or more
 * @param source    which feed produced it: {@code simulator}, {@code replay}, {@code http}, ...
 */
public record Quote(String symbol, Instant timestamp, BigDecimal price, long volume, BigDecimal amount,
                    String source) {
    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(price, "price");
        amount = amount == null ? BigDecimal.ZERO : amount;
        source = source == null ? "unknown" : source;
    }
}
