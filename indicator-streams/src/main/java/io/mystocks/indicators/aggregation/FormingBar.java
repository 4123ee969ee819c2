package io.mystocks.indicators.aggregation;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Quote;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest bar of one symbol and interval as kept in the state store, with the event times of its
 * first and last quotes. Those times let a quote that arrives out of order inside the bar set the open
 * or the close only when it really was the first or the last trade.
 *
 * <p>Prices and turnover stay {@link java.math.BigDecimal}: sums and extremes of decimal prices are exact.
 */
public record FormingBar(Bar bar, Instant firstQuoteAt, Instant lastQuoteAt) {
    public FormingBar {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(firstQuoteAt, "firstQuoteAt");
        Objects.requireNonNull(lastQuoteAt, "lastQuoteAt");
    }

    /** A bar opened by its first quote. */
    public static FormingBar open(Quote quote, Interval interval, BarWindow window) {
        if (!window.contains(quote.timestamp())) {
            throw new IllegalArgumentException("quote at " + quote.timestamp() + " is outside the bar " + window);
        }
        Bar bar = new Bar(quote.symbol(), interval, window.openTime(), window.closeTime(), window.tradingDay(),
                quote.price(), quote.price(), quote.price(), quote.price(), quote.volume(), quote.amount(), 1,
                false);
        return new FormingBar(bar, quote.timestamp(), quote.timestamp());
    }

    /** Whether a quote at this time updates this bar: the bar is still open and the time is inside it. */
    public boolean accepts(Instant time) {
        return !bar.closed() && !time.isBefore(bar.openTime()) && time.isBefore(bar.closeTime());
    }

    /** This bar with one more quote; the caller checked {@link #accepts(Instant)}. */
    public FormingBar apply(Quote quote) {
        if (!accepts(quote.timestamp())) {
            throw new IllegalArgumentException("quote at " + quote.timestamp() + " does not belong to " + bar.key()
                    + (bar.closed() ? ", which is closed" : ""));
        }
        Instant time = quote.timestamp();
        boolean first = time.isBefore(firstQuoteAt);
        boolean last = !time.isBefore(lastQuoteAt);
        Bar updated = new Bar(bar.symbol(), bar.interval(), bar.openTime(), bar.closeTime(), bar.tradingDay(),
                first ? quote.price() : bar.open(),
                bar.high().max(quote.price()),
                bar.low().min(quote.price()),
                last ? quote.price() : bar.close(),
                bar.volume() + quote.volume(),
                bar.amount().add(quote.amount()),
                bar.trades() + 1,
                false);
        return new FormingBar(updated, first ? time : firstQuoteAt, last ? time : lastQuoteAt);
    }

    /** This bar, final. */
    public FormingBar close() {
        Bar closed = new Bar(bar.symbol(), bar.interval(), bar.openTime(), bar.closeTime(), bar.tradingDay(),
                bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), bar.amount(), bar.trades(), true);
        return new FormingBar(closed, firstQuoteAt, lastQuoteAt);
    }

    public boolean closed() {
        return bar.closed();
    }
}
