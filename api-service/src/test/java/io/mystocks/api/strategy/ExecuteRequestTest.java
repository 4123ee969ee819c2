package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExecuteRequestTest {
    private final StrategyCatalog catalog = StrategyCatalog.standard();

    @Test
    void acceptsBoundsAndWholeNumbersWrittenAsDecimals() {
        ExecuteRequest request = parse("{\"strategy_id\": \"balanced\", \"params\": {\"top_n\": 500.0, "
                + "\"min_score\": 0}}");

        assertThat(request.strategy().id()).isEqualTo("balanced");
        assertThat(request.params()).containsEntry("top_n", 500);
        assertThat((BigDecimal) request.params().get("min_score")).isEqualByComparingTo("0");
    }

    @Test
    void keepsFractionalScoresExactly() {
        ExecuteRequest request = parse("{\"strategy_id\": \"value\", \"params\": {\"min_score\": 72.5}}");

        assertThat((BigDecimal) request.params().get("min_score")).isEqualByComparingTo("72.5");
        assertThat(request.params()).containsEntry("top_n", 20);
    }

    @Test
    void rejectsFractionalCountsBooleansAndNulls() {
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"value\", \"params\": {\"top_n\": 2.5, "
                + "\"min_score\": true}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("INVALID_TYPE", "INVALID_TYPE"));
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"value\", \"params\": {\"top_n\": null}}"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void hugeNumbersAreOutOfRangeNotFailures() {
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"value\", \"params\": {\"top_n\": "
                + "123456789012345678901234567890, \"min_score\": 1e400}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("OUT_OF_RANGE", "OUT_OF_RANGE"));
    }

    @Test
    void requiresAStrategyIdString() {
        assertThatThrownBy(() -> parse("{\"params\": {}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("REQUIRED"));
        assertThatThrownBy(() -> parse("{\"strategy_id\": 7}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("UNKNOWN_STRATEGY"));
    }

    @Test
    void rejectsParamsThatAreNotAnObject() {
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"value\", \"params\": [20, 60]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("params"));
    }

    @Test
    void fastMustBeBelowSlowAndOversoldBelowOverbought() {
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"macd_cross\", \"params\": {\"fast\": 30}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::code)
                        .containsExactly(tuple("params.fast", "INVALID_RANGE")));
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"rsi_reversion\", \"params\": {\"oversold\": 70}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("params.oversold"));
    }

    @Test
    void startDateAfterEndDateIsRejected() {
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"kdj_cross\", \"params\": {\"start_date\": "
                + "\"2024-06-01\", \"end_date\": \"2024-01-01\"}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("INVALID_RANGE"));
    }

    @Test
    void symbolListsAreBoundedAfterDuplicatesCollapse() {
        String twentyOne = String.join(",", IntStream.range(0, 21)
                .mapToObj(i -> String.format("%06d", i)).toList());

        ExecuteRequest collapsed = parse("{\"strategy_id\": \"ema_cross\", \"params\": {\"symbols\": "
                + "[\"600519\", \"600519\", \"aapl\"]}}");

        assertThat(collapsed.params()).containsEntry("symbols", List.of("600519", "AAPL"));
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"ema_cross\", \"params\": {\"symbols\": \""
                + twentyOne + "\"}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("OUT_OF_RANGE"));
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"ema_cross\", \"params\": {\"symbols\": []}}"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"ema_cross\", \"params\": {\"symbols\": [1]}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::code).containsExactly("INVALID_TYPE"));
    }

    @Test
    void optionalParametersMayBeSetOrSentAsNull() {
        ExecuteRequest set = parse("{\"strategy_id\": \"kdj_cross\", \"params\": {\"j_buy\": -5.5, "
                + "\"stamp_tax\": 0}}");
        ExecuteRequest unset = parse("{\"strategy_id\": \"kdj_cross\", \"params\": {\"j_buy\": null}}");

        assertThat((BigDecimal) set.params().get("j_buy")).isEqualByComparingTo("-5.5");
        assertThat((BigDecimal) set.params().get("stamp_tax")).isEqualByComparingTo("0");
        assertThat(unset.params()).doesNotContainKeys("j_buy", "j_sell", "stamp_tax", "start_date");
        assertThat(new ArrayList<>(set.params().keySet()).indexOf("j_buy")).isEqualTo(3);
    }

    @Test
    void choicesAcceptOnlyTheirValues() {
        ExecuteRequest monthly = parse("{\"strategy_id\": \"bollinger_reversion\", \"params\": "
                + "{\"interval\": \"Monthly\", \"exit_band\": \"upper\"}}");

        assertThat(monthly.params()).containsEntry("interval", "1M").containsEntry("exit_band", "upper");
        assertThatThrownBy(() -> parse("{\"strategy_id\": \"bollinger_reversion\", \"params\": "
                + "{\"exit_band\": \"lower\"}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("one of middle, upper"));
    }

    private ExecuteRequest parse(String json) {
        JsonNode body = Json.mapper().readTree(json);
        return ExecuteRequest.parse(body, catalog);
    }
}
