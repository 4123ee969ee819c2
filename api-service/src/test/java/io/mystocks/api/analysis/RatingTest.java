package io.mystocks.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void scoresFromHalfUpAreStrongBuy() {
        assertThat(Rating.of(1.0)).isEqualTo(Rating.STRONG_BUY);
        assertThat(Rating.of(0.5)).isEqualTo(Rating.STRONG_BUY);
        assertThat(Rating.of(0.4999)).isEqualTo(Rating.BUY);
    }

    @Test
    void scoresFromATenthBelowHalfAreBuy() {
        assertThat(Rating.of(0.1)).isEqualTo(Rating.BUY);
        assertThat(Rating.of(0.0999)).isEqualTo(Rating.NEUTRAL);
    }

    @Test
    void scoresStrictlyBetweenMinusATenthAndATenthAreNeutral() {
        assertThat(Rating.of(0.0)).isEqualTo(Rating.NEUTRAL);
        assertThat(Rating.of(-0.0999)).isEqualTo(Rating.NEUTRAL);
        assertThat(Rating.of(-0.1)).isEqualTo(Rating.SELL);
    }

    @Test
    void scoresDownToJustAboveMinusHalfAreSellAndTheRestStrongSell() {
        assertThat(Rating.of(-0.4999)).isEqualTo(Rating.SELL);
        assertThat(Rating.of(-0.5)).isEqualTo(Rating.STRONG_SELL);
        assertThat(Rating.of(-1.0)).isEqualTo(Rating.STRONG_SELL);
    }

    @Test
    void aThresholdMissedOnlyByDoubleArithmeticCountsAsReached() {
        assertThat(Rating.of(0.1 - 1e-12)).isEqualTo(Rating.BUY);
        assertThat(Rating.of(-0.5 + 1e-12)).isEqualTo(Rating.STRONG_SELL);
    }

    @Test
    void labelsAreTheCategoryNamesAndInsufficientDataWithoutAScore() {
        assertThat(Rating.labelOf(0.6)).isEqualTo("Strong Buy");
        assertThat(Rating.labelOf(-0.3)).isEqualTo("Sell");
        assertThat(Rating.labelOf(null)).isEqualTo("insufficient data");
    }

    @Test
    void groupScoresAreMeansOfTheVotesAndTheOverallScoreTheMeanOfBothGroups() {
        assertThat(Rating.mean(List.of(1, 1, 0, -1))).isEqualTo(0.25);
        assertThat(Rating.mean(List.of(1, 0, 0))).isEqualTo(0.3333);
        assertThat(Rating.mean(List.of())).isNull();
        assertThat(Rating.overall(1.0, 0.2)).isEqualTo(0.6);
        assertThat(Rating.overall(1.0, null)).isNull();
    }

    @Test
    void scoresOutsideMinusOneToOneAreRefused() {
        assertThatThrownBy(() -> Rating.of(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Rating.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
