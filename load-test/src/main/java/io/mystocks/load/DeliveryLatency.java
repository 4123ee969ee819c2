package io.mystocks.load;

import io.mystocks.load.report.LatencyHistogram;
import io.mystocks.load.report.RealtimeMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery latency of pushed quotes: the time an event is checked on arrival minus the quote's own
 * {@code timestamp}, the moment the feed produced it. It spans ingest, Kafka, the Streams application, the
 * API's read model and the push to the subscriber. The load generator runs on the same machine as the stack,
 * so both times come from one clock.
 */
final class DeliveryLatency {
    private final LatencyHistogram histogram = new LatencyHistogram();
    private final AtomicLong unreadable = new AtomicLong();

    /** Records the latency of an event with this quote timestamp; returns it in ms, or -1 if unreadable. */
    long record(String quoteTimestamp) {
        long received = System.currentTimeMillis();
        try {
            long latency = received - OffsetDateTime.parse(quoteTimestamp).toInstant().toEpochMilli();
            histogram.record(latency);
            return latency;
        } catch (DateTimeException e) {
            unreadable.incrementAndGet();
            return -1;
        }
    }

    void write(Path file, int subscribers) {
        try {
            new RealtimeMetrics(subscribers, histogram, histogram.max(), unreadable.get()).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery latency to " + file, e);
        }
    }
}
