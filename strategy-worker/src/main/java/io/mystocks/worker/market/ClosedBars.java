package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import java.util.List;
import java.util.Objects;

/**
 * The closed bars of one symbol and interval as held at one moment, oldest first, with their
 * {@link DataVersion}. The read model hands out one instance until the bars change, so the version, a
 * SHA-256 over every bar, is computed once per change rather than once per job.
 */
public final class ClosedBars {
    private final String symbol;
    private final Interval interval;
    private final List<Bar> bars;
    /** Computed on first use; two threads racing compute the same value, so no lock is needed. */
    private volatile DataVersion version;

    public ClosedBars(String symbol, Interval interval, List<Bar> bars) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.bars = List.copyOf(bars);
    }

    public String symbol() {
        return symbol;
    }

    public Interval interval() {
        return interval;
    }

    /** The bars, oldest first, as an immutable list. */
    public List<Bar> bars() {
        return bars;
    }

    public DataVersion version() {
        DataVersion known = version;
        if (known == null) {
            known = DataVersion.of(symbol, interval, bars);
            version = known;
        }
        return known;
    }
}
