package io.mystocks.worker.screen;

import static io.mystocks.worker.screen.ScreenResults.item;
import static io.mystocks.worker.screen.ScreenResults.scores;
import static io.mystocks.worker.screen.ScreenResults.symbols;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.Progress;
import io.mystocks.worker.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreensTest {
    private static final Instant NOW = Instant.parse("2026-10-01T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Map<String, Object> EVERYTHING = Map.of("top_n", 10, "min_score", 0);

    @Test
    void valueRanksCheapProfitableCompaniesFirst() {
        ScreenResult result = run(Screens.value(CLOCK), EVERYTHING);

        assertThat(symbols(result)).containsExactly("AAAA", "BBBB", "DDDD", "CCCC");
        assertThat(scores(result)).containsExactly(91.67, 53.33, 25.0, 15.0);
    }

    @Test
    void valueExplainsEveryPartOfTheScore() {
        ScreenResult result = run(Screens.value(CLOCK), EVERYTHING);

        ScreenResult.Item alpha = result.items().getFirst();
        assertThat(alpha.parts()).containsExactly(
                Map.entry("pe", new Part(10, 100, 0.30)),
                Map.entry("pb", new Part(1.0, 66.67, 0.25)),
                Map.entry("dividend_yield", new Part(0.04, 100, 0.20)),
                Map.entry("roe", new Part(0.20, 100, 0.25)));
    }

    @Test
    void valueGivesALossMakerNothingForItsEarningsRatio() {
        ScreenResult result = run(Screens.value(CLOCK), EVERYTHING);

        ScreenResult.Item delta = item(result, "DDDD");
        assertThat(delta.parts().get("pe")).isEqualTo(new Part(-5, 0, 0.30));
        assertThat(delta.parts().get("pb").score()).isEqualTo(100);
    }

    @Test
    void growthRanksFastGrowersFirst() {
        ScreenResult result = run(Screens.growth(CLOCK), EVERYTHING);

        assertThat(symbols(result)).containsExactly("BBBB", "CCCC", "AAAA", "DDDD");
        assertThat(scores(result)).containsExactly(91.67, 58.33, 50.0, 0.0);
    }

    @Test
    void balancedBlendsValueGrowthAndSize() {
        ScreenResult result = run(Screens.balanced(CLOCK), EVERYTHING);

        assertThat(symbols(result)).containsExactly("BBBB", "AAAA", "CCCC", "DDDD");
        assertThat(scores(result)).containsExactly(78.0, 70.0, 36.0, 10.0);
        assertThat(item(result, "AAAA").parts()).containsExactly(
                Map.entry("value", new Part(91.67, 91.67, 0.40)),
                Map.entry("growth", new Part(50.0, 50.0, 0.40)),
                Map.entry("market_cap", new Part(50e9, 66.67, 0.20)));
    }

    @Test
    void skipsAndCountsSymbolsWithoutFundamentals() {
        ScreenResult result = run(Screens.value(CLOCK), EVERYTHING);

        assertThat(result.universeSize()).isEqualTo(5);
        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(symbols(result)).doesNotContain("EEEE");
    }

    @Test
    void keepsOnlyScoresOfAtLeastTheMinimum() {
        ScreenResult result = run(Screens.value(CLOCK), Map.of("min_score", 53.33));

        assertThat(symbols(result)).containsExactly("AAAA", "BBBB");
        assertThat(result.matched()).isEqualTo(2);
    }

    @Test
    void cutsTheMatchesToTopNAndCountsThemAll() {
        ScreenResult result = run(Screens.value(CLOCK), Map.of("top_n", 2, "min_score", 0));

        assertThat(symbols(result)).containsExactly("AAAA", "BBBB");
        assertThat(result.items()).extracting(ScreenResult.Item::rank).containsExactly(1, 2);
        assertThat(result.matched()).isEqualTo(4);
    }

    @Test
    void appliesTheDefaultsWhenNoParametersAreGiven() {
        ScreenResult result = run(Screens.value(CLOCK), Map.of());

        assertThat(result.params()).containsExactly(Map.entry("top_n", 20), Map.entry("min_score", 60.0));
        assertThat(symbols(result)).containsExactly("AAAA");
    }

    @Test
    void describesTheRunAndItsMatches() {
        ScreenResult result = run(Screens.value(CLOCK), EVERYTHING);

        assertThat(result.strategyId()).isEqualTo("value");
        assertThat(result.kind()).isEqualTo("screen");
        assertThat(result.asOf()).isEqualTo(NOW);
        ScreenResult.Item alpha = result.items().getFirst();
        assertThat(alpha.name()).isEqualTo("Alpha");
        assertThat(alpha.sector()).isEqualTo("Consumer");
        assertThat(alpha.price()).isEqualByComparingTo(new BigDecimal("123.45"));
        assertThat(item(result, "BBBB").price()).isNull();
    }

    @Test
    void breaksTiesBySymbol() {
        Universe twins = new Universe()
                .with("ZZZZ", "Zed", "Energy", 15, 1.5, 0.1, 0.1, 0.1, 0.02, 1e9)
                .with("YYYY", "Why", "Energy", 15, 1.5, 0.1, 0.1, 0.1, 0.02, 1e9);

        ScreenResult result = (ScreenResult) Screens.growth(CLOCK).plan(EVERYTHING)
                .execute(twins.snapshot(), Progress.NONE);

        assertThat(symbols(result)).containsExactly("YYYY", "ZZZZ");
        assertThat(scores(result)).containsExactly(50.0, 50.0);
    }

    @Test
    void reportsProgressUpToTheEnd() {
        List<Double> reported = new ArrayList<>();

        Screens.value(CLOCK).plan(EVERYTHING).execute(Universe.handMade().snapshot(),
                (fraction, what) -> reported.add(fraction));

        assertThat(reported).isSorted().isNotEmpty();
        assertThat(reported.getLast()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void rejectsBadParametersBeforeRunning() {
        Strategy value = Screens.value(CLOCK);

        assertThatThrownBy(() -> value.plan(Map.of("top_n", 0)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("top_n must be a whole number from 1 to 500; got 0");
    }

    private static ScreenResult run(Strategy screen, Map<String, Object> params) {
        return (ScreenResult) screen.plan(params).execute(Universe.handMade().snapshot(), Progress.NONE);
    }
}
