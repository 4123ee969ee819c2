package io.mystocks.indicators.topology;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.RecordHeaders;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;

/** Dead-letter records for quotes and backfilled bars the processor rejects, ready for the dead-letter sink. */
final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * @param source   the record's {@code topic/partition/offset}
     * @param reasons  why it was rejected, at least one
     * @param rejected the rejected quote or bar, or null for an empty record
     */
    static Record<String, DeadLetter> of(String key, String source, List<String> reasons, Object rejected,
                                         Instant rejectedAt) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a dead letter needs at least one reason");
        }
        String payload = rejected == null ? "" : Json.mapper().writeValueAsString(rejected);
        DeadLetter letter = new DeadLetter(source, reasons, payload, rejectedAt);
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        RecordHeaders.put(headers, RecordHeaders.DLQ_SOURCE, source);
        RecordHeaders.put(headers, RecordHeaders.DLQ_REASON, reasons.getFirst());
        return new Record<>(key, letter, rejectedAt.toEpochMilli(), headers);
    }
}
