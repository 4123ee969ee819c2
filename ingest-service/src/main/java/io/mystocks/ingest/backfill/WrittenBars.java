package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The backfill bars found on the topic, by the plan that wrote them, symbol and interval. Not thread-safe. */
final class WrittenBars {
    private final Map<String, Map<Series, Set<Instant>>> byPlan = new HashMap<>();

    /** One symbol's bars of one interval. */
    record Series(String symbol, Interval interval) {
    }

    static WrittenBars none() {
        return new WrittenBars();
    }

    void add(String planId, Bar bar) {
        byPlan.computeIfAbsent(planId, plan -> new HashMap<>())
                .computeIfAbsent(new Series(bar.symbol(), bar.interval()), series -> new HashSet<>())
                .add(bar.openTime());
    }

    /** Whether a bar of this plan, symbol, interval and open time is on the topic. */
    boolean contains(BackfillPlan plan, Bar bar) {
        return byPlan.getOrDefault(plan.id(), Map.of())
                .getOrDefault(new Series(bar.symbol(), bar.interval()), Set.of())
                .contains(bar.openTime());
    }

    /** How many bars of this plan are on the topic. */
    long count(BackfillPlan plan) {
        return byPlan.getOrDefault(plan.id(), Map.of()).values().stream().mapToLong(Set::size).sum();
    }

    /** The plan that wrote bars most recently by its as-of time, when any bars were found. */
    Optional<BackfillPlan> latestPlan() {
        return byPlan.keySet().stream()
                .map(BackfillPlan::parse)
                .flatMap(Optional::stream)
                .max(Comparator.comparing(BackfillPlan::asOf));
    }
}
