package io.mystocks.ingest.backfill;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the backfill's writes over time at a bounded number of bars per second.
 *
 * <p>Why: the Streams application reads the backfill and the live quotes of a symbol in the same task, and a
 * task takes the record with the oldest timestamp first. Written at full speed, the whole history carries
 * the timestamps of a few seconds, and every live quote of the following minute or two waits behind it. At a
 * pace below what the Streams application merges, the two interleave and quotes stay current while the
 * history fills in.
 */
final class BackfillPace {
    private final double barsPerSecond;
    private final Clock clock;
    private long startMillis = -1;
    private long admitted;

    /** @param barsPerSecond at most this many bars a second; 0 for no limit */
    BackfillPace(double barsPerSecond, Clock clock) {
        if (barsPerSecond < 0 || Double.isNaN(barsPerSecond)) {
            throw new IllegalArgumentException("bars per second must be 0 (no limit) or positive, was "
                    + barsPerSecond);
        }
        this.barsPerSecond = barsPerSecond;
        this.clock = clock;
    }

    /** Waits until {@code bars} more bars fit the pace, then counts them as written. */
    void admit(int bars) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(delayFor(bars));
    }

    /** How long to wait before {@code bars} more bars may go, counting them as written. */
    long delayFor(int bars) {
        long now = clock.millis();
        if (startMillis < 0) {
            startMillis = now;
        }
        long due = barsPerSecond == 0 ? now : startMillis + (long) (admitted * 1000 / barsPerSecond);
        admitted += bars;
        return Math.max(0, due - now);
    }
}
