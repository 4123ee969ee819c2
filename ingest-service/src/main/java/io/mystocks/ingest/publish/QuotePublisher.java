package io.mystocks.ingest.publish;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.QuoteValidator;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.kafka.RecordSender;
import io.mystocks.ingest.publish.QuoteMetrics.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way into {@code market.quotes}. Every quote is validated; a valid one is written keyed by its
 * symbol, an invalid one goes to {@code market.quotes.dlq} as a {@link DeadLetter} with every reason, so
 * nothing is dropped silently. The returned future tells the caller what happened: it completes with a
 * {@link PublishResult} once Kafka has acknowledged the record, or fails with a {@link PublishException}.
 *
 * <p>Failed sends are counted and logged with their cause; when Kafka is down for a while only one warning
 * per {@value #FAILURE_LOG_SECONDS} s is logged, with the number of failures since the previous one.
 */
public final class QuotePublisher {
    static final long FAILURE_LOG_SECONDS = 10;
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(FAILURE_LOG_SECONDS);

    private static final Logger log = LoggerFactory.getLogger(QuotePublisher.class);
    private static final JsonSerde<Quote> QUOTES = JsonSerde.of(Quote.class);
    private static final JsonSerde<DeadLetter> DEAD_LETTERS = JsonSerde.of(DeadLetter.class);

    private final QuoteValidator validator;
    private final RecordSender sender;
    private final QuoteMetrics metrics;
    private final Clock clock;
    private final AtomicLong lastFailureLog = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unloggedFailures = new AtomicLong();

    QuotePublisher(QuoteValidator validator, RecordSender sender, QuoteMetrics metrics, Clock clock) {
        this.validator = validator;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Validates the quote and writes it to the quotes topic or, with the reasons, to the dead-letter topic.
     *
     * @param feed the adapter the quote came through ({@code simulator}, {@code http}, ...): the metrics tag
     *             and the dead letter's source, whatever the quote's own {@code source} field says
     */
    public CompletableFuture<PublishResult> publish(String feed, Quote quote) {
        return publish(feed, quote, null);
    }

    /**
     * As {@link #publish(String, Quote)}, for a quote caused by a request.
     *
     * @param requestId the request's id, written as the {@value RecordHeaders#REQUEST_ID} header of the quote
     *                  or its dead letter so that consumers can log it; null for none
     */
    public CompletableFuture<PublishResult> publish(String feed, Quote quote, String requestId) {
        Objects.requireNonNull(feed, "feed");
        List<String> problems = validator.problems(quote);
        if (!problems.isEmpty()) {
            String payload = new String(QUOTES.serialize(Topics.QUOTES_DLQ.name(), quote), StandardCharsets.UTF_8);
            return reject(feed, quote.symbol(), payload, problems, requestId);
        }
        // The record carries the trade's own time, so that consumers reading record timestamps see event time.
        byte[] value = QUOTES.serialize(Topics.QUOTES.name(), quote);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.QUOTES.name(), null,
                quote.timestamp().toEpochMilli(), quote.symbol(), value);
        RecordHeaders.put(record.headers(), RecordHeaders.REQUEST_ID, requestId);
        return send(feed, Outcome.ACCEPTED, record, List.of());
    }

    /**
     * Writes input that never became a valid quote (malformed JSON, a missing field) to the dead-letter
     * topic.
     *
     * @param key     the symbol when known, else null to key the dead letter by the feed
     * @param payload the input as received
     * @param reasons why it was rejected, at least one
     */
    public CompletableFuture<PublishResult> reject(String feed, String key, String payload, List<String> reasons) {
        return reject(feed, key, payload, reasons, null);
    }

    /**
     * As {@link #reject(String, String, String, List)}, for input that came with a request.
     *
     * @param requestId the request's id, written as the {@value RecordHeaders#REQUEST_ID} header; null for none
     */
    public CompletableFuture<PublishResult> reject(String feed, String key, String payload, List<String> reasons,
                                                   String requestId) {
        Objects.requireNonNull(feed, "feed");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        DeadLetter letter = new DeadLetter(feed, reasons, payload, clock.instant());
        // No record timestamp: a rejected quote's own time may be far in the future, which the broker refuses.
        String recordKey = key == null || key.isBlank() ? feed : key;
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.QUOTES_DLQ.name(), recordKey,
                DEAD_LETTERS.serialize(Topics.QUOTES_DLQ.name(), letter));
        RecordHeaders.put(record.headers(), RecordHeaders.DLQ_REASON, reasons.getFirst());
        RecordHeaders.put(record.headers(), RecordHeaders.DLQ_SOURCE, feed);
        RecordHeaders.put(record.headers(), RecordHeaders.REQUEST_ID, requestId);
        return send(feed, Outcome.REJECTED, record, reasons);
    }

    private CompletableFuture<PublishResult> send(String feed, Outcome outcome,
                                                  ProducerRecord<String, byte[]> record, List<String> reasons) {
        return sender.send(record).handle((metadata, error) -> {
            if (error != null) {
                metrics.count(feed, Outcome.FAILED);
                PublishException failure = new PublishException("cannot write " + outcome.tag() + " quote "
                        + record.key() + " from " + feed + " to " + record.topic() + ": " + error, error);
                logFailure(failure);
                throw failure;
            }
            metrics.count(feed, outcome);
            log.debug("Quote {} from {} {} at {}-{}@{}", record.key(), feed, outcome.tag(), metadata.topic(),
                    metadata.partition(), metadata.offset());
            return result(metadata, reasons);
        });
    }

    private static PublishResult result(RecordMetadata metadata, List<String> reasons) {
        return new PublishResult(metadata.topic(), metadata.partition(), metadata.offset(), reasons);
    }

    private void logFailure(PublishException failure) {
        long now = clock.millis();
        long last = lastFailureLog.get();
        boolean due = last == Long.MIN_VALUE || now - last >= FAILURE_LOG_INTERVAL.toMillis();
        if (due && lastFailureLog.compareAndSet(last, now)) {
            log.warn("{} (and {} more failed sends since the previous warning)", failure.getMessage(),
                    unloggedFailures.getAndSet(0), failure.getCause());
        } else {
            unloggedFailures.incrementAndGet();
            log.debug("{}", failure.getMessage(), failure.getCause());
        }
    }
}
