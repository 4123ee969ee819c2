package io.mystocks.load;

import java.time.Duration;

/**
 * The end of a closed-workload run, counted from the first user's start: users keep working while it is
 * open, so the whole run, ramp included, lasts the configured duration as the seed's 60 s did.
 */
final class Deadline {
    private final long durationNanos;
    private long endNanos;
    private boolean started;

    Deadline(Duration duration) {
        this.durationNanos = duration.toNanos();
    }

    synchronized boolean open() {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            endNanos = now + durationNanos;
        }
        return now - endNanos < 0;
    }
}
