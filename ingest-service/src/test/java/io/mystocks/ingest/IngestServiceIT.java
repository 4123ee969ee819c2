package io.mystocks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.backfill.BackfillRunner;
import io.mystocks.ingest.publish.PublishResult;
import io.mystocks.ingest.publish.QuotePublisher;
import io.mystocks.ingest.universe.Universe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@ExtendWith(EmbeddedKafka.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mystocks.simulator.rate=200", "mystocks.simulator.seed=7",
        "mystocks.backfill.symbols=600519,AAPL", "mystocks.backfill.years=1", "mystocks.backfill.minute-days=2"})
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IngestServiceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path DATA_DIR = temporaryDirectory();

    @Autowired
    private Universe universe;
    @Autowired
    private QuotePublisher publisher;
    @Autowired
    private Clock clock;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private WebTestClient web;
    @Autowired
    private BackfillRunner backfill;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", EmbeddedKafka::bootstrapServers);
        properties.add("mystocks.backfill.journal", () -> DATA_DIR.resolve("backfill-journal.jsonl").toString());
    }

    @Test
    void everyInstrumentAndItsFundamentalsArePublishedKeyedBySymbol() {
        Map<String, Instrument> instruments = readLatest(Topics.INSTRUMENTS.name(), Instrument.class);
        Map<String, Fundamentals> fundamentals = readLatest(Topics.FUNDAMENTALS.name(), Fundamentals.class);

        assertThat(instruments.get("600519").name()).isEqualTo("贵州茅台");
        assertThat(instruments.get("BRK.B").exchange()).isEqualTo("NYSE");
        assertThat(fundamentals.get("000725").sample()).isTrue();
        assertThat(fundamentals.values()).allSatisfy(snapshot -> assertThat(snapshot.marketCap()).isPositive());
    }

    @Test
    void simulatedQuotesArriveOnTheQuotesTopicKeyedBySymbol() {
        JsonSerde<Quote> serde = JsonSerde.of(Quote.class);

        List<ConsumerRecord<String, byte[]>> records = readUntil(Topics.QUOTES.name(), 300);

        assertThat(records).allSatisfy(record -> {
            Quote quote = serde.deserialize(record.topic(), record.value());
            assertThat(record.key()).isEqualTo(quote.symbol());
            assertThat(universe.contains(quote.symbol())).isTrue();
            assertThat(quote.source()).isEqualTo("simulator");
            assertThat(record.timestamp()).isEqualTo(quote.timestamp().toEpochMilli());
        });
        Set<Integer> partitions = records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertThat(partitions).hasSize(Topics.QUOTES.partitions());
        assertThat(registry.get("mystocks.ingest.quotes").tag("outcome", "accepted").tag("source", "simulator")
                .counter().count()).isPositive();
    }

    @Test
    void invalidQuoteLandsOnTheDeadLetterTopicWithItsReason() throws Exception {
        Quote quote = new Quote("ZZZZZ", clock.instant(), new BigDecimal("12.34"), 100, new BigDecimal("1234.00"),
                "it");

        PublishResult result = publisher.publish("http", quote).get();

        assertThat(result.accepted()).isFalse();
        assertThat(result.topic()).isEqualTo(Topics.QUOTES_DLQ.name());
        try (TopicReader reader = new TopicReader(EmbeddedKafka.bootstrapServers(), Topics.QUOTES_DLQ.name())) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(reader.poll())
                    .anySatisfy(record -> {
                        assertThat(record.key()).isEqualTo("ZZZZZ");
                        assertThat(RecordHeaders.text(record.headers(), RecordHeaders.DLQ_REASON))
                                .contains("'ZZZZZ' is not in the universe");
                        assertThat(RecordHeaders.text(record.headers(), RecordHeaders.DLQ_SOURCE)).isEqualTo("http");
                        DeadLetter letter = JsonSerde.of(DeadLetter.class).deserialize(record.topic(), record.value());
                        assertThat(letter.payload()).contains("ZZZZZ");
                    }));
        }
    }

    @Test
    void healthIsUpOnceKafkaIsReachableAndTheTopicsExist() {
        await().atMost(PATIENCE).untilAsserted(() -> web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.ingest.status").isEqualTo("UP")
                .jsonPath("$.components.ingest.details.backfill.symbols_total").isEqualTo(2)
                .jsonPath("$.components.ingest.details.replay.state").isEqualTo("disabled"));
    }

    @Test
    void pushedBatchWithOneBadQuoteIsAcceptedExceptThatQuoteWhichGoesToTheDeadLetterTopic() {
        Instant now = clock.instant();
        String batch = "[" + pushed("600519", now, "1450.00") + "," + pushed("AAPL", now, "NaN") + ","
                + pushed("AAPL", now, "270.00") + "]";

        await().atMost(PATIENCE).untilAsserted(() -> web.post().uri("/api/ingest/quotes")
                .contentType(MediaType.APPLICATION_JSON).header("X-Request-ID", "it-push-1").bodyValue(batch)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-ID", "it-push-1")
                .expectBody()
                .jsonPath("$.data.accepted").isEqualTo(2)
                .jsonPath("$.data.rejected").isEqualTo(1)
                .jsonPath("$.data.results[1].status").isEqualTo("rejected"));

        try (TopicReader quotes = new TopicReader(EmbeddedKafka.bootstrapServers(), Topics.QUOTES.name());
             TopicReader dlq = new TopicReader(EmbeddedKafka.bootstrapServers(), Topics.QUOTES_DLQ.name())) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(withRequestId(quotes.poll(), "it-push-1"))
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("600519", "AAPL"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(withRequestId(dlq.poll(), "it-push-1"))
                    .singleElement().satisfies(record -> {
                        assertThat(record.key()).isEqualTo("AAPL");
                        assertThat(RecordHeaders.text(record.headers(), RecordHeaders.DLQ_REASON))
                                .isEqualTo("price must be a finite number, was NaN");
                    }));
        }
        assertThat(registry.get("mystocks.ingest.quotes").tag("outcome", "rejected").tag("source", "http")
                .counter().count()).isPositive();
    }

    @Test
    void backfillLandsOnItsTopicExactlyOnceAcrossRestartsEvenWithoutItsJournal() throws IOException {
        await().atMost(PATIENCE).until(() -> "done".equals(backfill.details().get("state")));
        List<ConsumerRecord<String, byte[]>> first = readAll(Topics.BARS_BACKFILL.name());

        Map<String, Object> second = startAgain();
        Files.delete(DATA_DIR.resolve("backfill-journal.jsonl"));
        Map<String, Object> withoutJournal = startAgain();

        assertThat(second).containsEntry("bars_written", 0L).containsEntry("symbols_done", 2);
        assertThat(withoutJournal).containsEntry("bars_written", 0L)
                .containsEntry("bars_already_on_topic", (long) first.size())
                .containsEntry("plan", backfill.details().get("plan"));
        List<ConsumerRecord<String, byte[]>> after = readAll(Topics.BARS_BACKFILL.name());
        assertThat(after).hasSameSizeAs(first);
        JsonSerde<Bar> bars = JsonSerde.of(Bar.class);
        Map<String, Long> perSeries = after.stream().map(record -> bars.deserialize(record.topic(), record.value()))
                .collect(Collectors.groupingBy(bar -> bar.symbol() + "|" + bar.interval().code(),
                        Collectors.counting()));
        assertThat(perSeries).containsOnlyKeys("600519|1d", "600519|1m", "AAPL|1d", "AAPL|1m")
                .containsEntry("600519|1m", 480L).containsEntry("AAPL|1m", 780L);
        assertThat(perSeries.get("AAPL|1d")).isBetween(259L, 263L);
        assertThat(after.stream().map(record -> bars.deserialize(record.topic(), record.value()))
                .map(bar -> bar.symbol() + "|" + bar.interval() + "|" + bar.openTime())).doesNotHaveDuplicates();
        assertThat(after).allSatisfy(record -> assertThat(record.key()).isIn("600519", "AAPL"));
    }

    /** Starts the service once more, on the same broker and data directory, until its backfill is done. */
    private static Map<String, Object> startAgain() {
        try (ConfigurableApplicationContext again = start()) {
            BackfillRunner restarted = again.getBean(BackfillRunner.class);
            await().atMost(PATIENCE).until(() -> "done".equals(restarted.details().get("state")));
            return restarted.details();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IngestApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
                "--mystocks.simulator.enabled=false",
                "--mystocks.backfill.symbols=600519,AAPL", "--mystocks.backfill.years=1",
                "--mystocks.backfill.minute-days=2",
                "--mystocks.backfill.journal=" + DATA_DIR.resolve("backfill-journal.jsonl"));
    }

    private static String pushed(String symbol, Instant timestamp, String price) {
        return "{\"symbol\": \"" + symbol + "\", \"timestamp\": \"" + timestamp + "\", \"price\": " + price
                + ", \"volume\": 100}";
    }

    private static List<ConsumerRecord<String, byte[]>> withRequestId(List<ConsumerRecord<String, byte[]>> records,
                                                                     String requestId) {
        return records.stream()
                .filter(record -> requestId.equals(RecordHeaders.text(record.headers(), RecordHeaders.REQUEST_ID)))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (TopicReader reader = new TopicReader(EmbeddedKafka.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> records = reader.poll();
            for (int size = -1; size != records.size(); ) {
                size = records.size();
                records = reader.poll();
            }
            return records;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ingest-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> Map<String, T> readLatest(String topic, Class<T> type) {
        JsonSerde<T> serde = JsonSerde.of(type);
        try (TopicReader reader = new TopicReader(EmbeddedKafka.bootstrapServers(), topic)) {
            await().atMost(PATIENCE).until(() -> reader.poll().stream().map(ConsumerRecord::key)
                    .collect(Collectors.toSet()).size() == universe.size());
            return reader.poll().stream().collect(Collectors.toMap(ConsumerRecord::key,
                    record -> serde.deserialize(topic, record.value()), (first, later) -> later));
        }
    }

    private List<ConsumerRecord<String, byte[]>> readUntil(String topic, int count) {
        try (TopicReader reader = new TopicReader(EmbeddedKafka.bootstrapServers(), topic)) {
            return await().atMost(PATIENCE).until(reader::poll, records -> records.size() >= count);
        }
    }
}
