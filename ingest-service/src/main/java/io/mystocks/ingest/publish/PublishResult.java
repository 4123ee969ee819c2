package io.mystocks.ingest.publish;

import java.util.List;

/**
 * Where a quote went: to {@code market.quotes} when accepted, or to the dead-letter topic with the reasons
 * it was rejected. Either way the broker has acknowledged the record.
 *
 * @param reasons why the quote was rejected; empty when accepted
 */
public record PublishResult(String topic, int partition, long offset, List<String> reasons) {
    public PublishResult {
        reasons = List.copyOf(reasons);
    }

    public boolean accepted() {
        return reasons.isEmpty();
    }
}
