package io.mystocks.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A record that could not be accepted, with why. Written to a dead-letter topic so that nothing is
 * dropped silently; the original bytes are kept as text so that it can be inspected and replayed.
 *
 * @param source   where it came from: a feed name, or {@code topic/partition/offset} for a record
 * @param reasons  every rule it broke, each a sentence a person can act on
 * @param payload  the original record as text
 */
public record DeadLetter(String source, List<String> reasons, String payload, Instant rejectedAt) {
    public DeadLetter {
        reasons = List.copyOf(reasons);
    }
}
