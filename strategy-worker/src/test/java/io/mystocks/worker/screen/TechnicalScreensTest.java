package io.mystocks.worker.screen;

import static io.mystocks.worker.screen.ScreenResults.item;
import static io.mystocks.worker.screen.ScreenResults.scores;
import static io.mystocks.worker.screen.ScreenResults.symbols;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.contracts.Json;
import io.mystocks.worker.strategy.Progress;
import io.mystocks.worker.strategy.Strategy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The momentum and low-volatility screens over small universes of hand-made close series, whose percentile
 * ranks and scores are worked out by hand below.
 */
class TechnicalScreensTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-01T15:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, Object> EVERYTHING = Map.of("top_n", 10, "min_score", 0);
    private static final double CLOSE = 1e-9;

    /**
     * Momentum: RISE gains 1 % a day, FLAT stays at 100, FALL loses 1 % a day, all over 300 bars; YOUNG
     * gains 2 % a day over only 100 bars; NONE has no bars.
     *
     * <pre>
     * part              weight  RISE    FLAT    FALL  YOUNG
     * momentum_12_1     0.40    100     50      0     0 (too few bars)
     * return_6m         0.25    100     50      0     0 (too few bars)
     * return_3m         0.15    66.67   33.33   0     100
     * close_vs_sma_200  0.20    100     50      0     0 (too few bars)
     * score                     95      47.5    0     15
     * </pre>
     */
    private static Universe trending() {
        return new Universe()
                .withCloses("RISE", TestCloses.compounding(300, 100, 0.01))
                .withCloses("FLAT", TestCloses.flat(300, 100))
                .withCloses("FALL", TestCloses.compounding(300, 100, -0.01))
                .withCloses("YOUNG", TestCloses.compounding(100, 100, 0.02))
                .listed("NONE", "No bars", "Utilities");
    }

    /**
     * Low volatility over 300 bars: FLAT stays at 100; CALM swings 100-101-100, WILD 100-110-100; CRASH halves
     * from 100 to 50 150 bars before the end and stays there; YOUNG swings 100-102-100 over only 100 bars.
     *
     * <pre>
     * part               weight  FLAT   CALM   WILD   CRASH  YOUNG
     * volatility_60d     0.30    87.5   50     0      87.5   25    (FLAT and CRASH tie at 0)
     * volatility_252d    0.40    100    66.67  0      33.33  0 (too few bars)
     * max_drawdown_252d  0.30    100    66.67  33.33  0      0 (too few bars)
     * score                      96.25  61.67  10     39.58  7.5
     * </pre>
     */
    private static Universe swinging() {
        return new Universe()
                .withCloses("FLAT", TestCloses.flat(300, 100))
                .withCloses("CALM", TestCloses.zigZag(300, 100, 101))
                .withCloses("WILD", TestCloses.zigZag(300, 100, 110))
                .withCloses("CRASH", TestCloses.step(150, 100, 150, 50))
                .withCloses("YOUNG", TestCloses.zigZag(100, 100, 102));
    }

    @Test
    void momentumRanksASteadyRiserAboveAFlatSeriesAndAFaller() {
        ScreenResult result = run(Screens.momentum(CLOCK), trending(), EVERYTHING);

        assertThat(symbols(result)).containsExactly("RISE", "FLAT", "YOUNG", "FALL");
        assertThat(scores(result)).containsExactly(95.0, 47.5, 15.0, 0.0);
    }

    @Test
    void momentumExplainsEveryPartOfTheScore() {
        ScreenResult result = run(Screens.momentum(CLOCK), trending(), EVERYTHING);

        Map<String, Part> rise = item(result, "RISE").parts();
        assertThat(rise).containsOnlyKeys("momentum_12_1", "return_6m", "return_3m", "close_vs_sma_200");
        assertPart(rise.get("momentum_12_1"), Math.pow(1.01, 231) - 1, 100, 0.40);
        assertPart(rise.get("return_6m"), Math.pow(1.01, 126) - 1, 100, 0.25);
        assertPart(rise.get("return_3m"), Math.pow(1.01, 63) - 1, 66.67, 0.15);
        assertThat(rise.get("close_vs_sma_200").value()).isPositive();
        assertPart(item(result, "FLAT").parts().get("close_vs_sma_200"), 0, 50, 0.20);
        assertThat(item(result, "FALL").parts().get("momentum_12_1").value()).isNegative();
    }

    @Test
    void momentumScoresAPartWithoutEnoughBarsZeroAndSaysWhy() {
        ScreenResult result = run(Screens.momentum(CLOCK), trending(), EVERYTHING);

        Map<String, Part> young = item(result, "YOUNG").parts();
        assertThat(young.get("momentum_12_1")).isEqualTo(Part.missing("needs 253 closed daily bars, has 100", 0.40));
        assertThat(young.get("return_6m")).isEqualTo(Part.missing("needs 127 closed daily bars, has 100", 0.25));
        assertThat(young.get("close_vs_sma_200"))
                .isEqualTo(Part.missing("needs 200 closed daily bars, has 100", 0.20));
        assertPart(young.get("return_3m"), Math.pow(1.02, 63) - 1, 100, 0.15);
    }

    @Test
    void skipsAndCountsSymbolsWithoutDailyBars() {
        ScreenResult result = run(Screens.momentum(CLOCK), trending(), EVERYTHING);

        assertThat(result.universeSize()).isEqualTo(5);
        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(symbols(result)).doesNotContain("NONE");
    }

    @Test
    void appliesTheDefaultMinimumScoreWhenOnlyTopNIsGiven() {
        ScreenResult result = run(Screens.momentum(CLOCK), trending(), Map.of("top_n", 10));

        assertThat(result.strategyId()).isEqualTo("momentum");
        assertThat(result.kind()).isEqualTo("screen");
        assertThat(result.params()).containsExactly(Map.entry("top_n", 10), Map.entry("min_score", 60.0));
        assertThat(symbols(result)).containsExactly("RISE");
    }

    @Test
    void lowVolatilityRanksSteadyStocksFirst() {
        ScreenResult result = run(Screens.lowVolatility(CLOCK), swinging(), EVERYTHING);

        assertThat(symbols(result)).containsExactly("FLAT", "CALM", "CRASH", "WILD", "YOUNG");
        assertThat(scores(result)).containsExactly(96.25, 61.67, 39.58, 10.0, 7.5);
    }

    @Test
    void lowVolatilityExplainsEveryPartOfTheScore() {
        ScreenResult result = run(Screens.lowVolatility(CLOCK), swinging(), EVERYTHING);

        Map<String, Part> crash = item(result, "CRASH").parts();
        assertThat(crash).containsOnlyKeys("volatility_60d", "volatility_252d", "max_drawdown_252d");
        assertPart(crash.get("volatility_60d"), 0, 87.5, 0.30);
        assertPart(crash.get("volatility_252d"), Math.log(2), 33.33, 0.40);
        assertPart(crash.get("max_drawdown_252d"), 0.5, 0, 0.30);
        assertPart(item(result, "CALM").parts().get("max_drawdown_252d"), 1 - 100.0 / 101, 66.67, 0.30);
        assertThat(item(result, "YOUNG").parts().get("volatility_252d"))
                .isEqualTo(Part.missing("needs 253 closed daily bars, has 100", 0.40));
    }

    @Test
    void scoresALoneSymbolWithEnoughBarsAsNeutral() {
        Universe alone = new Universe().withCloses("RISE", TestCloses.compounding(300, 100, 0.01));

        ScreenResult result = run(Screens.lowVolatility(CLOCK), alone, EVERYTHING);

        assertThat(scores(result)).containsExactly(50.0);
    }

    @Test
    void measuresAsOfTheLatestClosedBarWhateverTheFormingOneShows() {
        ScreenResult closedOnly = run(Screens.momentum(CLOCK), trending(), EVERYTHING);

        ScreenResult withForming = run(Screens.momentum(CLOCK), trending().forming("FALL", 10_000), EVERYTHING);

        assertThat(withForming.items()).isEqualTo(closedOnly.items());
    }

    @Test
    void showsAMissingPartWithANullValueAndItsReason() {
        ScreenResult result = run(Screens.momentum(CLOCK), trending(), EVERYTHING);

        JsonNode young = Json.mapper().valueToTree(item(result, "YOUNG").parts());
        assertThat(young.get("momentum_12_1").has("value")).isTrue();
        assertThat(young.get("momentum_12_1").get("value").isNull()).isTrue();
        assertThat(young.get("momentum_12_1").get("score").asDouble()).isZero();
        assertThat(young.get("momentum_12_1").get("reason").asString())
                .isEqualTo("needs 253 closed daily bars, has 100");
        assertThat(young.get("return_3m").has("reason")).isFalse();
    }

    private static ScreenResult run(Strategy screen, Universe universe, Map<String, Object> params) {
        return (ScreenResult) screen.plan(params).execute(universe.snapshot(), Progress.NONE);
    }

    private static void assertPart(Part part, double value, double score, double weight) {
        assertThat(part.value()).isCloseTo(value, within(CLOSE));
        assertThat(part.score()).isEqualTo(score);
        assertThat(part.weight()).isEqualTo(weight);
        assertThat(part.reason()).isNull();
    }
}
