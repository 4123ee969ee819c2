package io.mystocks.api.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the technical-analysis endpoint: records of strings, numbers, instants, lists and maps,
 * so that what the response cache writes to Redis reads back equal.
 */
final class AnalysisViews {

    private AnalysisViews() {
    }

    /**
     * A technical analysis of one series at its newest bar.
     *
     * @param barsAvailable  bars the analysis was computed over (every bar the read model keeps)
     * @param barOpenTime    the newest bar, the one rated; null without bars
     * @param barClosed      false while that bar is still forming
     * @param price          its close, as published
     * @param movingAverages the moving-average group: every vote with its reason
     * @param oscillators    the oscillator group
     * @param trend          trend indicators' values at the newest bar, whether they vote or not
     */
    record Analysis(String symbol, String interval, int barsAvailable, Instant barOpenTime, Boolean barClosed,
                    BigDecimal price, Instant computedAt, RatingSummary summary, RatingGroup movingAverages,
                    RatingGroup oscillators, List<IndicatorReading> trend, List<IndicatorReading> momentum,
                    List<IndicatorReading> volatility, List<IndicatorReading> volume) {
    }

    /**
     * The overall rating: the mean of the two group ratings.
     *
     * @param rating           from -1 to 1, null unless both groups have a vote
     * @param signal           Strong Buy, Buy, Neutral, Sell, Strong Sell, or insufficient data
     * @param barsNeeded       bars needed before both groups have a vote, and so a rating
     * @param barsForEveryVote bars needed before every indicator votes
     * @param thresholds       how a rating maps to a signal
     */
    record RatingSummary(Double rating, String signal, Double movingAverages, Double oscillators, int barsNeeded,
                         int barsForEveryVote, String note, String thresholds) {
    }

    /**
     * One group of votes.
     *
     * @param rating    the mean of the votes cast, null when none was
     * @param notVoting indicators still warming up, or undefined at the newest bar
     */
    record RatingGroup(Double rating, String signal, int buy, int neutral, int sell, int notVoting,
                       List<RatingVote> votes) {
    }

    /**
     * One indicator's vote.
     *
     * @param indicator  the indicator as ratings name it, such as {@code SMA(10)}
     * @param inputs     the catalogue instances the rule read, such as {@code SMA_10}
     * @param values     the values the rule compared
     * @param vote       +1 buy, 0 neutral, -1 sell; null when it does not vote
     * @param signal     buy, neutral, sell, or not voting
     * @param reason     the condition that held, or why it does not vote
     * @param barsNeeded bars needed before it votes
     */
    record RatingVote(String indicator, List<String> inputs, Map<String, Double> values, Integer vote,
                      String signal, String reason, int barsNeeded) {
    }

    /** An indicator's outputs at the newest bar; values is empty until ready. */
    record IndicatorReading(String key, String name, Map<String, Double> values, boolean ready, int warmupBars) {
    }
}
