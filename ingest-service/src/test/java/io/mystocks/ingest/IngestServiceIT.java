package io.mystocks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.publish.PublishResult;
import io.mystocks.ingest.publish.QuotePublisher;
import io.mystocks.ingest.universe.Universe;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@ExtendWith(EmbeddedKafka.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mystocks.simulator.rate=200", "mystocks.simulator.seed=7"})
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IngestServiceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

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

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", EmbeddedKafka::bootstrapServers);
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
                .jsonPath("$.components.ingest.status").isEqualTo("UP"));
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
