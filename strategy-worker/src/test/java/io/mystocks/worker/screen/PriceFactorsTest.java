package io.mystocks.worker.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceFactorsTest {
    private static final double EXACT = 1e-12;

    @Test
    void changeIsTheSimpleReturnBetweenTwoPastCloses() {
        DailyCloses closes = DailyCloses.of(100, 110, 121);

        Reading twoDays = PriceFactors.change(closes, 2, 0);
        Reading skippingTheLatest = PriceFactors.change(closes, 2, 1);

        assertThat(twoDays.value()).isCloseTo(0.21, within(EXACT));
        assertThat(skippingTheLatest.value()).isCloseTo(0.10, within(EXACT));
    }

    @Test
    void twelveMinusOneMonthMomentumOfASteadyRiserIsPositiveAndOfAFallerNegative() {
        DailyCloses riser = DailyCloses.of(TestCloses.compounding(253, 100, 0.01));
        DailyCloses faller = DailyCloses.of(TestCloses.compounding(253, 100, -0.01));

        Reading up = PriceFactors.change(riser, 252, 21);
        Reading down = PriceFactors.change(faller, 252, 21);

        // From the first close to the one 21 bars before the latest: 231 daily moves.
        assertThat(up.value()).isCloseTo(Math.pow(1.01, 231) - 1, within(1e-9)).isPositive();
        assertThat(down.value()).isCloseTo(Math.pow(0.99, 231) - 1, within(1e-9)).isNegative();
    }

    @Test
    void changeWithoutTheEarlierCloseSaysHowManyBarsItNeeds() {
        DailyCloses closes = DailyCloses.of(TestCloses.compounding(252, 100, 0.01));

        Reading reading = PriceFactors.change(closes, 252, 21);

        assertThat(reading.present()).isFalse();
        assertThat(reading.value()).isNaN();
        assertThat(reading.reason()).isEqualTo("needs 253 closed daily bars, has 252");
    }

    @Test
    void aboveAverageComparesTheLatestCloseWithTheMeanOfTheLatestPeriod() {
        DailyCloses rising = DailyCloses.of(10, 20, 30);
        DailyCloses falling = DailyCloses.of(30, 20, 10);

        Reading threeDays = PriceFactors.aboveAverage(rising, 3);
        Reading twoDays = PriceFactors.aboveAverage(rising, 2);
        Reading below = PriceFactors.aboveAverage(falling, 3);
        Reading tooLong = PriceFactors.aboveAverage(rising, 4);

        // Means of 20 over the three closes and of 25 over the latest two.
        assertThat(threeDays.value()).isCloseTo(0.5, within(EXACT));
        assertThat(twoDays.value()).isCloseTo(0.2, within(EXACT));
        assertThat(below.value()).isCloseTo(-0.5, within(EXACT));
        assertThat(tooLong.reason()).isEqualTo("needs 4 closed daily bars, has 3");
    }

    @Test
    void volatilityIsTheAnnualisedSampleDeviationOfDailyLogReturns() {
        DailyCloses zigZag = DailyCloses.of(100, 110, 100, 110, 100);

        Reading reading = PriceFactors.volatility(zigZag, 4);

        // Returns +ln 1.1, -ln 1.1, +ln 1.1, -ln 1.1: mean 0, sample variance 4 (ln 1.1)^2 / 3.
        assertThat(reading.value()).isCloseTo(Math.log(1.1) * Math.sqrt(4.0 / 3) * Math.sqrt(252), within(EXACT))
                .isCloseTo(1.7470644538, within(1e-9));
    }

    @Test
    void aFlatSeriesIsLessVolatileThanAZigZagOne() {
        DailyCloses flat = DailyCloses.of(TestCloses.flat(61, 100));
        DailyCloses zigZag = DailyCloses.of(TestCloses.zigZag(61, 100, 101));

        double still = PriceFactors.volatility(flat, 60).value();
        double swinging = PriceFactors.volatility(zigZag, 60).value();

        assertThat(still).isZero();
        assertThat(swinging).isCloseTo(0.1592895962, within(1e-9)).isGreaterThan(still);
    }

    @Test
    void volatilityMeasuresOnlyTheLatestReturns() {
        DailyCloses calmAfterACrash = DailyCloses.of(TestCloses.step(150, 100, 150, 50));

        Reading recent = PriceFactors.volatility(calmAfterACrash, 60);
        Reading year = PriceFactors.volatility(calmAfterACrash, 252);

        assertThat(recent.value()).isZero();
        // One return of ln 0.5 among 252: the sample deviation is ln 2 / sqrt(252), annualised ln 2.
        assertThat(year.value()).isCloseTo(Math.log(2), within(EXACT));
        assertThat(PriceFactors.volatility(calmAfterACrash, 300).reason())
                .isEqualTo("needs 301 closed daily bars, has 300");
    }

    @Test
    void maxDrawdownIsTheDeepestFallFromAPeakWithinTheWindow() {
        DailyCloses closes = DailyCloses.of(100, 120, 90, 110, 60, 80);

        Reading whole = PriceFactors.maxDrawdown(closes, 5);
        Reading lastTwoDays = PriceFactors.maxDrawdown(closes, 2);

        // 120 to 60 over the whole series; within the last three closes 110 to 60.
        assertThat(whole.value()).isCloseTo(0.5, within(EXACT));
        assertThat(lastTwoDays.value()).isCloseTo(1 - 60.0 / 110, within(EXACT));
    }

    @Test
    void maxDrawdownOfARiserIsZeroAndAFallBeforeTheWindowIsNotCounted() {
        DailyCloses closes = DailyCloses.of(200, 100, 110, 120);

        Reading sinceTheFall = PriceFactors.maxDrawdown(closes, 2);
        Reading withTheFall = PriceFactors.maxDrawdown(closes, 3);
        Reading tooLong = PriceFactors.maxDrawdown(closes, 4);

        assertThat(sinceTheFall.value()).isZero();
        assertThat(withTheFall.value()).isCloseTo(0.5, within(EXACT));
        assertThat(tooLong.reason()).isEqualTo("needs 5 closed daily bars, has 4");
    }

    @Test
    void rejectsWindowsThatMeanNothing() {
        DailyCloses closes = DailyCloses.of(1, 2, 3);

        assertThatThrownBy(() -> PriceFactors.change(closes, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceFactors.volatility(closes, 1))
                .hasMessage("days must be at least 2, not 1");
        assertThatThrownBy(() -> PriceFactors.aboveAverage(closes, 0))
                .hasMessage("period must be at least 1, not 0");
    }
}
