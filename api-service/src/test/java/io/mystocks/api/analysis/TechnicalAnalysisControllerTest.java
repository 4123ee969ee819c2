package io.mystocks.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.cache.ResponseCaches;
import io.mystocks.api.cache.TestCaches;
import io.mystocks.api.market.TestMarket;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@WebFluxTest(controllers = TechnicalAnalysisController.class)
@Import({WebConfiguration.class, TestClockConfig.class, TestMarket.Config.class, TestCaches.class})
class TechnicalAnalysisControllerTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

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
        market.bars(TestMarket.dailyBars("600519", FIRST, IntStream.range(0, 250)
                .mapToDouble(i -> Math.round((100 + 0.5 * i + 0.002 * i * i) * 100) / 100.0).toArray()));
        market.bars(TestMarket.dailyBars("000001", FIRST, 10, 10.5, 10.2, 10.4, 10.8));
        market.markReady();
    }

    @Test
    void aRisingSeriesIsRatedWithEveryVoteAndTheSectionsShown() {
        client.get().uri("/api/technical-analysis/600519").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.symbol").isEqualTo("600519")
                .jsonPath("$.data.interval").isEqualTo("1d")
                .jsonPath("$.data.bars_available").isEqualTo(250)
                .jsonPath("$.data.bar_closed").isEqualTo(true)
                // 100 + 0.5 x 249 + 0.002 x 249 x 249, rounded to cents
                .jsonPath("$.data.price").isEqualTo(348.5)
                .jsonPath("$.data.computed_at").isEqualTo(TestClockConfig.START.toString())
                .jsonPath("$.data.summary.rating").value(r -> assertThat((Double) r).isGreaterThan(0.0))
                .jsonPath("$.data.summary.thresholds").isEqualTo(Rating.THRESHOLDS)
                .jsonPath("$.data.summary.bars_needed").isEqualTo(12)
                .jsonPath("$.data.moving_averages.rating").isEqualTo(1.0)
                .jsonPath("$.data.moving_averages.signal").isEqualTo("Strong Buy")
                .jsonPath("$.data.moving_averages.buy").isEqualTo(15)
                .jsonPath("$.data.moving_averages.votes[1].indicator").isEqualTo("SMA(10)")
                .jsonPath("$.data.moving_averages.votes[1].inputs[0]").isEqualTo("SMA_10")
                .jsonPath("$.data.moving_averages.votes[1].values.value").isNumber()
                .jsonPath("$.data.moving_averages.votes[1].vote").isEqualTo(1)
                .jsonPath("$.data.moving_averages.votes[1].signal").isEqualTo("buy")
                .jsonPath("$.data.moving_averages.votes[1].reason").isEqualTo("below the price")
                .jsonPath("$.data.oscillators.votes.length()").isEqualTo(11)
                .jsonPath("$.data.oscillators.votes[0].indicator").isEqualTo("RSI(14)")
                .jsonPath("$.data.trend[0].key").isEqualTo("SMA_20")
                .jsonPath("$.data.trend[0].ready").isEqualTo(true)
                .jsonPath("$.data.momentum[0].key").isEqualTo("RSI_14")
                .jsonPath("$.data.volatility[0].key").isEqualTo("BBANDS_20_2_2")
                .jsonPath("$.data.volatility[0].values.upper").isNumber()
                .jsonPath("$.data.volume[0].key").isEqualTo("OBV");
    }

    @Test
    void tooFewBarsIs200WithInsufficientDataAndTheBarsNeeded() {
        client.get().uri("/api/technical-analysis/000001?interval=daily").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.bars_available").isEqualTo(5)
                .jsonPath("$.data.summary.rating").isEmpty()
                .jsonPath("$.data.summary.signal").isEqualTo("insufficient data")
                .jsonPath("$.data.summary.bars_needed").isEqualTo(12)
                .jsonPath("$.data.moving_averages.not_voting").isEqualTo(15)
                .jsonPath("$.data.moving_averages.votes[0].vote").isEmpty()
                .jsonPath("$.data.moving_averages.votes[0].reason")
                .isEqualTo("warming up: needs 10 bars, has 5; does not vote");
    }

    @Test
    void aKnownSymbolWithoutBarsIsInsufficientData() {
        client.get().uri("/api/technical-analysis/000001?interval=1w").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.interval").isEqualTo("1w")
                .jsonPath("$.data.bars_available").isEqualTo(0)
                .jsonPath("$.data.price").isEmpty()
                .jsonPath("$.data.summary.signal").isEqualTo("insufficient data");
    }

    @Test
    void unknownSymbolIs404AndBadRequestsAre400() {
        client.get().uri("/api/technical-analysis/999999").exchange().expectStatus().isNotFound();
        client.get().uri("/api/technical-analysis/bad!").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_SYMBOL");
        client.get().uri("/api/technical-analysis/600519?interval=2h").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("interval");
    }

    @Test
    void anAnalysisReadBackFromTheSharedLevelIsTheOneComputed() {
        JsonNode rated = TestCaches.assertSharedLevelReadsBack(client, caches, TechnicalAnalysisController.CACHE,
                "/api/technical-analysis/600519");
        JsonNode unrated = TestCaches.assertSharedLevelReadsBack(client, caches, TechnicalAnalysisController.CACHE,
                "/api/technical-analysis/000001");

        assertThat(rated.at("/moving_averages/votes/0/vote").asInt()).isEqualTo(1);
        assertThat(rated.at("/oscillators/votes/0/inputs/0").asString()).isEqualTo("RSI_14");
        assertThat(unrated.at("/summary/rating").isNull()).isTrue();
        assertThat(unrated.at("/moving_averages/votes/0/vote").isNull()).isTrue();
    }
}
