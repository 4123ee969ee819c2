package io.mystocks.worker.screen;

import java.util.Map;

/**
 * One weighted part of a {@link Scoring}: a single metric or a whole sub-score.
 *
 * @param <T> what the metric reads for each symbol, such as its fundamentals
 */
sealed interface Component<T> permits Factor, Blend {

    /** The part's name in the result, snake_case. */
    String name();

    /** The part's share of the total, above 0 and at most 1. */
    double weight();

    /** The part of every symbol of the universe. */
    Map<String, Part> evaluate(Map<String, T> universe);
}
