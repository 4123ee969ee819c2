package io.mystocks.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndicatorCatalogueTest {
    private final IndicatorCatalogue catalogue = IndicatorCatalogue.standard();

    @Test
    void theCatalogueHoldsEveryIndicatorTheClientsName() {
        List<String> names = catalogue.definitions().stream().map(IndicatorDefinition::name).toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates().contains("SMA", "EMA", "WMA", "MACD",
                "RSI", "STOCH", "KDJ", "BBANDS", "ATR", "NATR", "TRANGE", "ADX", "PLUS_DI", "MINUS_DI", "CCI", "WILLR",
                "ROC", "MOM", "MFI", "OBV", "AD", "ADOSC", "SAR", "VWAP", "ICHIMOKU", "STOCHRSI", "AO", "ULTOSC",
                "KELTNER", "HMA", "VWMA", "VOLUME_MA", "STDDEV");
    }

    @Test
    void namesAndChineseAliasesAreFoundInAnyCase() {
        assertThat(catalogue.find("ma")).map(IndicatorDefinition::name).hasValue("SMA");
        assertThat(catalogue.find("Boll")).map(IndicatorDefinition::name).hasValue("BBANDS");
        assertThat(catalogue.find("kdj")).map(IndicatorDefinition::name).hasValue("KDJ");
        assertThat(catalogue.find("KC")).map(IndicatorDefinition::name).hasValue("KELTNER");
        assertThat(catalogue.find("vma")).map(IndicatorDefinition::name).hasValue("VOLUME_MA");
        assertThat(catalogue.find(" macd ")).map(IndicatorDefinition::name).hasValue("MACD");
        assertThat(catalogue.find("nothing")).isEmpty();
    }

    @Test
    void everyDefinitionDescribesItselfAndItsDefaultsResolve() {
        for (IndicatorDefinition definition : catalogue.definitions()) {
            IndicatorInstance defaults = definition.defaults();

            assertThat(definition.description()).as(definition.name()).isNotBlank();
            assertThat(definition.outputs()).as(definition.name()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(definition.warmup()).as(definition.name()).isNotBlank();
            assertThat(defaults.warmupBars()).as(definition.name()).isPositive();
            assertThat(defaults.parameters().keySet()).as(definition.name())
                    .containsExactlyElementsOf(definition.parameters().stream().map(IndicatorParameter::name).toList());
        }
    }

    @Test
    void aRequestTakesDefaultsForWhatItLeavesOutAndNamesTheInstanceByItsValues() {
        IndicatorInstance macd = catalogue.resolve("MACD", Map.of("SIGNALPERIOD", "5"));
        IndicatorInstance sar = catalogue.resolve("psar", Map.of());

        assertThat(macd.parameters()).containsExactly(Map.entry("fastperiod", 12), Map.entry("slowperiod", 26),
                Map.entry("signalperiod", 5));
        assertThat(macd.key()).isEqualTo("MACD_12_26_5");
        assertThat(macd.warmupBars()).isEqualTo(30);
        assertThat(macd.outputs()).containsExactly("macd", "signal", "histogram");
        assertThat(sar.key()).isEqualTo("SAR_0.02_0.2");
        assertThat(catalogue.resolve("obv", Map.of()).key()).isEqualTo("OBV");
    }

    @Test
    void anUnknownIndicatorIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> catalogue.resolve("SUPERTREND", Map.of()))
                .isInstanceOfSatisfying(IndicatorRequestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IndicatorRequestException.Reason.UNKNOWN_INDICATOR);
                    assertThat(e.field()).isEqualTo("indicator");
                    assertThat(e.getMessage()).contains("'SUPERTREND'", "SMA (MA)", "BBANDS (BOLL)", "KDJ");
                });
    }

    @Test
    void anUnknownParameterIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> catalogue.resolve("boll", Map.of("period", "20")))
                .isInstanceOfSatisfying(IndicatorRequestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IndicatorRequestException.Reason.UNKNOWN_PARAMETER);
                    assertThat(e.field()).isEqualTo("period");
                    assertThat(e.getMessage()).contains("timeperiod (int, 2..1000, default 20)", "nbdevup", "nbdevdn");
                });
    }

    @Test
    void aValueOutOfRangeIsRefusedWithTheBounds() {
        assertThatThrownBy(() -> catalogue.resolve("RSI", Map.of("timeperiod", "5000")))
                .isInstanceOfSatisfying(IndicatorRequestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IndicatorRequestException.Reason.OUT_OF_RANGE);
                    assertThat(e.field()).isEqualTo("timeperiod");
                    assertThat(e.getMessage()).contains("between 2..1000", "5000");
                });
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> catalogue.resolve("SMA", Map.of("timeperiod", "20.5")))
                .isInstanceOfSatisfying(IndicatorRequestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IndicatorRequestException.Reason.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("whole number", "'20.5'");
                });
        assertThatThrownBy(() -> catalogue.resolve("SAR", Map.of("maximum", "lots")))
                .isInstanceOfSatisfying(IndicatorRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(IndicatorRequestException.Reason.INVALID_VALUE));
        assertThatThrownBy(() -> catalogue.resolve("SAR", Map.of("maximum", "NaN")))
                .isInstanceOf(IndicatorRequestException.class);
    }

    @Test
    void parametersThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> catalogue.resolve("MACD", Map.of("fastperiod", "30")))
                .isInstanceOfSatisfying(IndicatorRequestException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IndicatorRequestException.Reason.OUT_OF_RANGE);
                    assertThat(e.field()).isEqualTo("fastperiod");
                    assertThat(e.getMessage()).contains("fastperiod (30) must be below slowperiod (26)");
                });
        assertThatThrownBy(() -> catalogue.resolve("SAR", Map.of("acceleration", "0.5", "maximum", "0.2")))
                .isInstanceOf(IndicatorRequestException.class).hasMessageContaining("must not exceed maximum");
    }

    @Test
    void theStandardSetHasTheSnapshotKeysStreamsPublish() {
        IndicatorSet standard = IndicatorSet.standard();

        Set<String> keys = new HashSet<>(standard.instances().stream().map(IndicatorInstance::key).toList());

        assertThat(keys).contains("SMA_5", "SMA_10", "SMA_20", "SMA_30", "SMA_60", "EMA_12", "EMA_20", "EMA_26",
                "MACD_12_26_9", "RSI_6", "RSI_12", "RSI_14", "RSI_24", "KDJ_9_3_3", "BBANDS_20_2_2", "ATR_14",
                "ADX_14", "CCI_14", "WILLR_14", "ROC_10", "MOM_10", "OBV", "VWAP_14", "SAR_0.02_0.2", "MFI_14",
                "VOLUME_MA_5", "VOLUME_MA_10");
        assertThat(standard.maxWarmupBars()).isEqualTo(60);
    }

    @Test
    void aSetRefusesTheSameInstanceTwiceAndMalformedSpecs() {
        assertThatThrownBy(() -> IndicatorSet.parse(List.of("MA:timeperiod=20", "SMA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMA_20");
        assertThatThrownBy(() -> IndicatorSet.parse(List.of("MA:timeperiod")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("param=value");
    }
}
