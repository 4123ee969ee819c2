package io.mystocks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stepped arrival rates of the saturation run: {@code levels} plateaus from {@code startRate} to
 * {@code maxRate} requests per second, evenly spaced, each held for {@code levelSeconds} and joined by linear
 * ramps of {@code rampSeconds}. A plateau counts as held when, over its steady part (the plateau without its
 * first {@code settleSeconds}), the requests started reach 95 % of the target rate, none fails, and the 99th
 * percentile stays under {@code p99LimitMs}. The simulation injects this plan and the summary judges it, so
 * both read the same settings.
 */
public record SaturationPlan(double startRate, double maxRate, int levelCount, Duration level, Duration ramp,
                             Duration settle, int p99LimitMillis) {
    public static final String START_RATE = "startRate";
    public static final String MAX_RATE = "maxRate";
    public static final String LEVELS = "levels";
    public static final String LEVEL_SECONDS = "levelSeconds";
    public static final String RAMP_SECONDS = "rampSeconds";
    public static final String SETTLE_SECONDS = "settleSeconds";
    public static final String P99_LIMIT_MS = "p99LimitMs";

    /** Share of the target rate a plateau must reach: below it the generator, not the API, was the limit. */
    public static final double MIN_ACHIEVED_SHARE = 0.95;

    public SaturationPlan {
        if (maxRate < startRate) {
            throw new IllegalArgumentException(MAX_RATE + " " + maxRate + " is below " + START_RATE + " " + startRate);
        }
        if (settle.compareTo(level) >= 0) {
            throw new IllegalArgumentException(SETTLE_SECONDS + " must be shorter than " + LEVEL_SECONDS);
        }
    }

    public static SaturationPlan from(Settings settings) {
        return new SaturationPlan(settings.decimal(START_RATE, 1_000, 0.1), settings.decimal(MAX_RATE, 60_000, 0.1),
                settings.integer(LEVELS, 12, 1), settings.seconds(LEVEL_SECONDS, 15, 1),
                settings.seconds(RAMP_SECONDS, 5, 0), settings.seconds(SETTLE_SECONDS, 2, 0),
                settings.integer(P99_LIMIT_MS, 10, 1));
    }

    /** The plateaus in order, with their offsets from the start of injection. */
    public List<Level> levels() {
        List<Level> levels = new ArrayList<>(levelCount);
        double step = levelCount == 1 ? 0 : (maxRate - startRate) / (levelCount - 1);
        Duration offset = Duration.ZERO;
        for (int i = 0; i < levelCount; i++) {
            double rate = levelCount == 1 ? maxRate : startRate + i * step;
            levels.add(new Level(i + 1, rate, offset, level));
            offset = offset.plus(level).plus(ramp);
        }
        return levels;
    }

    /** Injection time from the first plateau's start to the last one's end. */
    public Duration duration() {
        return level.multipliedBy(levelCount).plus(ramp.multipliedBy(levelCount - 1L));
    }

    /**
     * One plateau.
     *
     * @param number     1 for the first
     * @param targetRate arrivals per second injected
     * @param start      offset from the start of injection
     */
    public record Level(int number, double targetRate, Duration start, Duration length) {
        public Duration end() {
            return start.plus(length);
        }
    }
}
