package io.mystocks.worker.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentileRankTest {

    @Test
    void spreadsRanksFromZeroToOneHundred() {
        Map<String, Double> scores = PercentileRank.of(Map.of("a", 1.0, "b", 2.0, "c", 3.0), true);

        assertThat(scores).containsOnly(Map.entry("a", 0.0), Map.entry("b", 50.0), Map.entry("c", 100.0));
    }

    @Test
    void ranksLowValuesHighWhenLowerIsBetter() {
        Map<String, Double> scores = PercentileRank.of(Map.of("a", 1.0, "b", 2.0, "c", 3.0), false);

        assertThat(scores).containsOnly(Map.entry("a", 100.0), Map.entry("b", 50.0), Map.entry("c", 0.0));
    }

    @Test
    void givesTiedValuesTheMeanOfTheirRanks() {
        Map<String, Double> scores = PercentileRank.of(Map.of("a", 1.0, "b", 2.0, "c", 2.0, "d", 5.0), true);

        assertThat(scores).containsOnly(Map.entry("a", 0.0), Map.entry("b", 50.0), Map.entry("c", 50.0),
                Map.entry("d", 100.0));
    }

    @Test
    void scoresALoneValueAsNeutral() {
        Map<String, Double> scores = PercentileRank.of(Map.of("a", 42.0), true);

        assertThat(scores).containsOnly(Map.entry("a", 50.0));
    }

    @Test
    void ranksNothingInAnEmptyUniverse() {
        assertThat(PercentileRank.of(Map.of(), true)).isEmpty();
    }
}
