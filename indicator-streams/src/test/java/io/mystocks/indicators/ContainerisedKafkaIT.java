package io.mystocks.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** A smoke test of the service's Streams client on a real Kafka broker in a container; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerisedKafkaIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @TempDir
    Path stateDir;

    @Test
    void aQuoteBecomesALatestQuote() throws Exception {
        StreamsLifecycle lifecycle = new StreamsLifecycle(
                StreamsSettings.defaults(KAFKA.getBootstrapServers(), stateDir), Clock.systemUTC());
        lifecycle.start();
        try (KafkaTestSupport kafka = new KafkaTestSupport(KAFKA.getBootstrapServers(),
                List.of(Topics.QUOTES_LATEST.name()))) {
            kafka.send(new Quote("600519", Instant.parse("2026-03-02T01:30:05Z"), new BigDecimal("1500.00"), 100,
                    new BigDecimal("150000.00"), "test"));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(kafka.values(
                    Topics.QUOTES_LATEST.name(), LatestQuote.class)).singleElement()
                    .satisfies(latest -> assertThat(latest.price()).isEqualByComparingTo("1500.00")));
        } finally {
            lifecycle.stop();
        }
    }
}
