package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Json;
import java.math.BigDecimal;
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

    private ExecuteRequest parse(String json) {
        JsonNode body = Json.mapper().readTree(json);
        return ExecuteRequest.parse(body, catalog);
    }
}
