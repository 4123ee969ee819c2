package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable copy of the market read model taken when a job starts, so that a strategy sees one
 * consistent universe however long it runs. Each map is keyed by symbol. Bar histories are too large to
 * copy for every job: {@link #closedBars} reads one symbol's history when a strategy asks for it, as the
 * immutable copy the read model keeps until those bars change.
 */
public record MarketSnapshot(Map<String, Instrument> instruments, Map<String, Fundamentals> fundamentals,
                             Map<String, LatestQuote> quotes, BarSource bars) {
    public MarketSnapshot {
        instruments = Map.copyOf(instruments);
        fundamentals = Map.copyOf(fundamentals);
        quotes = Map.copyOf(quotes);
        Objects.requireNonNull(bars, "bars");
    }

    /** A snapshot without bar history. */
    public MarketSnapshot(Map<String, Instrument> instruments, Map<String, Fundamentals> fundamentals,
                          Map<String, LatestQuote> quotes) {
        this(instruments, fundamentals, quotes, BarSource.NONE);
    }

    /** The closed bars of a symbol and interval, oldest first. */
    public List<Bar> closedBars(String symbol, Interval interval) {
        return bars.closedBars(symbol, interval);
    }

    /** The closed bars of a symbol and interval with their data version. */
    public ClosedBars history(String symbol, Interval interval) {
        return bars.history(symbol, interval);
    }
}
