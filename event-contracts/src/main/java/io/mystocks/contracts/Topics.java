package io.mystocks.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic of the system. Records of market data are keyed so that one symbol always lands on
 * one partition: by symbol, or by a key that starts with {@code symbol|} and is partitioned on the
 * symbol alone.
 */
public final class Topics {
    /** Partitions of every symbol-keyed topic; one partition is the unit of Streams parallelism. */
    public static final int SYMBOL_PARTITIONS = 6;

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long FOREVER = -1;

    public static final TopicSpec QUOTES = new TopicSpec("market.quotes", SYMBOL_PARTITIONS, false, 7 * DAY,
            "symbol", "Quote", "validated quotes from every feed");
    public static final TopicSpec QUOTES_DLQ = new TopicSpec("market.quotes.dlq", 1, false, 14 * DAY,
            "symbol or feed", "DeadLetter", "rejected quotes with the reasons; never read by the pipeline");
    public static final TopicSpec BARS_BACKFILL = new TopicSpec("market.bars.backfill", SYMBOL_PARTITIONS, false,
            30 * DAY, "symbol", "Bar", "closed historical bars from a backfill, merged into bar history by the "
            + "Streams app, which republishes them on the interval topics");
    public static final TopicSpec QUOTES_LATEST = new TopicSpec("market.quotes.latest", SYMBOL_PARTITIONS, true,
            FOREVER, "symbol", "LatestQuote", "latest price and trading-day figures per symbol");
    public static final TopicSpec INDICATORS = new TopicSpec("analytics.indicators", SYMBOL_PARTITIONS, true,
            FOREVER, "symbol|interval", "IndicatorSnapshot", "latest indicator values per symbol and interval");
    public static final TopicSpec INSTRUMENTS = new TopicSpec("reference.instruments", SYMBOL_PARTITIONS, true,
            FOREVER, "symbol", "Instrument", "reference data of every listed symbol");
    public static final TopicSpec FUNDAMENTALS = new TopicSpec("reference.fundamentals", SYMBOL_PARTITIONS, true,
            FOREVER, "symbol", "Fundamentals", "fundamentals snapshot per symbol (sample data)");
    public static final TopicSpec JOBS = new TopicSpec("strategy.jobs", SYMBOL_PARTITIONS, false, 7 * DAY,
            "job id", "JobRequest", "strategy jobs waiting for a worker");
    public static final TopicSpec JOBS_DLQ = new TopicSpec("strategy.jobs.dlq", 1, false, 30 * DAY,
            "job id", "DeadLetter", "jobs that failed every attempt, with the error");
    public static final TopicSpec RESULTS = new TopicSpec("strategy.results", SYMBOL_PARTITIONS, true, FOREVER,
            "job id", "JobState", "terminal state and result of every job; Redis is rebuilt from it");

    private static final Map<Interval, TopicSpec> BARS = new EnumMap<>(Interval.class);

    static {
        for (Interval interval : Interval.values()) {
            BARS.put(interval, new TopicSpec("market.bars." + interval.topicSuffix(), SYMBOL_PARTITIONS, true,
                    barRetention(interval), "symbol|openTime", "Bar",
                    interval.code() + " bars, forming and closed; the last record of a key is final"));
        }
    }

    private Topics() {
    }

    public static TopicSpec bars(Interval interval) {
        return BARS.get(interval);
    }

    /** Every topic, in a stable order. */
    public static List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>(List.of(QUOTES, QUOTES_DLQ, BARS_BACKFILL, QUOTES_LATEST));
        all.addAll(BARS.values());
        all.addAll(List.of(INDICATORS, INSTRUMENTS, FUNDAMENTALS, JOBS, JOBS_DLQ, RESULTS));
        return List.copyOf(all);
    }

    /** Intraday bars are kept for weeks, calendar bars for ever (they are what backtests read). */
    private static long barRetention(Interval interval) {
        return switch (interval) {
            case M1 -> 14 * DAY;
            case M5, M15 -> 60 * DAY;
            case M30, H1 -> 365 * DAY;
            case D1, W1, MN1 -> FOREVER;
        };
    }
}
