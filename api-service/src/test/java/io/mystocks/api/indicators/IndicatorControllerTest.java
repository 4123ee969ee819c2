package io.mystocks.api.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.api.cache.ResponseCaches;
import io.mystocks.api.cache.TestCaches;
import io.mystocks.api.market.TestMarket;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.contracts.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@WebFluxTest(controllers = IndicatorController.class)
@Import({WebConfiguration.class, TestClockConfig.class, TestMarket.Config.class, TestCaches.class})
class IndicatorControllerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    /** Ten daily closes; the expected values below are worked out by hand from them. */
    private static final double[] CLOSES = {100, 102, 101, 105, 107, 106, 108, 110, 109, 111};

    @Autowired
    private WebTestClient client;

    @Autowired
    private TestMarket market;

    @Autowired
    private ResponseCaches caches;

    @BeforeEach
    void loadMarket() {
        market.instrument("600519", "贵州茅台");
        market.instrument("000001", "平安银行");
        market.bars(TestMarket.dailyBars("600519", DAY, CLOSES));
        market.markReady();
    }

    @Test
    void smaWithTimeperiodFiveIsTheMeanOfTheLastFiveCloses() {
        client.get().uri("/api/indicators/600519/SMA?timeperiod=5&limit=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.symbol").isEqualTo("600519")
                .jsonPath("$.data.interval").isEqualTo("1d")
                .jsonPath("$.data.name").isEqualTo("SMA")
                .jsonPath("$.data.key").isEqualTo("SMA_5")
                .jsonPath("$.data.parameters.timeperiod").isEqualTo(5)
                .jsonPath("$.data.outputs[0]").isEqualTo("value")
                .jsonPath("$.data.warmup_bars").isEqualTo(5)
                .jsonPath("$.data.bars_available").isEqualTo(10)
                .jsonPath("$.data.count").isEqualTo(3)
                // (105 + 107 + 106 + 108 + 110) / 5, (107 + 106 + 108 + 110 + 109) / 5, (106 + ... + 111) / 5
                .jsonPath("$.data.points[0].values.value").value(closeTo(107.2))
                .jsonPath("$.data.points[1].values.value").value(closeTo(108.0))
                .jsonPath("$.data.points[2].values.value").value(closeTo(108.8));
    }

    @Test
    void pointsAreOldestFirstAndReadyFromTheWarmUpOn() {
        client.get().uri("/api/indicators/600519/sma?timeperiod=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.count").isEqualTo(10)
                .jsonPath("$.data.points[0].date").isEqualTo("2026-12-01")
                .jsonPath("$.data.points[0].time").isEqualTo("2026-12-01T01:30:00Z")
                .jsonPath("$.data.points[0].ready").isEqualTo(false)
                .jsonPath("$.data.points[3].ready").isEqualTo(false)
                .jsonPath("$.data.points[3].values").isEmpty()
                .jsonPath("$.data.points[4].ready").isEqualTo(true)
                .jsonPath("$.data.points[4].date").isEqualTo("2026-12-05")
                // (100 + 102 + 101 + 105 + 107) / 5
                .jsonPath("$.data.points[4].values.value").value(closeTo(103.0))
                .jsonPath("$.data.points[9].date").isEqualTo("2026-12-10");
    }

    @Test
    void limitKeepsTheNewestPointsComputedOverEveryBar() {
        client.get().uri("/api/indicators/600519/SMA?timeperiod=10&limit=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.count").isEqualTo(1)
                .jsonPath("$.data.bars_available").isEqualTo(10)
                .jsonPath("$.data.points[0].date").isEqualTo("2026-12-10")
                .jsonPath("$.data.points[0].ready").isEqualTo(true)
                .jsonPath("$.data.points[0].values.value").value(closeTo(105.9));
    }

    @Test
    void aliasesResolveToTheCatalogueNameWithDefaults() {
        client.get().uri("/api/indicators/600519/MA").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("SMA")
                .jsonPath("$.data.key").isEqualTo("SMA_20")
                .jsonPath("$.data.warmup_bars").isEqualTo(20)
                .jsonPath("$.data.points[9].ready").isEqualTo(false);
        client.get().uri("/api/indicators/600519/BOLL?timeperiod=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("BBANDS")
                .jsonPath("$.data.key").isEqualTo("BBANDS_5_2_2")
                .jsonPath("$.data.parameters.nbdevup").isEqualTo(2.0)
                .jsonPath("$.data.outputs").isEqualTo(List.of("upper", "middle", "lower", "width"))
                .jsonPath("$.data.points[9].values.middle").value(closeTo(108.8));
        client.get().uri("/api/indicators/600519/kdj").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("KDJ")
                .jsonPath("$.data.key").isEqualTo("KDJ_9_3_3")
                .jsonPath("$.data.outputs").isEqualTo(List.of("k", "d", "j"))
                .jsonPath("$.data.points[7].ready").isEqualTo(false)
                .jsonPath("$.data.points[8].ready").isEqualTo(true)
                .jsonPath("$.data.points[8].values.j").isNumber();
    }

    @Test
    void parameterNamesIgnoreCaseAndDecimalsStayDecimal() {
        client.get().uri("/api/indicators/600519/SAR?Acceleration=0.05").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.key").isEqualTo("SAR_0.05_0.2")
                .jsonPath("$.data.parameters.acceleration").isEqualTo(0.05)
                .jsonPath("$.data.parameters.maximum").isEqualTo(0.2);
    }

    @Test
    void unknownIndicatorIs400ListingTheValidNames() {
        client.get().uri("/api/indicators/600519/FOO").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.code").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("indicator")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_INDICATOR")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("unknown indicator 'FOO'")
                        .contains("SMA (MA)", "BBANDS (BOLL)", "WILLR (WR)", "KDJ"));
    }

    @Test
    void unknownParameterIs400NamingItAndTheValidOnes() {
        client.get().uri("/api/indicators/600519/SMA?fastperiod=3").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("fastperiod")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_PARAMETER")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("timeperiod (int, 1..1000"));
    }

    @Test
    void valuesOutOfRangeOrNotNumbersAre400WithTheField() {
        client.get().uri("/api/indicators/600519/SMA?timeperiod=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("timeperiod")
                .jsonPath("$.errors[0].code").isEqualTo("OUT_OF_RANGE");
        client.get().uri("/api/indicators/600519/RSI?timeperiod=fourteen").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("timeperiod")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_VALUE");
        client.get().uri("/api/indicators/600519/MACD?fastperiod=30").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("fastperiod")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("must be below slowperiod"));
    }

    @Test
    void aParameterGivenTwiceIs400() {
        client.get().uri("/api/indicators/600519/SMA?timeperiod=5&TIMEPERIOD=6").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("TIMEPERIOD")
                .jsonPath("$.errors[0].code").isEqualTo("DUPLICATE");
    }

    @Test
    void intervalLimitAndIndicatorProblemsAreReportedTogether() {
        client.get().uri("/api/indicators/600519/SMA?interval=2h&limit=1001&timeperiod=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("interval")
                .jsonPath("$.errors[1].field").isEqualTo("limit")
                .jsonPath("$.errors[1].message").value(m -> assertThat((String) m).contains("1 to 1000"))
                .jsonPath("$.errors[2].field").isEqualTo("timeperiod");
    }

    @Test
    void intervalAliasesReadAsKlinesReadThem() {
        client.get().uri("/api/indicators/600519/RSI?interval=weekly").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.interval").isEqualTo("1w")
                .jsonPath("$.data.count").isEqualTo(0);
        client.get().uri("/api/indicators/600519/RSI?period=daily").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.interval").isEqualTo("1d");
    }

    @Test
    void knownSymbolWithoutBarsAnswersAnEmptySeries() {
        client.get().uri("/api/indicators/000001/EMA").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.bars_available").isEqualTo(0)
                .jsonPath("$.data.points").isEmpty();
    }

    @Test
    void unknownSymbolIs404AndAMalformedOne400() {
        client.get().uri("/api/indicators/999999/SMA").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo(404)
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("unknown symbol 999999"));
        client.get().uri("/api/indicators/60-0519!/SMA").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_SYMBOL");
    }

    @Test
    void allIsItsOwnRouteNotAnIndicatorNamedAll() {
        client.get().uri("/api/indicators/600519/all").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.source").isEqualTo("bars")
                .jsonPath("$.data.points").doesNotExist();
        client.get().uri("/api/indicators/600519/ALL").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_INDICATOR");
    }

    @Test
    void allAnswersThePublishedSnapshotWithItsBar() {
        Instant open = Instant.parse("2026-12-03T01:30:00Z");
        market.instrument("000858", "五粮液");
        market.snapshot(new IndicatorSnapshot("000858", Interval.D1, open, false, Map.of(
                "RSI_14", IndicatorValue.of(Map.of("value", 55.5), 15, 300),
                "SMA_5", IndicatorValue.of(Map.of("value", 140.25), 5, 300),
                "MACD_12_26_9", IndicatorValue.of(Map.of(), 34, 20)), Instant.parse("2026-12-03T02:00:01Z")));

        client.get().uri("/api/indicators/000858/all?interval=1d").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.source").isEqualTo("snapshot")
                .jsonPath("$.data.bar_open_time").isEqualTo("2026-12-03T01:30:00Z")
                .jsonPath("$.data.bar_closed").isEqualTo(false)
                .jsonPath("$.data.computed_at").isEqualTo("2026-12-03T02:00:01Z")
                .jsonPath("$.data.count").isEqualTo(3)
                .jsonPath("$.data.indicators.SMA_5.values.value").isEqualTo(140.25)
                .jsonPath("$.data.indicators.SMA_5.ready").isEqualTo(true)
                .jsonPath("$.data.indicators.RSI_14.warmup_bars").isEqualTo(15)
                .jsonPath("$.data.indicators.MACD_12_26_9.ready").isEqualTo(false)
                .jsonPath("$.data.indicators.MACD_12_26_9.bars_available").isEqualTo(20)
                .jsonPath("$.data.indicators.MACD_12_26_9.values").isEmpty();
    }

    @Test
    void allWithoutASnapshotComputesTheStandardSetFromTheBars() {
        client.get().uri("/api/indicators/600519/all").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.source").isEqualTo("bars")
                .jsonPath("$.data.interval").isEqualTo("1d")
                .jsonPath("$.data.bar_open_time").isEqualTo("2026-12-10T01:30:00Z")
                .jsonPath("$.data.bar_closed").isEqualTo(true)
                .jsonPath("$.data.computed_at").isEqualTo(TestClockConfig.START.toString())
                .jsonPath("$.data.count").isEqualTo(27)
                .jsonPath("$.data.indicators.SMA_5.values.value").value(closeTo(108.8))
                .jsonPath("$.data.indicators.SMA_5.ready").isEqualTo(true)
                .jsonPath("$.data.indicators.SMA_5.bars_available").isEqualTo(10)
                .jsonPath("$.data.indicators.SMA_60.ready").isEqualTo(false)
                .jsonPath("$.data.indicators.SMA_60.warmup_bars").isEqualTo(60)
                .jsonPath("$.data.indicators.MACD_12_26_9.values").isEmpty();
    }

    @Test
    void allOfAnUnknownSymbolIs404AndOfAKnownOneWithoutBarsIsEmpty() {
        client.get().uri("/api/indicators/999999/all").exchange().expectStatus().isNotFound();
        client.get().uri("/api/indicators/000001/all?interval=1w").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.source").isEqualTo("none")
                .jsonPath("$.data.count").isEqualTo(0);
    }

    @Test
    void aNewBarIsANewCacheEntry() {
        market.instrument("601318", "中国平安");
        List<Bar> bars = TestMarket.dailyBars("601318", DAY, 50, 52, 54);
        market.bars(bars.subList(0, 2));
        String uri = "/api/indicators/601318/SMA?timeperiod=2&limit=1";
        client.get().uri(uri).exchange()
                .expectBody().jsonPath("$.data.points[0].values.value").isEqualTo(51.0);

        market.bars(bars.subList(2, 3));

        client.get().uri(uri).exchange()
                .expectBody().jsonPath("$.data.points[0].values.value").isEqualTo(53.0);
    }

    @Test
    void aSeriesReadBackFromTheSharedLevelIsTheOneComputed() {
        JsonNode series = TestCaches.assertSharedLevelReadsBack(client, caches, IndicatorController.CACHE,
                "/api/indicators/600519/MACD?fastperiod=2&slowperiod=4&signalperiod=2&limit=5");

        assertThat(series.at("/parameters/fastperiod").isIntegralNumber()).isTrue();
        assertThat(series.at("/points/4/values/histogram").isNumber()).isTrue();
    }

    private static Consumer<Object> closeTo(double expected) {
        return value -> assertThat((Double) value).isCloseTo(expected, within(1e-9));
    }
}
