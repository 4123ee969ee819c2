package io.mystocks.api.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator's vote while its rule reads the values it compares. Every read records what it needs: the
 * input's key, the bars it takes, and the value under a name for the answer. A value that is not there yet
 * reads as NaN, against which every comparison is false, and leaves the ballot incomplete: it then casts no
 * vote, whatever the rule's conditions say.
 */
final class Ballot {
    static final String BUY = "buy";
    static final String NEUTRAL = "neutral";
    static final String SELL = "sell";
    static final String NOT_VOTING = "not voting";

    private final String indicator;
    private final Readings readings;
    private final List<String> inputs = new ArrayList<>(2);
    private final Map<String, Double> values = new LinkedHashMap<>();
    private int barsNeeded;
    private boolean complete = true;

    Ballot(String indicator, Readings readings) {
        this.indicator = indicator;
        this.readings = readings;
    }

    /**
     * An output of a line {@code back} bars before the newest.
     *
     * @param name the name to show it under, or null to use it without showing it
     */
    double read(Readings.Line line, String output, int back, String name) {
        if (!inputs.contains(line.key())) {
            inputs.add(line.key());
        }
        barsNeeded = Math.max(barsNeeded, line.barsNeeded(back));
        Double value = line.value(output, back);
        if (value == null) {
            complete = false;
            return Double.NaN;
        }
        return show(name, value);
    }

    double close(int back) {
        return needBars(back) ? readings.close(back) : Double.NaN;
    }

    double high(int back) {
        return needBars(back) ? readings.high(back) : Double.NaN;
    }

    double low(int back) {
        return needBars(back) ? readings.low(back) : Double.NaN;
    }

    /** Shows a value the rule derived; a NaN, from a missing input, is not shown. */
    double show(String name, double value) {
        if (name != null && Double.isFinite(value)) {
            values.put(name, value);
        }
        return value;
    }

    /**
     * The vote: buy when {@code buy} holds, sell when {@code sell} does, neutral otherwise; no vote at all
     * when an input was missing.
     */
    AnalysisViews.RatingVote decide(boolean buy, String buyReason, boolean sell, String sellReason,
                                    String neutralReason) {
        if (!complete) {
            return notVoting();
        }
        if (buy) {
            return cast(1, BUY, buyReason);
        }
        return sell ? cast(-1, SELL, sellReason) : cast(0, NEUTRAL, neutralReason);
    }

    private AnalysisViews.RatingVote notVoting() {
        String reason = readings.size() < barsNeeded
                ? "warming up: needs " + barsNeeded + " bars, has " + readings.size() + "; does not vote"
                : "undefined at the bars it reads (such as a window without volume); does not vote";
        return new AnalysisViews.RatingVote(indicator, List.copyOf(inputs), values, null, NOT_VOTING, reason,
                barsNeeded);
    }

    private AnalysisViews.RatingVote cast(int vote, String signal, String reason) {
        return new AnalysisViews.RatingVote(indicator, List.copyOf(inputs), values, vote, signal, reason, barsNeeded);
    }

    private boolean needBars(int back) {
        barsNeeded = Math.max(barsNeeded, back + 1);
        if (readings.size() <= back) {
            complete = false;
            return false;
        }
        return true;
    }
}
