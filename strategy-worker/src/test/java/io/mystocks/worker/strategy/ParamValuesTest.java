package io.mystocks.worker.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamValuesTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("period", 14, 2, 100, "bars"),
            ParamSpec.number("rate", "0.0003", "0", "0.01", "a rate"),
            ParamSpec.number("optional", null, "0", "1", "not set by default"),
            ParamSpec.choice("side", "long", List.of("long", "short"), "which side"),
            ParamSpec.date("from", "first day"),
            ParamSpec.symbols("symbols", List.of("600519"), 1, 3, "what to trade"));

    @Test
    void appliesTheDefaults() {
        ParamValues values = ParamValues.bind("s", SPECS, Map.of());

        assertThat(values.integer("period")).isEqualTo(14);
        assertThat(values.decimal("rate")).isEqualByComparingTo("0.0003");
        assertThat(values.decimal("optional")).isNull();
        assertThat(values.date("from")).isNull();
        assertThat(values.list("symbols")).containsExactly("600519");
        assertThat(values.applied()).containsOnlyKeys("period", "rate", "side", "symbols");
    }

    @Test
    void readsNumbersDatesAndSymbolsInTheFormsClientsSend() {
        ParamValues values = ParamValues.bind("s", SPECS, Map.of("period", "20", "rate", new BigDecimal("0.00050"),
                "from", " 2024-01-31 ", "symbols", "600519, aapl"));

        assertThat(values.integer("period")).isEqualTo(20);
        assertThat(values.date("from")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(values.list("symbols")).containsExactly("600519", "AAPL");
        assertThat(values.applied()).containsEntry("rate", new BigDecimal("0.0005"))
                .containsEntry("from", "2024-01-31");
    }

    @Test
    void rejectsAWholeNumberWithAFraction() {
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("period", 2.5)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("period must be a whole number from 2 to 100; got 2.5");
    }

    @Test
    void rejectsANumberOutOfRange() {
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("rate", "0.5")))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("rate must be a number from 0 to 0.01; got \"0.5\"");
    }

    @Test
    void rejectsAValueNotAllowed() {
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("side", "both")))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("side must be one of long, short; got \"both\"");
    }

    @Test
    void rejectsADateThatIsNotIso() {
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("from", "31/01/2024")))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("from must be an ISO date such as 2024-01-31; got \"31/01/2024\"");
    }

    @Test
    void rejectsAMalformedOrRepeatedSymbol() {
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("symbols", List.of("600519", "60051"))))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("symbols[1] \"60051\" is not a symbol: use six digits (600519) or an upper-case"
                        + " ticker (AAPL)");
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("symbols", List.of("AAPL", "aapl"))))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("symbols lists AAPL twice");
    }

    @Test
    void rejectsAnEmptySymbolList() {
        assertThatThrownBy(() -> ParamValues.bind("s", SPECS, Map.of("symbols", List.of())))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessage("symbols must list 1 to 3 symbols; got 0");
    }
}
