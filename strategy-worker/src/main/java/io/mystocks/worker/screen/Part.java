package io.mystocks.worker.screen;

/**
 * One explained part of a screen score: {@code score} is the sum of {@code weight * score} over the
 * parts.
 *
 * @param value  the input: a ratio from the fundamentals (0.12 is 12 %), or a sub-score
 * @param score  what the input earned, 0 to 100
 * @param weight the part's share of the total score
 */
public record Part(double value, double score, double weight) {
}
