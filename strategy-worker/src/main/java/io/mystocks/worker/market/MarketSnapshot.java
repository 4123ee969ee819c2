package io.mystocks.worker.market;

import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.LatestQuote;
import java.util.Map;

/**
 * An immutable copy of the market read model taken when a job starts, so that a strategy sees one
 * consistent universe however long it runs. Each map is keyed by symbol.
 */
public record MarketSnapshot(Map<String, Instrument> instruments, Map<String, Fundamentals> fundamentals,
                             Map<String, LatestQuote> quotes) {
    public MarketSnapshot {
        instruments = Map.copyOf(instruments);
        fundamentals = Map.copyOf(fundamentals);
        quotes = Map.copyOf(quotes);
    }
}
