package io.mystocks.api.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every strategy the API accepts, with its parameter schema. */
final class StrategyCatalog {
    private final Map<String, StrategyDefinition> strategies = new LinkedHashMap<>();

    StrategyCatalog(List<StrategyDefinition> definitions) {
        definitions.forEach(d -> strategies.put(d.id(), d));
    }

    /** The screening strategies: value, growth and balanced, each with top_n and min_score. */
    static StrategyCatalog standard() {
        return new StrategyCatalog(List.of(
                screen("value", "Value screen", "cheap on fundamentals: low P/E and P/B, high dividend yield"),
                screen("growth", "Growth screen", "fast-growing revenue and earnings with rising momentum"),
                screen("balanced", "Balanced screen", "value and growth scores weighted equally, with trend")));
    }

    Optional<StrategyDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : strategies.get(id));
    }

    boolean contains(String id) {
        return strategies.containsKey(id);
    }

    List<String> ids() {
        return List.copyOf(strategies.keySet());
    }

    private static StrategyDefinition screen(String id, String name, String description) {
        return new StrategyDefinition(id, name, "screen", "Scores every symbol and returns the best: "
                + description, List.of(
                ParamSpec.integer("top_n", 20, 1, 500, "how many of the best-scoring symbols to return"),
                ParamSpec.number("min_score", "60", "0", "100", "the lowest score (0 to 100) a symbol may have")));
    }
}
