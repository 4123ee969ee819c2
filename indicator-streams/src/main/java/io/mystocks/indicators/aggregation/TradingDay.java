package io.mystocks.indicators.aggregation;

import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One symbol's figures for its current market-local trading day, and the close of the day before.
 * A quote of a later day starts a new day whose previous close is this day's last price.
 *
 * <p>{@code change} is exact ({@code price - preClose} needs no rounding); {@code changePercent} is
 * rounded to two decimals, half up, as quote screens show it.
 *
 * @param preClose the previous trading day's last price, or null before a day has closed
 */
public record TradingDay(String symbol, LocalDate day, BigDecimal open, BigDecimal high, BigDecimal low,
                         BigDecimal close, long volume, BigDecimal amount, long trades, BigDecimal preClose,
                         Instant firstQuoteAt, Instant lastQuoteAt) {
    static final int PERCENT_SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public TradingDay {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(firstQuoteAt, "firstQuoteAt");
        Objects.requireNonNull(lastQuoteAt, "lastQuoteAt");
    }

    /**
     * The day after this quote: {@code current} updated, or a new day when the quote is the first of a
     * later day (or of the symbol).
     */
    public static TradingDay next(TradingDay current, Quote quote, LocalDate day) {
        if (current == null) {
            return start(quote, day, null);
        }
        if (day.isAfter(current.day)) {
            return start(quote, day, current.close);
        }
        return current.apply(quote);
    }

    private static TradingDay start(Quote quote, LocalDate day, BigDecimal preClose) {
        return new TradingDay(quote.symbol(), day, quote.price(), quote.price(), quote.price(), quote.price(),
                quote.volume(), quote.amount(), 1, preClose, quote.timestamp(), quote.timestamp());
    }

    private TradingDay apply(Quote quote) {
        Instant time = quote.timestamp();
        boolean first = time.isBefore(firstQuoteAt);
        boolean last = !time.isBefore(lastQuoteAt);
        return new TradingDay(symbol, day,
                first ? quote.price() : open,
                high.max(quote.price()),
                low.min(quote.price()),
                last ? quote.price() : close,
                volume + quote.volume(),
                amount.add(quote.amount()),
                trades + 1,
                preClose,
                first ? time : firstQuoteAt,
                last ? time : lastQuoteAt);
    }

    /** What a quote screen shows for this day. */
    public LatestQuote toLatestQuote() {
        BigDecimal change = preClose == null ? null : close.subtract(preClose);
        BigDecimal changePercent = change == null || preClose.signum() == 0 ? null
                : change.multiply(HUNDRED).divide(preClose, PERCENT_SCALE, RoundingMode.HALF_UP);
        return new LatestQuote(symbol, close, open, high, low, preClose, change, changePercent, volume, amount,
                trades, day, lastQuoteAt);
    }
}
