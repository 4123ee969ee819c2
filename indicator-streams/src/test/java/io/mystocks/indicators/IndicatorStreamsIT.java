package io.mystocks.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import io.mystocks.stack.EmbeddedKafkaBroker;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against an in-JVM broker: the real Streams client with exactly-once, topics it
 * creates itself, output read as a read-committed consumer, and the actuator health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IndicatorStreamsIT {
    /** 10:00 in New York on a Monday. */
    private static final Instant BAR = Instant.parse("2026-01-05T15:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path stateDir;

    private static EmbeddedKafkaBroker broker;
    private static ConfigurableApplicationContext running;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("mystocks.streams.bootstrap-servers", broker::bootstrapServers);
        registry.add("mystocks.streams.state-dir", () -> stateDir.toString());
    }

    @BeforeEach
    void remember() {
        running = context;
    }

    /**
     * The Streams client must stop before its broker, or closing it waits for a broker in vain; Spring
     * closes the rest of the context after this.
     */
    @AfterAll
    static void stopStreamsThenBroker() {
        if (running != null) {
            running.getBean(StreamsLifecycle.class).stop();
        }
        broker.close();
    }

    @Test
    void quotesBecomeBarsLatestQuotesAndDeadLettersCommittedOnTheBroker() throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport(broker.bootstrapServers(), List.of(
                Topics.bars(Interval.M1).name(), Topics.QUOTES_LATEST.name(), Topics.QUOTES_DLQ.name()))) {
            kafka.send(quote(1, "190.00", 10, "1900.00"));
            kafka.send(quote(20, "191.00", 20, "3820.00"));
            kafka.send(quote(40, "189.50", 30, "5685.00"));
            kafka.sendRaw("AAPL", "{oops".getBytes(StandardCharsets.UTF_8));
            kafka.send(quote(61, "190.50", 5, "952.50"));

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.values(Topics.bars(Interval.M1).name(),
                    Bar.class)).anySatisfy(bar -> assertThat(bar.closed() && bar.openTime().equals(BAR)).isTrue()));
            Bar closed = kafka.values(Topics.bars(Interval.M1).name(), Bar.class).stream()
                    .filter(bar -> bar.closed() && bar.openTime().equals(BAR)).findFirst().orElseThrow();
            assertThat(closed.open()).isEqualByComparingTo("190.00");
            assertThat(closed.high()).isEqualByComparingTo("191.00");
            assertThat(closed.low()).isEqualByComparingTo("189.50");
            assertThat(closed.close()).isEqualByComparingTo("189.50");
            assertThat(closed.volume()).isEqualTo(60);
            assertThat(closed.amount()).isEqualByComparingTo("11405.00");
            assertThat(closed.trades()).isEqualTo(3);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.values(Topics.QUOTES_LATEST.name(),
                    LatestQuote.class)).last().satisfies(latest -> {
                        assertThat(latest.price()).isEqualByComparingTo("190.50");
                        assertThat(latest.volume()).isEqualTo(65);
                        assertThat(latest.trades()).isEqualTo(4);
                    }));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.values(Topics.QUOTES_DLQ.name(),
                    DeadLetter.class)).singleElement().satisfies(letter -> {
                        assertThat(letter.payload()).isEqualTo("{oops");
                        assertThat(letter.source()).startsWith(Topics.QUOTES.name() + "/");
                    }));
        }
    }

    @Test
    void theServiceCreatesTheWholeTopicCatalogueAndReportsUpOnceRunning() throws Exception {
        try (Admin admin = broker.admin()) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);

            assertThat(topics).containsAll(Topics.all().stream().map(topic -> topic.name()).toList());
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(health()).contains("\"status\":\"UP\"")
                .contains("\"state\":\"RUNNING\""));
    }

    private String health() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static Quote quote(int second, String price, long volume, String amount) {
        return new Quote("AAPL", BAR.plusSeconds(second), new BigDecimal(price), volume, new BigDecimal(amount),
                "test");
    }
}
