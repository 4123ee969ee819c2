package io.mystocks.worker.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.worker.strategy.InvalidParamsException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScreenParamsTest {

    @Test
    void defaultsToTheTopTwentyScoringAtLeastSixty() {
        ScreenParams params = ScreenParams.parse("value", Map.of());

        assertThat(params).isEqualTo(new ScreenParams(20, 60));
    }

    @Test
    void acceptsNumbersInAnyJsonForm() {
        ScreenParams params = ScreenParams.parse("value",
                Map.of("top_n", new BigDecimal("5.0"), "min_score", new BigDecimal("72.5")));

        assertThat(params).isEqualTo(new ScreenParams(5, 72.5));
    }

    @Test
    void acceptsNumericStrings() {
        ScreenParams params = ScreenParams.parse("value", Map.of("top_n", " 7 ", "min_score", "0"));

        assertThat(params).isEqualTo(new ScreenParams(7, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "2.5", "many"})
    void rejectsATopNThatIsNotAWholeNumberInRange(String topN) {
        Map<String, Object> params = Map.of("top_n", topN);

        assertThatThrownBy(() -> ScreenParams.parse("value", params))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("top_n must be a whole number from 1 to 500; got \"" + topN + "\"");
    }

    @Test
    void rejectsAMinScoreOutOfRange() {
        Map<String, Object> params = Map.of("min_score", 101);

        assertThatThrownBy(() -> ScreenParams.parse("growth", params))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("min_score must be a number from 0 to 100; got 101");
    }

    @Test
    void rejectsAValueThatIsNotANumber() {
        Map<String, Object> params = Map.of("min_score", true);

        assertThatThrownBy(() -> ScreenParams.parse("growth", params))
                .hasMessage("min_score must be a number from 0 to 100; got true");
    }

    @Test
    void rejectsAnUnknownParameterNamingTheKnownOnes() {
        Map<String, Object> params = Map.of("topn", 5);

        assertThatThrownBy(() -> ScreenParams.parse("balanced", params))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("unknown parameter \"topn\" for strategy balanced; it accepts top_n and min_score");
    }
}
