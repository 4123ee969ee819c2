package io.mystocks.worker.screen;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A metric scored by its {@link PercentileRank} within the universe. A value that is not meaningful for
 * the metric (a price-to-earnings ratio of a loss maker) is left out of the ranking and scores 0: it earns
 * nothing, and does not shift the ranks of the others. A symbol whose data gives no value at all (too few
 * bars for a 252-day return) is treated the same way, and its part says why instead of showing a value.
 *
 * @param metric     what the metric reads for a symbol
 * @param meaningful which finite values take part in the ranking
 */
record Factor<T>(String name, double weight, Function<T, Reading> metric, boolean higherIsBetter,
                 DoublePredicate meaningful) implements Component<T> {

    Factor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(meaningful, "meaningful");
    }

    /** A metric that always has a value, ranked when {@code meaningful}. */
    static <T> Factor<T> higherIsBetter(String name, double weight, ToDoubleFunction<T> metric,
                                        DoublePredicate meaningful) {
        return new Factor<>(name, weight, always(metric), true, meaningful);
    }

    /** A metric that always has a value, ranked when {@code meaningful}. */
    static <T> Factor<T> lowerIsBetter(String name, double weight, ToDoubleFunction<T> metric,
                                       DoublePredicate meaningful) {
        return new Factor<>(name, weight, always(metric), false, meaningful);
    }

    /** A metric that may have no value; every finite value it reads is ranked. */
    static <T> Factor<T> higherIsBetter(String name, double weight, Function<T, Reading> metric) {
        return new Factor<>(name, weight, metric, true, Double::isFinite);
    }

    /** A metric that may have no value; every finite value it reads is ranked. */
    static <T> Factor<T> lowerIsBetter(String name, double weight, Function<T, Reading> metric) {
        return new Factor<>(name, weight, metric, false, Double::isFinite);
    }

    @Override
    public Map<String, Part> evaluate(Map<String, T> universe) {
        Map<String, Reading> readings = new HashMap<>();
        Map<String, Double> ranked = new HashMap<>();
        universe.forEach((symbol, input) -> {
            Reading reading = metric.apply(input);
            readings.put(symbol, reading);
            if (reading.present() && Double.isFinite(reading.value()) && meaningful.test(reading.value())) {
                ranked.put(symbol, reading.value());
            }
        });
        Map<String, Double> scores = PercentileRank.of(ranked, higherIsBetter);

        Map<String, Part> parts = new HashMap<>();
        readings.forEach((symbol, reading) -> parts.put(symbol, reading.present()
                ? new Part(reading.value(), scores.getOrDefault(symbol, 0.0), weight)
                : Part.missing(reading.reason(), weight)));
        return parts;
    }

    private static <T> Function<T, Reading> always(ToDoubleFunction<T> metric) {
        Objects.requireNonNull(metric, "metric");
        return input -> Reading.of(metric.applyAsDouble(input));
    }
}
