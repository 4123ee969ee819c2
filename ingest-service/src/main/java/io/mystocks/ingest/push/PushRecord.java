package io.mystocks.ingest.push;

import io.mystocks.contracts.Quote;
import java.util.List;

/** One element of a pushed batch, read: a quote to publish, or input that never became one. */
sealed interface PushRecord {
    /** The element's position in the batch, from 0. */
    int index();

    /** Well-formed; the publisher still validates it against the universe, the clock and the price rules. */
    record Readable(int index, Quote quote) implements PushRecord {
    }

    /**
     * Not a quote: a field missing, of the wrong type or not a finite number.
     *
     * @param symbol  the element's symbol when it has one, to key the dead letter; else null
     * @param payload the element as JSON text
     * @param reasons every problem found, each naming its field
     */
    record Unreadable(int index, String symbol, String payload, List<String> reasons) implements PushRecord {
        public Unreadable {
            reasons = List.copyOf(reasons);
        }
    }
}
