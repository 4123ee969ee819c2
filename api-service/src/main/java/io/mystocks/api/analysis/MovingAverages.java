package io.mystocks.api.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The moving-average group of the rating, as TradingView's technical ratings make it: EMA and SMA of 10, 20,
 * 30, 50, 100 and 200 bars, the Ichimoku base line (9, 26, 52, 26), VWMA(20) and HMA(9). Each votes buy when
 * it is below the price (the newest close), sell when above, neutral when equal.
 */
final class MovingAverages {
    private static final List<Average> AVERAGES = averages();
    /** Every indicator the group reads. */
    static final List<String> SPECS = AVERAGES.stream().map(Average::spec).toList();

    private MovingAverages() {
    }

    static List<AnalysisViews.RatingVote> votes(Readings readings) {
        return AVERAGES.stream().map(average -> average.vote(readings)).toList();
    }

    private static List<Average> averages() {
        List<Average> averages = new ArrayList<>();
        for (int period : new int[] {10, 20, 30, 50, 100, 200}) {
            averages.add(new Average("EMA(" + period + ")", "EMA:timeperiod=" + period, "value"));
            averages.add(new Average("SMA(" + period + ")", "SMA:timeperiod=" + period, "value"));
        }
        averages.add(new Average("Ichimoku base line (9, 26, 52, 26)", "ICHIMOKU", "kijun"));
        averages.add(new Average("VWMA(20)", "VWMA:timeperiod=20", "value"));
        averages.add(new Average("HMA(9)", "HMA:timeperiod=9", "value"));
        return List.copyOf(averages);
    }

    /** One average of the group: the output of {@code spec} compared with the price. */
    private record Average(String indicator, String spec, String output) {
        AnalysisViews.RatingVote vote(Readings readings) {
            Ballot ballot = new Ballot(indicator, readings);
            double price = ballot.close(0);
            double average = ballot.read(readings.line(spec), output, 0, output);
            return ballot.decide(average < price, "below the price", average > price, "above the price",
                    "equal to the price");
        }
    }
}
