package io.mystocks.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An OHLCV bar of one symbol and interval. A bar is published while it forms ({@code closed} false,
 * values may still change) and once more when it closes ({@code closed} true, final).
 *
 * @param openTime   start of the bar, inclusive
 * @param closeTime  end of the bar, exclusive
 * @param tradingDay the market-local trading day the bar belongs to (its first day for 1w and 1M)
 * @param trades     how many quotes the bar aggregates
 */
public record Bar(String symbol, Interval interval, Instant openTime, Instant closeTime, LocalDate tradingDay,
                  BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume,
                  BigDecimal amount, long trades, boolean closed) {
    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
    }

    /** The Kafka key of a bar on its interval's topic: {@code symbol|openTime}, partitioned by symbol. */
    public String key() {
        return symbol + '|' + openTime;
    }
}
