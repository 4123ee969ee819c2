package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import java.util.List;

/** Where strategies read bar history from. */
@FunctionalInterface
public interface BarSource {

    /** Knows no bars; for snapshots built without history. */
    BarSource NONE = (symbol, interval) -> List.of();

    /**
     * The closed bars of a symbol and interval held at the time of the call, oldest first, as an
     * immutable list; empty when none are known. Forming bars are never included.
     */
    List<Bar> closedBars(String symbol, Interval interval);

    /**
     * The same bars with their data version. A source that keeps its bars returns the same instance
     * until they change, so that what is derived from them can be kept per version.
     */
    default ClosedBars history(String symbol, Interval interval) {
        return new ClosedBars(symbol, interval, closedBars(symbol, interval));
    }
}
