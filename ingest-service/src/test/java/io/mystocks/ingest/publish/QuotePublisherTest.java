package io.mystocks.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.QuoteValidator;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.kafka.RecordSender;
import io.mystocks.ingest.publish.QuoteMetrics.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class QuotePublisherTest {
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FakeSender sender = new FakeSender();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QuoteMetrics metrics = new QuoteMetrics(registry);
    private final QuotePublisher publisher = new QuotePublisher(
            new QuoteValidator(Set.of("600519", "AAPL")::contains, Duration.ofSeconds(5), CLOCK), sender, metrics,
            CLOCK);

    @Test
    void validQuoteIsWrittenToQuotesKeyedBySymbolAtItsEventTime() throws Exception {
        Quote quote = quote("600519", NOW.minusSeconds(1), "1450.00");

        PublishResult result = publisher.publish("simulator", quote).get();

        assertThat(result.accepted()).isTrue();
        assertThat(result.topic()).isEqualTo(Topics.QUOTES.name());
        ProducerRecord<String, byte[]> record = sender.only();
        assertThat(record.topic()).isEqualTo(Topics.QUOTES.name());
        assertThat(record.key()).isEqualTo("600519");
        assertThat(record.timestamp()).isEqualTo(quote.timestamp().toEpochMilli());
        assertThat(JsonSerde.of(Quote.class).deserialize(record.topic(), record.value())).isEqualTo(quote);
        assertThat(metrics.total("simulator", Outcome.ACCEPTED)).isEqualTo(1);
    }

    @Test
    void unknownSymbolGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        Quote quote = quote("ZZZZ", NOW, "10.00");

        PublishResult result = publisher.publish("http", quote).get();

        assertThat(result.accepted()).isFalse();
        assertThat(result.reasons()).singleElement().asString().contains("not in the universe");
        ProducerRecord<String, byte[]> record = sender.only();
        assertThat(record.topic()).isEqualTo(Topics.QUOTES_DLQ.name());
        assertThat(record.key()).isEqualTo("ZZZZ");
        assertThat(record.timestamp()).isNull();
        assertThat(RecordHeaders.text(record.headers(), RecordHeaders.DLQ_REASON)).contains("not in the universe");
        assertThat(RecordHeaders.text(record.headers(), RecordHeaders.DLQ_SOURCE)).isEqualTo("http");
        DeadLetter letter = JsonSerde.of(DeadLetter.class).deserialize(record.topic(), record.value());
        assertThat(letter.source()).isEqualTo("http");
        assertThat(letter.rejectedAt()).isEqualTo(NOW);
        byte[] payload = letter.payload().getBytes(StandardCharsets.UTF_8);
        assertThat(JsonSerde.of(Quote.class).deserialize(record.topic(), payload)).isEqualTo(quote);
        assertThat(metrics.total("http", Outcome.REJECTED)).isEqualTo(1);
        assertThat(metrics.total("http", Outcome.ACCEPTED)).isZero();
    }

    @Test
    void everyBrokenRuleIsReportedAndTheFirstIsTheHeader() throws Exception {
        Quote quote = new Quote("AAPL", NOW.plusSeconds(60), new BigDecimal("-1"), -5, BigDecimal.ONE, "x");

        PublishResult result = publisher.publish("http", quote).get();

        assertThat(result.reasons()).hasSize(3);
        assertThat(RecordHeaders.text(sender.only().headers(), RecordHeaders.DLQ_REASON))
                .isEqualTo(result.reasons().getFirst()).contains("price must be positive");
    }

    @Test
    void slightlyFutureTimestampIsAcceptedButFarFutureIsRejected() throws Exception {
        PublishResult skewed = publisher.publish("http", quote("AAPL", NOW.plusSeconds(4), "270.00")).get();
        PublishResult future = publisher.publish("http", quote("AAPL", NOW.plusSeconds(6), "270.00")).get();

        assertThat(skewed.accepted()).isTrue();
        assertThat(future.accepted()).isFalse();
        assertThat(future.reasons()).singleElement().asString().contains("in the future");
    }

    @Test
    void malformedInputIsKeyedByTheFeedWhenThereIsNoSymbol() throws Exception {
        PublishResult result = publisher.reject("http", null, "{not json", List.of("malformed JSON")).get();

        assertThat(result.accepted()).isFalse();
        ProducerRecord<String, byte[]> record = sender.only();
        assertThat(record.key()).isEqualTo("http");
        assertThat(JsonSerde.of(DeadLetter.class).deserialize(record.topic(), record.value()).payload())
                .isEqualTo("{not json");
    }

    @Test
    void requestIdTravelsAsAHeaderOnTheQuoteAndOnTheDeadLetter() throws Exception {
        publisher.publish("http", quote("AAPL", NOW, "270.00"), "req-1").get();
        publisher.publish("http", quote("NOPE", NOW, "1.00"), "req-2").get();
        publisher.publish("simulator", quote("AAPL", NOW, "270.01")).get();

        assertThat(sender.sent).extracting(record -> RecordHeaders.text(record.headers(), RecordHeaders.REQUEST_ID))
                .containsExactly("req-1", "req-2", null);
        assertThat(sender.sent.get(1).topic()).isEqualTo(Topics.QUOTES_DLQ.name());
    }

    @Test
    void failedSendFailsTheFutureAndIsCounted() {
        sender.failWith(new TimeoutException("Expiring 1 record(s)"));

        CompletableFuture<PublishResult> result = publisher.publish("simulator", quote("AAPL", NOW, "270.00"));

        assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PublishException.class)
                .hasMessageContaining("AAPL").hasMessageContaining(Topics.QUOTES.name())
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(metrics.total("simulator", Outcome.FAILED)).isEqualTo(1);
        assertThat(metrics.total("simulator", Outcome.ACCEPTED)).isZero();
    }

    @Test
    void countersAreTaggedWithOutcomeAndSource() throws Exception {
        publisher.publish("simulator", quote("AAPL", NOW, "270.00")).get();
        publisher.publish("simulator", quote("AAPL", NOW, "270.01")).get();
        publisher.publish("simulator", quote("NOPE", NOW, "1.00")).get();

        double accepted = registry.get(QuoteMetrics.METER).tag("outcome", "accepted").tag("source", "simulator")
                .counter().count();
        double rejected = registry.get(QuoteMetrics.METER).tag("outcome", "rejected").tag("source", "simulator")
                .counter().count();
        assertThat(accepted).isEqualTo(2.0);
        assertThat(rejected).isEqualTo(1.0);
    }

    private static Quote quote(String symbol, Instant timestamp, String price) {
        return new Quote(symbol, timestamp, new BigDecimal(price), 100, new BigDecimal(price).multiply(
                BigDecimal.valueOf(100)), "test");
    }

    /** Acknowledges every record at the next offset of partition 0, or fails every send. */
    private static final class FakeSender implements RecordSender {
        private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        private RuntimeException failure;

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            sent.add(record);
            return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition(record.topic(), 0),
                    sent.size() - 1, 0, 0, 0, 0));
        }

        void failWith(RuntimeException failure) {
            this.failure = failure;
        }

        ProducerRecord<String, byte[]> only() {
            assertThat(sent).hasSize(1);
            return sent.getFirst();
        }
    }
}
