package io.mystocks.api.analysis;

import java.util.List;

/**
 * The five categories of a technical rating, a score from -1 (every vote sell) to +1 (every vote buy). Scores
 * are rounded to four decimals before they are classified: a score that is exactly a threshold, such as 0.1,
 * may come out of double arithmetic a hair below it, while a score of two groups of at most 15 votes that is
 * not exactly a threshold lies at least 1/4500 from it, far beyond the rounding.
 */
enum Rating {
    STRONG_BUY("Strong Buy"),
    BUY("Buy"),
    NEUTRAL("Neutral"),
    SELL("Sell"),
    STRONG_SELL("Strong Sell");

    /** How scores map to categories, as the answer states it. */
    static final String THRESHOLDS = ">= 0.5 Strong Buy, >= 0.1 Buy, > -0.1 Neutral, > -0.5 Sell, "
            + "otherwise Strong Sell";
    /** What a rating says when there were not enough votes to make one. */
    static final String INSUFFICIENT = "insufficient data";

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * The category of a score.
     *
     * @throws IllegalArgumentException for a score outside [-1, 1] or NaN
     */
    static Rating of(double score) {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("a rating score is from -1 to 1, was " + score);
        }
        double rounded = round(score);
        if (rounded >= 0.5) {
            return STRONG_BUY;
        }
        if (rounded >= 0.1) {
            return BUY;
        }
        if (rounded > -0.1) {
            return NEUTRAL;
        }
        return rounded > -0.5 ? SELL : STRONG_SELL;
    }

    /** The mean of votes of +1, 0 and -1, rounded to four decimals; null without votes. */
    static Double mean(List<Integer> votes) {
        if (votes.isEmpty()) {
            return null;
        }
        return round(votes.stream().mapToInt(Integer::intValue).sum() / (double) votes.size());
    }

    /** The mean of the two group scores, rounded; null unless both groups voted. */
    static Double overall(Double movingAverages, Double oscillators) {
        if (movingAverages == null || oscillators == null) {
            return null;
        }
        return round((movingAverages + oscillators) / 2);
    }

    /** The label of a score, or {@link #INSUFFICIENT} for none. */
    static String labelOf(Double score) {
        return score == null ? INSUFFICIENT : of(score).label();
    }

    static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
