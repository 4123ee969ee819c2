package io.mystocks.worker.screen;

import io.mystocks.contracts.Fundamentals;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;

/**
 * A fundamentals metric scored by its {@link PercentileRank} within the universe. A value that is not
 * meaningful for the metric (a price-to-earnings ratio of a loss maker, a missing figure) is left out
 * of the ranking and scores 0: it earns nothing, and does not shift the ranks of the others.
 *
 * @param meaningful which finite values take part in the ranking
 */
record Factor(String name, double weight, ToDoubleFunction<Fundamentals> metric, boolean higherIsBetter,
              DoublePredicate meaningful) implements Component {

    static Factor higherIsBetter(String name, double weight, ToDoubleFunction<Fundamentals> metric,
                                 DoublePredicate meaningful) {
        return new Factor(name, weight, metric, true, meaningful);
    }

    static Factor lowerIsBetter(String name, double weight, ToDoubleFunction<Fundamentals> metric,
                                DoublePredicate meaningful) {
        return new Factor(name, weight, metric, false, meaningful);
    }

    @Override
    public Map<String, Part> evaluate(Map<String, Fundamentals> universe) {
        Map<String, Double> ranked = new HashMap<>();
        universe.forEach((symbol, fundamentals) -> {
            double value = metric.applyAsDouble(fundamentals);
            if (Double.isFinite(value) && meaningful.test(value)) {
                ranked.put(symbol, value);
            }
        });
        Map<String, Double> scores = PercentileRank.of(ranked, higherIsBetter);

        Map<String, Part> parts = new HashMap<>();
        universe.forEach((symbol, fundamentals) -> parts.put(symbol,
                new Part(metric.applyAsDouble(fundamentals), scores.getOrDefault(symbol, 0.0), weight)));
        return parts;
    }
}
