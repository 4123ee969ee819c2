package io.mystocks.worker.screen;

import io.mystocks.contracts.Fundamentals;
import java.util.Map;

/** One weighted part of a {@link Scoring}: a single metric or a whole sub-score. */
sealed interface Component permits Factor, Blend {

    /** The part's name in the result, snake_case. */
    String name();

    /** The part's share of the total, above 0 and at most 1. */
    double weight();

    /** The part of every symbol of the universe. */
    Map<String, Part> evaluate(Map<String, Fundamentals> universe);
}
