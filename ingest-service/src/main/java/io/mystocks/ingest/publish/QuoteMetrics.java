package io.mystocks.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every quote once, by feed and by what became of it, as the Micrometer counter
 * {@value #METER} tagged {@code outcome} and {@code source}; and logs a periodic summary of the counts.
 * Feed names are chosen by this service's own adapters, never taken from a payload, so the tag values
 * stay few.
 */
public final class QuoteMetrics {
    static final String METER = "mystocks.ingest.quotes";

    private static final Logger log = LoggerFactory.getLogger(QuoteMetrics.class);

    /** What became of a quote. */
    enum Outcome {
        /** Valid, and written to the quotes topic. */
        ACCEPTED,
        /** Invalid, and written to the dead-letter topic. */
        REJECTED,
        /** Not written at all: Kafka did not acknowledge it. */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Key(String feed, Outcome outcome) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Long> lastSummary = new HashMap<>();

    QuoteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String feed, Outcome outcome) {
        counters.computeIfAbsent(new Key(feed, outcome), key -> Counter.builder(METER)
                .description("Quotes received by the ingest service, by what became of them")
                .tag("outcome", key.outcome().tag())
                .tag("source", key.feed())
                .register(registry)).increment();
    }

    /** The count of one feed and outcome since start. */
    long total(String feed, Outcome outcome) {
        Counter counter = counters.get(new Key(feed, outcome));
        return counter == null ? 0 : (long) counter.count();
    }

    /** Logs the counts since the previous summary, per outcome and per feed. Called from one thread. */
    public synchronized void logSummary() {
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        StringJoiner feeds = new StringJoiner(", ");
        Map<String, Map<Outcome, Long>> byFeed = new HashMap<>();
        counters.forEach((key, counter) -> {
            long now = (long) counter.count();
            long delta = now - lastSummary.getOrDefault(key, 0L);
            lastSummary.put(key, now);
            totals.merge(key.outcome(), delta, Long::sum);
            byFeed.computeIfAbsent(key.feed(), feed -> new EnumMap<>(Outcome.class)).merge(key.outcome(), delta,
                    Long::sum);
        });
        byFeed.forEach((feed, counts) -> feeds.add(feed + " " + describe(counts)));
        log.info("Quotes since the last summary: {} [{}]", describe(totals), feeds);
    }

    private static String describe(Map<Outcome, Long> counts) {
        StringJoiner text = new StringJoiner(", ");
        for (Outcome outcome : Outcome.values()) {
            text.add(counts.getOrDefault(outcome, 0L) + " " + outcome.tag());
        }
        return text.toString();
    }
}
