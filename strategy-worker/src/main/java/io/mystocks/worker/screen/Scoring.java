package io.mystocks.worker.screen;

import io.mystocks.worker.strategy.Progress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A score from 0 to 100 as the weighted sum of its components' scores; the weights add up to 1. The
 * total is computed from unrounded part scores and rounded to two decimals; the parts are rounded for
 * display only.
 *
 * @param <T> what the components read for each symbol
 */
final class Scoring<T> {
    private static final double WEIGHT_TOLERANCE = 1e-9;

    private final List<Component<T>> components;

    Scoring(List<Component<T>> components) {
        double total = components.stream().mapToDouble(Component::weight).sum();
        if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException("weights must add up to 1, not " + total);
        }
        if (components.stream().map(Component::name).distinct().count() != components.size()) {
            throw new IllegalArgumentException("component names must be unique");
        }
        this.components = List.copyOf(components);
    }

    /** Every symbol's score and parts, by symbol. */
    Map<String, Scored> score(Map<String, T> universe) {
        return score(universe, Progress.NONE, 0, 1);
    }

    /** Every symbol's score and parts, reporting progress from {@code from} to {@code to}. */
    Map<String, Scored> score(Map<String, T> universe, Progress progress, double from, double to) {
        Map<String, Map<String, Part>> partsBySymbol = new TreeMap<>();
        for (int i = 0; i < components.size(); i++) {
            Component<T> component = components.get(i);
            component.evaluate(universe).forEach((symbol, part) ->
                    partsBySymbol.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).put(component.name(), part));
            progress.report(from + (to - from) * (i + 1) / components.size(), "scored " + component.name());
        }

        Map<String, Scored> scored = new TreeMap<>();
        partsBySymbol.forEach((symbol, parts) -> scored.put(symbol, Scored.of(parts)));
        return scored;
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** A symbol's rounded score with its rounded parts. */
    record Scored(double score, Map<String, Part> parts) {

        static Scored of(Map<String, Part> parts) {
            double total = parts.values().stream().mapToDouble(p -> p.weight() * p.score()).sum();
            Map<String, Part> shown = new LinkedHashMap<>();
            parts.forEach((name, p) -> shown.put(name, p.rounded()));
            return new Scored(round(total), shown);
        }
    }
}
