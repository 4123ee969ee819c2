package io.mystocks.ingest.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A replay file read into memory: the prints to play in order of their recorded time, and the rows that could
 * not be read, which go to the dead-letter topic once.
 */
record Tape(String location, List<Print> prints, List<Unreadable> unreadable) {
    Tape {
        prints = List.copyOf(prints);
        unreadable = List.copyOf(unreadable);
    }

    /** One quote to replay, at its recorded time. */
    record Print(Instant recordedAt, String symbol, BigDecimal price, long volume, BigDecimal amount) {
        Print {
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * A row that is not a quote or a bar.
     *
     * @param symbol  the row's symbol when known, to key the dead letter
     * @param payload where the row is and what it holds
     */
    record Unreadable(String symbol, String payload, List<String> reasons) {
        Unreadable {
            reasons = List.copyOf(reasons);
        }
    }
}
