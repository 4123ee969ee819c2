package io.mystocks.load;

import java.util.Arrays;
import java.util.Optional;

/**
 * The endpoints of the old service's load test, named as its report names them, with that report's figures
 * (Locust 2.42.6, 500 users, 60 s, against the FastAPI service). Requests are named by these labels so that
 * Gatling's report and the summary group them the same way and set them side by side.
 */
public enum Route {
    ROOT("/", false, 2_652, 141, 250, 290),
    HEALTH("/health", false, 4_138, 140, 250, 300),
    CSRF_TOKEN("/api/csrf-token", false, 2_868, 143, 250, 290),
    STOCK("/api/data/stock/{symbol}", false, 7_270, 142, 250, 280),
    KLINE("/api/data/kline/{symbol}", false, 4_357, 142, 240, 270),
    REALTIME("/api/data/realtime/{symbol}", false, 2_969, 144, 250, 280),
    BATCH_REALTIME("/api/data/batch-realtime", false, 1_456, 143, 250, 270),
    INDICATOR("/api/indicators/{symbol}/{indicator}", false, 7_926, 143, 250, 280),
    INDICATORS_ALL("/api/indicators/{symbol}/all", false, 5_431, 143, 250, 280),
    TECHNICAL_ANALYSIS("/api/technical-analysis/{symbol}", false, 2_653, 144, 250, 300),
    CACHE_STATS("/api/cache/stats", false, 8_011, 141, 250, 290),
    CACHE_INFO("/api/cache/info", false, 5_345, 141, 240, 270),
    CACHE_CLEAR("/api/cache (DELETE)", true, 2_695, 142, 250, 290),
    STRATEGIES("/api/strategies", false, 6_019, 143, 250, 280),
    STRATEGY_EXECUTE("/api/strategy/execute (POST)", true, 1_948, 143, 250, 280),
    STRATEGY_RESULT("/api/strategy/{strategy_id}/result", false, 1_948, 143, 250, 280);

    /** The seed run as a whole: its report's summary table. */
    public static final Baseline SEED = new Baseline(72_381, 0, 1_206.38, 142.65, 250, 300, 500, 60);

    private final String label;
    private final boolean changesState;
    private final int seedRequests;
    private final int seedMeanMillis;
    private final int seedP95Millis;
    private final int seedP99Millis;

    Route(String label, boolean changesState, int seedRequests, int seedMeanMillis, int seedP95Millis,
          int seedP99Millis) {
        this.label = label;
        this.changesState = changesState;
        this.seedRequests = seedRequests;
        this.seedMeanMillis = seedMeanMillis;
        this.seedP95Millis = seedP95Millis;
        this.seedP99Millis = seedP99Millis;
    }

    /** The request name in Gatling's report: the route template, with the method when it is not GET. */
    public String label() {
        return label;
    }

    /** Whether the request needs a CSRF token: it is not part of the read-only saturation mix. */
    public boolean changesState() {
        return changesState;
    }

    public int seedRequests() {
        return seedRequests;
    }

    public int seedMeanMillis() {
        return seedMeanMillis;
    }

    public int seedP95Millis() {
        return seedP95Millis;
    }

    public int seedP99Millis() {
        return seedP99Millis;
    }

    public static Optional<Route> byLabel(String label) {
        return Arrays.stream(values()).filter(route -> route.label.equals(label)).findFirst();
    }

    /**
     * Totals of a run as the seed report gives them.
     *
     * @param requestsPerSecond mean throughput over the run
     * @param meanMillis        mean response time
     */
    public record Baseline(long requests, long failures, double requestsPerSecond, double meanMillis,
                           int p95Millis, int p99Millis, int users, int durationSeconds) {
    }
}
