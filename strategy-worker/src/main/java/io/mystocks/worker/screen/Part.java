package io.mystocks.worker.screen;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One explained part of a screen score: {@code score} is the sum of {@code weight * score} over the
 * parts.
 *
 * @param value  the input: a ratio from the fundamentals or the bars (0.12 is 12 %), or a sub-score; null
 *               when the symbol's data does not give one
 * @param score  what the input earned, 0 to 100; 0 without an input
 * @param weight the part's share of the total score
 * @param reason why there is no input, such as too short a bar history; absent when there is one
 */
public record Part(Double value, double score, double weight,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    public Part {
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be from 0 to 100, not " + score);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be above 0 and at most 1, not " + weight);
        }
        if (reason != null && (value != null || score != 0)) {
            throw new IllegalArgumentException("a part without an input has no value and scores 0: " + reason);
        }
    }

    /** A part with an input. */
    public Part(double value, double score, double weight) {
        this(value, score, weight, null);
    }

    /** A part whose input is missing: it scores 0 and says why. */
    static Part missing(String reason, double weight) {
        return new Part(null, 0, weight, reason);
    }

    /** The same part with its score rounded for display. */
    Part rounded() {
        return new Part(value, Scoring.round(score), weight, reason);
    }
}
