package io.mystocks.worker.screen;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result document of a screen, stored as the job's result.
 *
 * @param kind         always {@code screen}
 * @param asOf         when the screen ran
 * @param params       the parameters as applied, defaults included
 * @param universeSize how many listed instruments the worker knew
 * @param evaluated    how many of them had the screen's input (fundamentals, or closed daily bars) and were
 *                     scored
 * @param skipped      how many were skipped for want of that input
 * @param matched      how many scored at least {@code min_score}, before the {@code top_n} cut
 * @param items        the best matches, by score descending, then symbol
 */
public record ScreenResult(String strategyId, String kind, Instant asOf, Map<String, Object> params,
                           int universeSize, int evaluated, int skipped, int matched, List<Item> items) {
    public static final String KIND = "screen";

    public ScreenResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        items = List.copyOf(items);
    }

    /**
     * One match.
     *
     * @param rank  1 for the best
     * @param parts how the score was made, by part name
     * @param price the latest traded price, or null when no quote has been seen
     */
    public record Item(int rank, String symbol, String name, String sector, double score, Map<String, Part> parts,
                       BigDecimal price) {
    }
}
