package io.mystocks.indicators.aggregation;

import io.mystocks.contracts.Bar;
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
 * <p>A backfilled daily bar can stand in for a day that had no live quotes ({@code backfilled} true): it
 * gives the first live day its previous close. A backfilled bar of an earlier day than the current one
 * only corrects the previous close, when it is the latest day known before the current one.
 *
 * <p>{@code change} is exact ({@code price - preClose} needs no rounding); {@code changePercent} is
 * rounded to two decimals, half up, as quote screens show it.
 *
 * @param preClose    the previous trading day's last price, or null before a day has closed
 * @param preCloseDay the day {@code preClose} belongs to, or null when unknown
 * @param backfilled  whether the figures come from a backfilled daily bar rather than from live quotes
 */
public record TradingDay(String symbol, LocalDate day, BigDecimal open, BigDecimal high, BigDecimal low,
                         BigDecimal close, long volume, BigDecimal amount, long trades, BigDecimal preClose,
                         LocalDate preCloseDay, Instant firstQuoteAt, Instant lastQuoteAt, boolean backfilled) {
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
     * later day (or of the symbol). Live quotes of a backfilled day replace its figures rather than add
     * to them, as the live daily bar replaces the backfilled one in the history.
     */
    public static TradingDay next(TradingDay current, Quote quote, LocalDate day) {
        if (current == null) {
            return start(quote, day, null, null);
        }
        if (day.isAfter(current.day)) {
            return start(quote, day, current.close, current.day);
        }
        if (current.backfilled) {
            return day.equals(current.day) ? start(quote, day, current.preClose, current.preCloseDay)
                    : start(quote, day, null, null);
        }
        return current.apply(quote);
    }

    /**
     * The day after a backfilled closed daily bar: the bar's day when it is the latest known, or
     * {@code current} with the bar's close as the previous close when the bar is the latest day before it.
     *
     * @param lastTradeAt when the bar's day stopped trading: the time its figures show
     */
    public static TradingDay backfill(TradingDay current, Bar daily, Instant lastTradeAt) {
        LocalDate day = daily.tradingDay();
        if (current == null) {
            return fromBar(daily, null, null, lastTradeAt);
        }
        if (day.isAfter(current.day)) {
            return fromBar(daily, current.close, current.day, lastTradeAt);
        }
        if (day.equals(current.day)) {
            // Only a backfilled day can be the bar's own day: a live one has a forming daily bar, which the
            // backfill does not overlap.
            return current.backfilled ? fromBar(daily, current.preClose, current.preCloseDay, lastTradeAt) : current;
        }
        boolean latestBefore = current.preCloseDay == null || !day.isBefore(current.preCloseDay);
        return latestBefore ? current.withPreClose(daily.close(), day) : current;
    }

    private static TradingDay start(Quote quote, LocalDate day, BigDecimal preClose, LocalDate preCloseDay) {
        return new TradingDay(quote.symbol(), day, quote.price(), quote.price(), quote.price(), quote.price(),
                quote.volume(), quote.amount(), 1, preClose, preCloseDay, quote.timestamp(), quote.timestamp(),
                false);
    }

    private static TradingDay fromBar(Bar daily, BigDecimal preClose, LocalDate preCloseDay, Instant lastTradeAt) {
        return new TradingDay(daily.symbol(), daily.tradingDay(), daily.open(), daily.high(), daily.low(),
                daily.close(), daily.volume(), daily.amount(), daily.trades(), preClose, preCloseDay,
                daily.openTime(), lastTradeAt, true);
    }

    private TradingDay withPreClose(BigDecimal previousClose, LocalDate previousDay) {
        return new TradingDay(symbol, day, open, high, low, close, volume, amount, trades, previousClose,
                previousDay, firstQuoteAt, lastQuoteAt, backfilled);
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
                preCloseDay,
                first ? time : firstQuoteAt,
                last ? time : lastQuoteAt,
                false);
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
