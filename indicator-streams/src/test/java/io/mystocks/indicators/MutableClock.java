package io.mystocks.indicators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that tests move by hand, and optionally a step further on every read. */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile Duration stepPerRead = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** From now on every read returns the time and then moves the clock by {@code step}: work takes time. */
    public void stepPerRead(Duration step) {
        stepPerRead = step;
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = read.plus(stepPerRead);
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
