package io.mystocks.ingest.simulator;

import io.mystocks.contracts.Market;
import io.mystocks.contracts.Quote;
import io.mystocks.ingest.universe.ListedSymbol;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Makes simulated quotes, round-robin over the symbols whose market is open. Pure apart from the injected
 * clock: the same symbols, settings, seed and clock readings give the same quotes, whatever timer drives it.
 * Every symbol walks with its own random stream, derived from the seed and the symbol, so that adding a
 * symbol does not change the others' paths. Not thread-safe: one timer thread calls it.
 */
final class QuoteGenerator {
    /** The feed name of simulated quotes. */
    static final String SOURCE = "simulator";

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final List<PriceWalk> walks;
    private final SessionMode mode;
    private final Clock clock;
    private int cursor;

    QuoteGenerator(Collection<ListedSymbol> symbols, SimulatorProperties settings, long seed, Clock clock) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one symbol");
        }
        this.walks = symbols.stream()
                .map(symbol -> new PriceWalk(symbol, settings.walkOf(symbol.instrument()),
                        seed ^ (symbol.symbol().hashCode() * GOLDEN_GAMMA), settings.tickSize()))
                .toList();
        this.mode = settings.mode();
        this.clock = clock;
    }

    /** Up to {@code count} quotes at the clock's current instant; none when every market is closed. */
    List<Quote> next(int count) {
        Instant now = clock.instant();
        Map<Market, Boolean> open = new EnumMap<>(Market.class);
        for (Market market : Market.values()) {
            open.put(market, mode.isOpen(market, now));
        }
        boolean anyOpen = walks.stream().anyMatch(walk -> open.get(walk.market()));
        List<Quote> quotes = new ArrayList<>(anyOpen ? count : 0);
        while (anyOpen && quotes.size() < count) {
            PriceWalk walk = walks.get(cursor);
            cursor = (cursor + 1) % walks.size();
            if (open.get(walk.market())) {
                quotes.add(walk.next(now));
            }
        }
        return quotes;
    }

    int symbolCount() {
        return walks.size();
    }
}
