package io.mystocks.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The latest state of a symbol's trading day, derived from its quotes: what a realtime quote
 * screen shows. Keyed by symbol on the compacted {@code market.quotes.latest}.
 *
 * @param preClose      the previous trading day's close, or null before the first day closes
 * @param change        {@code price - preClose}, or null without a previous close
 * @param changePercent {@code change / preClose * 100}, or null without a previous close
 * @param volume        shares traded in the trading day so far
 * @param amount        turnover of the trading day so far
 */
public record LatestQuote(String symbol, BigDecimal price, BigDecimal open, BigDecimal high, BigDecimal low,
                          BigDecimal preClose, BigDecimal change, BigDecimal changePercent, long volume,
                          BigDecimal amount, long trades, LocalDate tradingDay, Instant timestamp) {
}
