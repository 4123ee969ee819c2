package io.mystocks.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.api.market.TestMarket;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.BoundSeries;
import io.mystocks.ta.IndicatorPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TechnicalAnalysisTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    @Test
    void onARisingSeriesEveryMovingAverageIsBelowThePriceAndVotesBuy() {
        AnalysisViews.Analysis analysis = analyse(250, i -> 100 + 0.5 * i + 0.002 * i * i);

        AnalysisViews.RatingGroup averages = analysis.movingAverages();

        assertThat(averages.votes()).hasSize(15).allSatisfy(vote -> {
            assertThat(vote.vote()).as(vote.indicator()).isEqualTo(1);
            assertThat(vote.signal()).isEqualTo("buy");
            assertThat(vote.reason()).isEqualTo("below the price");
        });
        assertThat(averages.rating()).isEqualTo(1.0);
        assertThat(averages.signal()).isEqualTo("Strong Buy");
        assertThat(averages.buy()).isEqualTo(15);
        assertThat(averages.notVoting()).isZero();
        assertThat(analysis.summary().movingAverages()).isEqualTo(1.0);
        assertThat(analysis.summary().rating()).isGreaterThan(0.0);
    }

    @Test
    void onAFallingSeriesEveryMovingAverageIsAboveThePriceAndVotesSell() {
        AnalysisViews.Analysis analysis = analyse(250, i -> 400 - 0.5 * i - 0.002 * i * i);

        AnalysisViews.RatingGroup averages = analysis.movingAverages();

        assertThat(averages.votes()).allSatisfy(vote -> {
            assertThat(vote.vote()).as(vote.indicator()).isEqualTo(-1);
            assertThat(vote.reason()).isEqualTo("above the price");
            assertThat(vote.values().get(vote.indicator().startsWith("Ichimoku") ? "kijun" : "value"))
                    .isGreaterThan(analysis.price().doubleValue());
        });
        assertThat(averages.rating()).isEqualTo(-1.0);
        assertThat(averages.signal()).isEqualTo("Strong Sell");
        assertThat(analysis.summary().rating()).isLessThan(0.0);
    }

    @Test
    void averagesStillWarmingUpDoNotVoteAndSaySo() {
        AnalysisViews.Analysis analysis = analyse(100, i -> 100 + 0.5 * i + 0.002 * i * i);

        List<AnalysisViews.RatingVote> silent = analysis.movingAverages().votes().stream()
                .filter(vote -> vote.vote() == null).toList();

        assertThat(silent).extracting(AnalysisViews.RatingVote::indicator).containsExactly("EMA(200)", "SMA(200)");
        assertThat(silent).allSatisfy(vote -> {
            assertThat(vote.signal()).isEqualTo("not voting");
            assertThat(vote.reason()).isEqualTo("warming up: needs 200 bars, has 100; does not vote");
            assertThat(vote.barsNeeded()).isEqualTo(200);
            assertThat(vote.values()).isEmpty();
        });
        assertThat(analysis.movingAverages().notVoting()).isEqualTo(2);
        assertThat(analysis.movingAverages().rating()).isEqualTo(1.0);
        assertThat(analysis.summary().note()).startsWith("2 of 26 indicators do not vote");
        assertThat(analysis.trend()).filteredOn(entry -> entry.key().equals("SMA_200")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.ready()).isFalse();
                    assertThat(entry.values()).isEmpty();
                });
    }

    @Test
    void tooFewBarsForBothGroupsIsInsufficientDataSayingHowManyAreNeeded() {
        AnalysisViews.Analysis analysis = analyse(5, i -> 100 + i);

        AnalysisViews.RatingSummary summary = analysis.summary();

        assertThat(summary.rating()).isNull();
        assertThat(summary.signal()).isEqualTo("insufficient data");
        // SMA(10) and EMA(10) need 10 bars; the quickest oscillator, Momentum(10), 11 bars and one before.
        assertThat(summary.barsNeeded()).isEqualTo(12);
        assertThat(summary.barsForEveryVote()).isEqualTo(200);
        assertThat(summary.note()).contains("at least 12 bars; 5 kept");
        assertThat(summary.thresholds()).isEqualTo(Rating.THRESHOLDS);
        assertThat(analysis.oscillators().rating()).isNull();
        assertThat(analysis.oscillators().notVoting()).isEqualTo(11);
    }

    @Test
    void noBarsAtAllIsInsufficientDataWithoutABar() {
        AnalysisViews.Analysis analysis = TechnicalAnalysis.of("000001", Interval.D1, BoundSeries.create(1000), NOW);

        assertThat(analysis.summary().rating()).isNull();
        assertThat(analysis.price()).isNull();
        assertThat(analysis.barOpenTime()).isNull();
        assertThat(analysis.movingAverages().votes()).allSatisfy(vote -> assertThat(vote.vote()).isNull());
    }

    @Test
    void rsiBelowThirtyAndTurningUpVotesBuyAndAboveSeventyTurningDownSells() {
        AnalysisViews.RatingVote oversold = Oscillators.rsi(readings(41, i -> i < 40 ? 200 - 2 * i : 122.5));
        AnalysisViews.RatingVote overbought = Oscillators.rsi(readings(41, i -> i < 40 ? 100 + 2 * i : 177.5));

        assertThat(oversold.vote()).isEqualTo(1);
        assertThat(oversold.reason()).isEqualTo("below 30 and rising");
        assertThat(oversold.values().get("value")).isLessThan(30).isGreaterThan(oversold.values().get("previous"));
        assertThat(overbought.vote()).isEqualTo(-1);
        assertThat(overbought.reason()).isEqualTo("above 70 and falling");
        assertThat(overbought.inputs()).containsExactly("RSI_14");
    }

    @Test
    void rsiInTheMiddleIsNeutral() {
        AnalysisViews.RatingVote vote = Oscillators.rsi(readings(40, i -> 100 + (i % 2 == 0 ? 1 : -1)));

        assertThat(vote.vote()).isZero();
        assertThat(vote.signal()).isEqualTo("neutral");
    }

    @Test
    void macdAboveItsSignalLineOnAnAcceleratingRiseVotesBuy() {
        AnalysisViews.RatingVote vote = Oscillators.macd(readings(120, i -> 100 + 0.5 * i + 0.002 * i * i));

        assertThat(vote.vote()).isEqualTo(1);
        assertThat(vote.values().get("macd")).isGreaterThan(vote.values().get("signal"));
    }

    @Test
    void momentumVotesWithItsDirection() {
        AnalysisViews.RatingVote rising = Oscillators.momentum(readings(30, i -> 100 + 0.01 * i * i));
        AnalysisViews.RatingVote falling = Oscillators.momentum(readings(30, i -> 100 - 0.01 * i * i));

        assertThat(rising.vote()).isEqualTo(1);
        assertThat(falling.vote()).isEqualTo(-1);
    }

    @Test
    void theStochasticRsiNeedsItsSmoothingAndTheTrendBeforeItVotes() {
        AnalysisViews.RatingVote vote = Oscillators.stochasticRsi(readings(40, i -> 100 + i));

        assertThat(vote.vote()).isNull();
        assertThat(vote.inputs()).containsExactly("STOCHRSI_14_14_3", "SMA_50");
        // STOCHRSI(14, 14, 3) is ready at 30 bars; %D of the previous bar takes three more, the trend 50.
        assertThat(vote.barsNeeded()).isEqualTo(50);
        assertThat(vote.reason()).isEqualTo("warming up: needs 50 bars, has 40; does not vote");
    }

    @Test
    void readingsBackFromTheNewestBarAreTheFullSeriesValuesAtThoseBars() {
        List<Bar> bars = bars(60, i -> 100 + 5 * Math.sin(i / 4.0) + 0.1 * i);
        Readings readings = TechnicalAnalysis.readings(BoundSeries.of(bars, 1000));

        for (String spec : List.of("SMA:timeperiod=10", "EMA:timeperiod=13", "MACD", "ADX:timeperiod=14")) {
            Readings.Line line = readings.line(spec);
            List<IndicatorPoint> points = line.instance().series(bars);
            for (int back = 0; back <= Readings.MAX_BACK; back++) {
                Map<String, Double> expected = points.get(points.size() - 1 - back).outputs();
                for (String output : line.instance().outputs()) {
                    assertThat(line.value(output, back)).as(spec + " " + output + " back " + back)
                            .isCloseTo(expected.get(output), within(1e-9));
                }
            }
        }
    }

    @Test
    void groupsCountTheirVotesAndRateTheMeanOfThoseCast() {
        AnalysisViews.RatingGroup group = TechnicalAnalysis.group(
                List.of(vote(1), vote(1), vote(0), vote(-1), vote(null)));

        assertThat(group.buy()).isEqualTo(2);
        assertThat(group.neutral()).isEqualTo(1);
        assertThat(group.sell()).isEqualTo(1);
        assertThat(group.notVoting()).isEqualTo(1);
        assertThat(group.rating()).isEqualTo(0.25);
        assertThat(group.signal()).isEqualTo("Buy");
    }

    private static AnalysisViews.RatingVote vote(Integer vote) {
        return new AnalysisViews.RatingVote("X", List.of("X"), Map.of(), vote, "", "", 1);
    }

    private static AnalysisViews.Analysis analyse(int count, IntToDoubleFunction close) {
        return TechnicalAnalysis.of("600519", Interval.D1, BoundSeries.of(bars(count, close), 1000), NOW);
    }

    private static Readings readings(int count, IntToDoubleFunction close) {
        return TechnicalAnalysis.readings(BoundSeries.of(bars(count, close), 1000));
    }

    /** Daily bars whose closes follow the function, rounded to cents as prices are. */
    private static List<Bar> bars(int count, IntToDoubleFunction close) {
        double[] closes = IntStream.range(0, count).mapToDouble(i -> Math.round(close.applyAsDouble(i) * 100) / 100.0)
                .toArray();
        return TestMarket.dailyBars("600519", FIRST, closes);
    }
}
