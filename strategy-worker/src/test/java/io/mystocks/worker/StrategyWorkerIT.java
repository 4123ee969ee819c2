package io.mystocks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Market;
import io.mystocks.contracts.Topics;
import io.mystocks.worker.backtest.BacktestResult;
import io.mystocks.worker.screen.Part;
import io.mystocks.worker.screen.ScreenResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The worker against a real broker and a real Redis: market data published before it starts, jobs
 * submitted the way the API submits them. {@link Infrastructure} is registered before Spring's
 * extension, so the broker and Redis start before the worker and stop after it.
 */
@ExtendWith(StrategyWorkerIT.Infrastructure.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StrategyWorkerIT {
    private static final Duration PATIENCE = JobsTestKit.PATIENCE;
    private static final int DAILY_BARS = 300;
    private static final int FALLING_BARS = 150;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    private static JobsTestKit kit;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("mystocks.kafka.bootstrap-servers", kit::bootstrapServers);
        registry.add("mystocks.redis.address", kit::redisAddress);
        registry.add("mystocks.health.probe-interval", () -> "200ms");
    }

    @Test
    void runsAValueScreenToSucceededInRedisAndOnTheResultsTopic() throws Exception {
        JobRequest request = new JobRequest("job-value-1", "value", Map.of("top_n", 3, "min_score", 0),
                Instant.now(), "req-value-1");
        kit.storeState(JobState.queued(request));

        kit.submit(request);

        JobState done = kit.awaitTerminal("job-value-1");
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        ScreenResult result = Json.mapper().convertValue(done.result(), ScreenResult.class);
        assertThat(result.universeSize()).isEqualTo(5);
        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.items()).extracting(ScreenResult.Item::symbol).containsExactly("600519", "MSFT", "000001");
        assertThat(result.items()).extracting(ScreenResult.Item::rank).containsExactly(1, 2, 3);
        assertThat(result.items().getFirst().score()).isEqualTo(91.67);
        assertThat(result.items().getFirst().price()).isEqualByComparingTo("1688.00");
        assertThat(kit.awaitResultOnTopic("job-value-1")).isEqualTo(done);
    }

    @Test
    void runsAMomentumScreenOverTheClosedDailyBars() throws Exception {
        JobRequest request = new JobRequest("job-momentum-1", "momentum", Map.of("top_n", 10), Instant.now(),
                "req-momentum-1");
        kit.storeState(JobState.queued(request));

        kit.submit(request);

        JobState done = kit.awaitTerminal("job-momentum-1");
        assertThat(done.status()).as(done.message()).isEqualTo(JobStatus.SUCCEEDED);
        ScreenResult result = Json.mapper().convertValue(done.result(), ScreenResult.class);
        assertThat(result.params()).containsEntry("top_n", 10);
        assertThat(((Number) result.params().get("min_score")).doubleValue()).isEqualTo(60);
        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(3);
        // 600519 alone has a year of bars (50 on those parts) and beats the faller on the shorter returns.
        assertThat(result.matched()).isEqualTo(1);
        ScreenResult.Item best = result.items().getFirst();
        assertThat(best.symbol()).isEqualTo("600519");
        assertThat(best.score()).isEqualTo(70.0);
        assertThat(best.parts()).extractingFromEntries(entry -> entry.getValue().score())
                .containsExactly(50.0, 100.0, 100.0, 50.0);
        assertThat(kit.awaitResultOnTopic("job-momentum-1")).isEqualTo(done);
    }

    @Test
    void runsALowVolatilityScreenSayingWhichPartsLackBars() throws Exception {
        JobRequest request = new JobRequest("job-low-vol-1", "low_volatility", Map.of("min_score", 0),
                Instant.now(), "req-low-vol-1");

        kit.submit(request);

        JobState done = kit.awaitTerminal("job-low-vol-1");
        assertThat(done.status()).as(done.message()).isEqualTo(JobStatus.SUCCEEDED);
        ScreenResult result = Json.mapper().convertValue(done.result(), ScreenResult.class);
        assertThat(result.items()).extracting(ScreenResult.Item::symbol).containsExactly("600519", "000001");
        Map<String, Part> faller = result.items().get(1).parts();
        assertThat(faller.get("volatility_60d").score()).isEqualTo(100.0);
        assertThat(faller.get("volatility_252d").value()).isNull();
        assertThat(faller.get("volatility_252d").reason())
                .isEqualTo("needs 253 closed daily bars, has " + FALLING_BARS);
        assertThat(result.items()).extracting(ScreenResult.Item::score).containsExactly(35.0, 30.0);
    }

    @Test
    void joinsTheGroupWithAsManyConsumersAsItsConcurrency() {
        try (Admin admin = kit.admin()) {
            await().atMost(PATIENCE).until(() -> admin.describeConsumerGroups(List.of(JobsTestKit.GROUP)).all().get()
                    .get(JobsTestKit.GROUP).members().size() == 3);
        }
    }

    @Test
    void doesNotRunARedeliveredJobAgain() throws Exception {
        JobRequest request = new JobRequest("job-twice", "growth", Map.of("top_n", 2, "min_score", 0),
                Instant.now(), "req-twice");
        kit.storeState(JobState.queued(request));
        kit.submit(request);
        JobState first = kit.awaitTerminal("job-twice");

        RecordMetadata duplicate = kit.submit(request);
        awaitCommittedPast(duplicate);

        JobState after = kit.readState("job-twice").orElseThrow();
        assertThat(after).isEqualTo(first);
        assertThat(after.attempts()).isEqualTo(1);
    }

    @Test
    void failsAnUnknownStrategyWithAMessageNamingTheKnownOnes() throws Exception {
        JobRequest request = new JobRequest("job-unknown", "quality", Map.of(), Instant.now(), "req-unknown");

        kit.submit(request);

        JobState failed = kit.awaitTerminal("job-unknown");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).isEqualTo("unknown strategy \"quality\"; choose one of balanced,"
                + " bollinger_reversion, donchian_breakout, ema_cross, growth, kdj_cross, low_volatility, ma_cross,"
                + " macd_cross, momentum, rsi_reversion, value");
        assertThat(failed.attempts()).isZero();
        assertThat(kit.awaitResultOnTopic("job-unknown")).isEqualTo(failed);
    }

    @Test
    void runsAMovingAverageBacktestOverThePublishedClosedDailyBars() throws Exception {
        JobRequest request = new JobRequest("job-ma-1", "ma_cross", Map.of("symbols", List.of("600519")),
                Instant.now(), "req-ma-1");
        kit.storeState(JobState.queued(request));

        kit.submit(request);

        JobState done = kit.awaitTerminal("job-ma-1");
        assertThat(done.status()).as(done.message()).isEqualTo(JobStatus.SUCCEEDED);
        BacktestResult result = Json.mapper().convertValue(done.result(), BacktestResult.class);
        assertThat(result.strategyId()).isEqualTo("ma_cross");
        assertThat(result.data()).singleElement().satisfies(version -> {
            assertThat(version.bars()).isEqualTo(DAILY_BARS);
            assertThat(version.lastDate()).isEqualTo(FIRST_DAY.plusDays(DAILY_BARS - 1));
        });
        assertThat(result.trades()).isNotEmpty()
                .allSatisfy(trade -> assertThat(trade.quantity() % 100).isZero());
        assertThat(result.metrics().totalTrades()).isEqualTo(result.trades().size());
        assertThat(result.summary().sharpeRatio()).isNotNull();
        assertThat(result.fees().stampTax()).isPositive();
        assertThat(result.hashes().trades()).hasSize(64);
        assertThat(kit.awaitResultOnTopic("job-ma-1")).isEqualTo(done);
    }

    @Test
    void failsABacktestOfASymbolWithoutBarsSayingWhereTheyComeFrom() throws Exception {
        JobRequest request = new JobRequest("job-ma-2", "ma_cross", Map.of("symbols", "MSFT"), Instant.now(),
                "req-ma-2");

        kit.submit(request);

        JobState failed = kit.awaitTerminal("job-ma-2");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).isEqualTo("no daily bars for MSFT at all; history backfill publishes them");
    }

    @Test
    void reportsHealthyOnceKafkaRedisAndTheMarketDataAreUp() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.path("status").asString()).isEqualTo("UP");
            assertThat(body.path("components").propertyNames()).contains("kafka", "redis", "marketData");
        });
    }

    /** Starts the broker and Redis with the market data published, and stops them after the worker. */
    static final class Infrastructure implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            kit = JobsTestKit.start();
            publishMarket();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            kit.close();
        }
    }

    private static void publishMarket() throws Exception {
        listed("600519", "Kweichow Moutai", Market.CN, "Consumer Staples",
                new double[] {10, 1.0, 0.20, 0.05, 0.04, 0.04, 50e9});
        listed("MSFT", "Microsoft", Market.US, "Technology", new double[] {20, 2.0, 0.15, 0.30, 0.40, 0.02, 200e9});
        listed("AAPL", "Apple", Market.US, "Technology", new double[] {30, 3.0, 0.10, 0.15, 0.10, 0.01, 10e9});
        listed("000001", "Ping An Bank", Market.CN, "Financials",
                new double[] {-5, 0.5, -0.05, -0.10, -0.50, 0.00, 5e9});
        listed("601398", "ICBC", Market.CN, "Financials", null);
        kit.send(Topics.FUNDAMENTALS, "BROKEN", "{\"symbol\": ".getBytes(StandardCharsets.UTF_8));
        BigDecimal price = new BigDecimal("1688.00");
        publishDailyBars("600519", DAILY_BARS, StrategyWorkerIT::swinging);
        publishDailyBars("000001", FALLING_BARS, StrategyWorkerIT::falling);
        kit.send(Topics.QUOTES_LATEST, "600519", JsonSerde.of(LatestQuote.class).serialize("t", new LatestQuote(
                "600519", price, price, price, price, price, BigDecimal.ZERO, BigDecimal.ZERO, 1200,
                price.movePointRight(5), 40, LocalDate.of(2026, 10, 9), Instant.parse("2026-10-09T06:00:00Z"))));
        kit.flush();
    }

    /**
     * Publishes {@code count} closed daily bars of {@code price} (the close of a day), each opening at the
     * close before, and a forming bar after them that backtests and screens must ignore.
     */
    private static void publishDailyBars(String symbol, int count, IntFunction<BigDecimal> price) throws Exception {
        String topic = Topics.bars(Interval.D1).name();
        JsonSerde<Bar> serde = JsonSerde.of(Bar.class);
        BigDecimal open = price.apply(0);
        for (int i = 0; i <= count; i++) {
            LocalDate day = FIRST_DAY.plusDays(i);
            BigDecimal close = price.apply(i + 1);
            Bar bar = new Bar(symbol, Interval.D1, day.atStartOfDay(Market.CN.zone()).toInstant(),
                    day.plusDays(1).atStartOfDay(Market.CN.zone()).toInstant(), day, open, open.max(close),
                    open.min(close), close, 10_000, close.multiply(BigDecimal.valueOf(10_000)), 50, i < count);
            kit.send(Topics.bars(Interval.D1), bar.key(), serde.serialize(topic, bar));
            open = close;
        }
    }

    /** A price that swings around a rising trend, so that moving averages cross. */
    private static BigDecimal swinging(int day) {
        return cents(100 + 0.05 * day + 8 * Math.sin(day / 7.0));
    }

    /** A price that falls 1 % a day. */
    private static BigDecimal falling(int day) {
        return cents(100 * Math.pow(0.99, day));
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }

    /** Lists a symbol with fundamentals pe, pb, roe, revenue growth, profit growth, yield, market cap. */
    private static void listed(String symbol, String name, Market market, String sector, double[] f)
            throws Exception {
        kit.send(Topics.INSTRUMENTS, symbol, JsonSerde.of(Instrument.class).serialize("t",
                new Instrument(symbol, name, market == Market.CN ? "SSE" : "NASDAQ", market,
                        market.currency(), sector, market.lotSize())));
        if (f != null) {
            kit.send(Topics.FUNDAMENTALS, symbol, JsonSerde.of(Fundamentals.class).serialize("t",
                    new Fundamentals(symbol, f[0], f[1], f[2], f[3], f[4], f[5], f[6], LocalDate.of(2026, 9, 30),
                            true)));
        }
    }

    private static void awaitCommittedPast(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(PATIENCE).until(() -> kit.committed(partition) > record.offset());
    }
}
