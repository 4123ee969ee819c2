package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import java.util.ArrayList;
import java.util.List;

/** The backfilled bars of one symbol, each list oldest first. */
record SymbolHistory(String symbol, List<Bar> daily, List<Bar> minutes) {
    SymbolHistory {
        daily = List.copyOf(daily);
        minutes = List.copyOf(minutes);
    }

    /** Every bar in the order they are written: the daily bars, then the minute bars. */
    List<Bar> all() {
        List<Bar> all = new ArrayList<>(daily.size() + minutes.size());
        all.addAll(daily);
        all.addAll(minutes);
        return all;
    }
}
