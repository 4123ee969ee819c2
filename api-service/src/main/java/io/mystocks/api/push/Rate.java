package io.mystocks.api.push;

import java.util.concurrent.atomic.LongAdder;

/**
 * Events per second as a one-minute exponentially weighted moving average, the load average's way:
 * counted with a {@link LongAdder} on the hot path, folded in by the sweeper's ticks.
 */
final class Rate {
    private static final double WINDOW_MILLIS = 60_000;

    private final LongAdder count = new LongAdder();
    private long total;
    private volatile double perSecond;
    private boolean started;

    void add(long events) {
        count.add(events);
    }

    /** Folds in what was counted over the last {@code elapsedMillis}; one thread ticks. */
    void tick(long elapsedMillis) {
        long events = count.sumThenReset();
        total += events;
        if (elapsedMillis <= 0) {
            return;
        }
        double instant = events * 1000.0 / elapsedMillis;
        if (!started) {
            perSecond = instant;
            started = true;
            return;
        }
        double alpha = 1 - Math.exp(-elapsedMillis / WINDOW_MILLIS);
        perSecond = perSecond + alpha * (instant - perSecond);
    }

    double perSecond() {
        return perSecond;
    }

    /** Everything counted, ticked or not. */
    long total() {
        return total + count.sum();
    }
}
