package io.mystocks.api.market;

import static io.mystocks.api.market.MarketFixtures.dailyBar;
import static io.mystocks.api.market.MarketStoreTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.cache.TestCaches;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = MarketController.class)
@Import({WebConfiguration.class, TestClockConfig.class, TestCaches.class, MarketControllerTest.Config.class})
class MarketControllerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Autowired
    private WebTestClient client;

    @Autowired
    private MarketStore store;

    @BeforeEach
    void loadMarket() {
        store.apply(Topics.INSTRUMENTS.name(), "600519", json(MarketFixtures.moutai()));
        store.apply(Topics.INSTRUMENTS.name(), "000001", json(MarketFixtures.instrument("000001", "平安银行")));
        store.apply(Topics.QUOTES_LATEST.name(), "600519", json(MarketFixtures.quote("600519", "1710.00")));
        putDaily(dailyBar("600519", DAY, "100", "110", "95", "100"));
        putDaily(dailyBar("600519", DAY.plusDays(1), "100", "104", "98", "102"));
        putDaily(dailyBar("600519", DAY.plusDays(2), "102", "103", "99.96", "101.49"));
        store.markReady();
    }

    @Test
    void realtimeAnswersTheLatestQuoteWithTheInstrumentName() {
        client.get().uri("/api/data/realtime/600519").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.symbol").isEqualTo("600519")
                .jsonPath("$.data.name").isEqualTo("贵州茅台")
                .jsonPath("$.data.price").isEqualTo(1710.00)
                .jsonPath("$.data.pre_close").isEqualTo(1700.00)
                .jsonPath("$.data.change").isEqualTo(10.00)
                .jsonPath("$.data.change_percent").isEqualTo(0.59)
                .jsonPath("$.data.volume").isEqualTo(12300)
                .jsonPath("$.data.trades").isEqualTo(420)
                .jsonPath("$.data.trading_day").isEqualTo("2026-12-03")
                .jsonPath("$.data.timestamp").isEqualTo("2026-12-03T02:15:00Z");
    }

    @Test
    void lowerCaseTickerIsNormalised() {
        store.apply(Topics.QUOTES_LATEST.name(), "AAPL", json(MarketFixtures.quote("AAPL", "190.10")));

        client.get().uri("/api/data/realtime/aapl").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.symbol").isEqualTo("AAPL");
    }

    @Test
    void invalidSymbolIs400WithAFieldError() {
        client.get().uri("/api/data/realtime/60-0519!").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("symbol")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_SYMBOL");
    }

    @Test
    void unknownSymbolIs404() {
        client.get().uri("/api/data/realtime/999999").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo(404)
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("unknown symbol 999999"));
    }

    @Test
    void knownSymbolWithoutQuoteIs404SayingSo() {
        client.get().uri("/api/data/realtime/000001").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("no quote for 000001 yet"));
    }

    @Test
    void stockAnswersReferenceDataFundamentalsAndQuote() {
        store.apply(Topics.FUNDAMENTALS.name(), "600519", json(new Fundamentals("600519", 28.5, 9.1, 0.31, 0.15,
                0.17, 0.015, 2.1e12, LocalDate.of(2026, 9, 30), true)));

        client.get().uri("/api/data/stock/600519").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.symbol").isEqualTo("600519")
                .jsonPath("$.data.name").isEqualTo("贵州茅台")
                .jsonPath("$.data.exchange").isEqualTo("SSE")
                .jsonPath("$.data.market").isEqualTo("CN")
                .jsonPath("$.data.currency").isEqualTo("CNY")
                .jsonPath("$.data.sector").isEqualTo("Consumer Staples")
                .jsonPath("$.data.lot_size").isEqualTo(100)
                .jsonPath("$.data.fundamentals.pe").isEqualTo(28.5)
                .jsonPath("$.data.fundamentals.dividend_yield").isEqualTo(0.015)
                .jsonPath("$.data.fundamentals.as_of").isEqualTo("2026-09-30")
                .jsonPath("$.data.fundamentals.sample").isEqualTo(true)
                .jsonPath("$.data.quote.price").isEqualTo(1710.00)
                .jsonPath("$.data.quote.name").isEqualTo("贵州茅台");
    }

    @Test
    void stockWithoutFundamentalsOrQuoteSaysNull() {
        client.get().uri("/api/data/stock/000001").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("平安银行")
                .jsonPath("$.data.fundamentals").isEmpty()
                .jsonPath("$.data.quote").isEmpty();
    }

    @Test
    void unknownOrInvalidStockIs404Or400() {
        client.get().uri("/api/data/stock/999999").exchange().expectStatus().isNotFound();
        client.get().uri("/api/data/stock/bad!").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_SYMBOL");
    }

    @Test
    void batchAnswersKnownQuotesAndListsUnknownAndInvalidOnes() {
        store.apply(Topics.QUOTES_LATEST.name(), "AAPL", json(MarketFixtures.quote("AAPL", "190.10")));

        client.get().uri("/api/data/batch-realtime?symbols=600519, aapl,600519,999999,000001,x y,,600519")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.quotes.length()").isEqualTo(2)
                .jsonPath("$.data.quotes[0].symbol").isEqualTo("600519")
                .jsonPath("$.data.quotes[0].name").isEqualTo("贵州茅台")
                .jsonPath("$.data.quotes[0].change_percent").isEqualTo(0.59)
                .jsonPath("$.data.quotes[1].symbol").isEqualTo("AAPL")
                .jsonPath("$.data.unknown[0]").isEqualTo("999999")
                .jsonPath("$.data.unknown[1]").isEqualTo("000001")
                .jsonPath("$.data.invalid[0]").isEqualTo("x y")
                .jsonPath("$.data.invalid.length()").isEqualTo(1);
    }

    @Test
    void batchWithoutSymbolsIs400() {
        for (String uri : new String[] {"/api/data/batch-realtime", "/api/data/batch-realtime?symbols=,, ,"}) {
            client.get().uri(uri).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].code").isEqualTo("REQUIRED");
        }
    }

    @Test
    void batchOverTheLimitIs400NamingIt() {
        String symbols = String.join(",", IntStream.range(0, 51)
                .mapToObj(i -> String.format("%06d", i)).toList());

        client.get().uri("/api/data/batch-realtime?symbols=" + symbols).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("TOO_MANY")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("more than 50"));
    }

    @Test
    void klineAnswersBarsOldestFirstWithAmplitudeAndChange() {
        client.get().uri("/api/data/kline/600519?interval=1d&limit=2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.symbol").isEqualTo("600519")
                .jsonPath("$.data.interval").isEqualTo("1d")
                .jsonPath("$.data.count").isEqualTo(2)
                .jsonPath("$.data.bars[0].date").isEqualTo("2026-12-02")
                .jsonPath("$.data.bars[0].timestamp").isEqualTo("2026-12-02T01:30:00Z")
                .jsonPath("$.data.bars[0].close").isEqualTo(102)
                .jsonPath("$.data.bars[0].amplitude").isEqualTo(6.0)
                .jsonPath("$.data.bars[0].change_percent").isEqualTo(2.0)
                .jsonPath("$.data.bars[0].closed").isEqualTo(true)
                .jsonPath("$.data.bars[1].date").isEqualTo("2026-12-03")
                .jsonPath("$.data.bars[1].amplitude").isEqualTo(2.9804)
                .jsonPath("$.data.bars[1].change_percent").isEqualTo(-0.5)
                .jsonPath("$.data.bars[2]").doesNotExist();
    }

    @Test
    void firstKeptBarHasNoChangeFigures() {
        client.get().uri("/api/data/kline/600519?period=daily&limit=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.count").isEqualTo(3)
                .jsonPath("$.data.bars[0].amplitude").isEmpty()
                .jsonPath("$.data.bars[0].change_percent").isEmpty();
    }

    @Test
    void klineRangeIsInMarketLocalDays() {
        client.get().uri("/api/data/kline/600519?start=2026-12-02&end=2026-12-02").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.count").isEqualTo(1)
                .jsonPath("$.data.bars[0].date").isEqualTo("2026-12-02");
    }

    @Test
    void intradayBarsAreDatedInMarketLocalTime() {
        Bar minute = MarketFixtures.minuteBar("600519", Instant.parse("2026-12-03T01:31:00Z"), "1701.5");
        store.apply(Topics.bars(Interval.M1).name(), minute.key(), json(minute));

        client.get().uri("/api/data/kline/600519?interval=1m").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.interval").isEqualTo("1m")
                .jsonPath("$.data.bars[0].date").isEqualTo("2026-12-03T09:31:00");
    }

    @Test
    void knownSymbolWithoutBarsAnswersAnEmptySeries() {
        client.get().uri("/api/data/kline/000001?interval=1w").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.count").isEqualTo(0);
    }

    @Test
    void unknownSymbolKlineIs404() {
        client.get().uri("/api/data/kline/ZZZZ").exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidParametersAreAllReportedAt400() {
        client.get().uri("/api/data/kline/600519?interval=2h&limit=0&start=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("interval")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("1m, 5m, 15m, 30m, 60m"))
                .jsonPath("$.errors[1].field").isEqualTo("limit")
                .jsonPath("$.errors[2].field").isEqualTo("start");
    }

    @Test
    void limitAboveTheCapIs400() {
        client.get().uri("/api/data/kline/600519?limit=1001").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("1 to 1000"));
    }

    @Test
    void startAfterEndIs400() {
        client.get().uri("/api/data/kline/600519?start=2026-12-03&end=2026-12-01T02:00:00Z").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_RANGE");
    }

    @Test
    void conflictingIntervalAndPeriodIs400() {
        client.get().uri("/api/data/kline/600519?interval=1d&period=weekly").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("CONFLICT");
    }

    private void putDaily(Bar bar) {
        store.apply(Topics.bars(Interval.D1).name(), bar.key(), json(bar));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ReadModelProperties.class, MarketApiProperties.class})
    static class Config {
        @Bean
        MarketStore marketStore(ReadModelProperties properties) {
            return new MarketStore(properties.maxBarsPerSeries());
        }
    }
}
