package io.mystocks.api.analysis;

import io.mystocks.contracts.Bar;
import io.mystocks.ta.BoundSeries;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.IndicatorInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A technical analysis of one series at its newest bar, computed the way TradingView's technical ratings are:
 * every indicator of each group votes +1 (buy), 0 (neutral) or -1 (sell); a group's rating is the mean of its
 * votes, the overall rating the mean of the two groups' (see {@link Rating} for the thresholds). An indicator
 * whose warm-up is not complete casts no vote, and says so. Next to the rating stand the values of the
 * trend, momentum, volatility and volume indicators at the newest bar.
 */
final class TechnicalAnalysis {
    private static final List<String> TREND = List.of("SMA:timeperiod=20", "SMA:timeperiod=50",
            "SMA:timeperiod=200", "EMA:timeperiod=12", "EMA:timeperiod=26", "MACD", "ADX", "SAR", "ICHIMOKU");
    private static final List<String> MOMENTUM = List.of("RSI:timeperiod=14",
            "STOCH:fastk_period=14,slowk_period=3,slowd_period=3",
            "STOCHRSI:timeperiod=14,fastk_period=14,fastd_period=3", "KDJ", "CCI:timeperiod=20", "WILLR",
            "MOM:timeperiod=10", "ROC", "AO", "ULTOSC");
    private static final List<String> VOLATILITY = List.of("BBANDS", "ATR", "NATR", "KELTNER", "STDDEV");
    private static final List<String> VOLUME = List.of("OBV", "AD", "ADOSC", "MFI", "VWAP", "VWMA:timeperiod=20",
            "VOLUME_MA:timeperiod=5", "VOLUME_MA:timeperiod=10");
    /** Every indicator an analysis reads, votes and sections together. */
    private static final List<String> SPECS = Stream.of(MovingAverages.SPECS, Oscillators.SPECS, TREND, MOMENTUM,
            VOLATILITY, VOLUME).flatMap(List::stream).distinct().toList();

    private TechnicalAnalysis() {
    }

    /**
     * @param bars every bar kept of the series, the newest of which may still be forming
     */
    static AnalysisViews.Analysis of(String symbol, Interval interval, BoundSeries bars, Instant computedAt) {
        Readings readings = readings(bars);
        AnalysisViews.RatingGroup movingAverages = group(MovingAverages.votes(readings));
        AnalysisViews.RatingGroup oscillators = group(Oscillators.votes(readings));
        Bar newest = readings.isEmpty() ? null : readings.newest();
        return new AnalysisViews.Analysis(symbol, interval.code(), bars.size(),
                newest == null ? null : newest.openTime(), newest == null ? null : newest.closed(),
                newest == null ? null : newest.close(), computedAt,
                summary(movingAverages, oscillators, bars.size()), movingAverages, oscillators,
                entries(readings, TREND), entries(readings, MOMENTUM), entries(readings, VOLATILITY),
                entries(readings, VOLUME));
    }

    /** The values at the newest bars of every indicator an analysis reads. */
    static Readings readings(BoundSeries bars) {
        return new Readings(bars, SPECS);
    }

    static AnalysisViews.RatingGroup group(List<AnalysisViews.RatingVote> votes) {
        List<Integer> cast = votes.stream().map(AnalysisViews.RatingVote::vote).filter(Objects::nonNull).toList();
        Double rating = Rating.mean(cast);
        int buy = (int) cast.stream().filter(vote -> vote > 0).count();
        int sell = (int) cast.stream().filter(vote -> vote < 0).count();
        return new AnalysisViews.RatingGroup(rating, Rating.labelOf(rating), buy, cast.size() - buy - sell, sell,
                votes.size() - cast.size(), votes);
    }

    static AnalysisViews.RatingSummary summary(AnalysisViews.RatingGroup movingAverages,
                                               AnalysisViews.RatingGroup oscillators, int barsAvailable) {
        Double rating = Rating.overall(movingAverages.rating(), oscillators.rating());
        int barsNeeded = Math.max(fewestBars(movingAverages), fewestBars(oscillators));
        int barsForEveryVote = Math.max(mostBars(movingAverages), mostBars(oscillators));
        int notVoting = movingAverages.notVoting() + oscillators.notVoting();
        int indicators = movingAverages.votes().size() + oscillators.votes().size();
        String note;
        if (rating == null) {
            note = "insufficient data: a rating needs a vote in both groups, which takes at least " + barsNeeded
                    + " bars; " + barsAvailable + " kept";
        } else if (notVoting > 0) {
            note = notVoting + " of " + indicators + " indicators do not vote (see their reasons); every one "
                    + "votes from " + barsForEveryVote + " bars";
        } else {
            note = "all " + indicators + " indicators voted";
        }
        return new AnalysisViews.RatingSummary(rating, Rating.labelOf(rating), movingAverages.rating(),
                oscillators.rating(), barsNeeded, barsForEveryVote, note, Rating.THRESHOLDS);
    }

    private static int fewestBars(AnalysisViews.RatingGroup group) {
        return group.votes().stream().mapToInt(AnalysisViews.RatingVote::barsNeeded).min().orElse(0);
    }

    private static int mostBars(AnalysisViews.RatingGroup group) {
        return group.votes().stream().mapToInt(AnalysisViews.RatingVote::barsNeeded).max().orElse(0);
    }

    private static List<AnalysisViews.IndicatorReading> entries(Readings readings, List<String> specs) {
        List<AnalysisViews.IndicatorReading> entries = new ArrayList<>(specs.size());
        for (String spec : specs) {
            Readings.Line line = readings.line(spec);
            IndicatorInstance instance = line.instance();
            Map<String, Double> newest = line.newest();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String output : instance.outputs()) {
                if (newest.containsKey(output)) {
                    values.put(output, newest.get(output));
                }
            }
            entries.add(new AnalysisViews.IndicatorReading(instance.key(), instance.definition().name(), values,
                    line.ready(), instance.warmupBars()));
        }
        return entries;
    }
}
