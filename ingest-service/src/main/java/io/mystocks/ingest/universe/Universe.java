package io.mystocks.ingest.universe;

import io.mystocks.contracts.Market;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The symbols this service accepts quotes for, in a stable order. Immutable. */
public final class Universe {
    private final Map<String, ListedSymbol> bySymbol;

    private Universe(Map<String, ListedSymbol> bySymbol) {
        this.bySymbol = bySymbol;
    }

    /**
     * The union of the given lists; a symbol in a later list replaces the same symbol of an earlier one,
     * keeping its first position.
     */
    public static Universe merge(List<List<ListedSymbol>> lists) {
        Map<String, ListedSymbol> merged = new LinkedHashMap<>();
        lists.forEach(list -> list.forEach(symbol -> merged.put(symbol.symbol(), symbol)));
        if (merged.isEmpty()) {
            throw new IllegalArgumentException("the universe holds no symbol");
        }
        return new Universe(Collections.unmodifiableMap(merged));
    }

    public boolean contains(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    public Optional<ListedSymbol> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    public Collection<ListedSymbol> symbols() {
        return bySymbol.values();
    }

    public int size() {
        return bySymbol.size();
    }

    public long count(Market market) {
        return bySymbol.values().stream().filter(s -> s.instrument().market() == market).count();
    }
}
