package io.mystocks.ingest.replay;

import io.mystocks.contracts.Quote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays one {@link Tape} against the injected clock. Pure apart from the clock: the same tape, speed and clock
 * readings give the same quotes, whatever timer drives it. Not thread-safe: one timer thread calls it.
 *
 * <p>Timing: the tape's first print maps to the clock's instant when the session starts, and a print recorded
 * {@code d} after the first is due {@code d / speed} after that start, and is stamped with that due instant.
 * Quotes are therefore stamped with the time they are played, never in the future, spaced as recorded divided
 * by the speed. At speed 0 every print is due at once and stamped with the clock's reading when it is played.
 * A looping session starts its next pass one mean print spacing after the last print of the pass.
 */
final class ReplaySession {
    /** The feed name of replayed quotes. */
    static final String SOURCE = "replay";

    private final Tape tape;
    private final double speed;
    private final boolean loop;
    private final Clock clock;
    private final Duration passGap;
    private Instant passStart;
    private Instant lastStamp;
    private int cursor;
    private int passes;
    private long played;

    /**
     * @param speed recorded time per played time, or 0 for as fast as possible
     */
    ReplaySession(Tape tape, double speed, boolean loop, Clock clock) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 or positive, was " + speed);
        }
        this.tape = tape;
        this.speed = speed;
        this.loop = loop;
        this.clock = clock;
        this.passGap = passGap(tape, speed);
    }

    /** Maps the tape's first print to the clock's current instant. */
    void start() {
        passStart = clock.instant();
        lastStamp = passStart;
    }

    /** The quotes due by the clock's current instant, in order, at most {@code max}. */
    List<Quote> due(int max) {
        if (passStart == null) {
            start();
        }
        Instant now = clock.instant();
        List<Quote> quotes = new ArrayList<>();
        while (quotes.size() < max && !tape.prints().isEmpty()) {
            if (cursor == tape.prints().size()) {
                if (!loop) {
                    break;
                }
                nextPass();
            }
            Tape.Print print = tape.prints().get(cursor);
            Instant stamp = speed == 0 ? max(now, lastStamp) : dueAt(print);
            if (stamp.isAfter(now)) {
                break;
            }
            quotes.add(new Quote(print.symbol(), stamp, print.price(), print.volume(), print.amount(), SOURCE));
            lastStamp = stamp;
            cursor++;
            played++;
        }
        return quotes;
    }

    /** True once a session that does not loop has played every print. */
    boolean finished() {
        return !loop && cursor == tape.prints().size() || tape.prints().isEmpty();
    }

    long played() {
        return played;
    }

    /** How many passes over the tape have begun. */
    int passes() {
        return passStart == null ? 0 : passes + 1;
    }

    private Instant dueAt(Tape.Print print) {
        Duration recorded = Duration.between(tape.prints().getFirst().recordedAt(), print.recordedAt());
        return passStart.plusNanos((long) (recorded.toNanos() / speed));
    }

    private void nextPass() {
        passStart = speed == 0 ? lastStamp : dueAt(tape.prints().getLast()).plus(passGap);
        cursor = 0;
        passes++;
    }

    private static Duration passGap(Tape tape, double speed) {
        int count = tape.prints().size();
        if (count < 2 || speed == 0) {
            return Duration.ZERO;
        }
        Duration span = Duration.between(tape.prints().getFirst().recordedAt(), tape.prints().getLast().recordedAt());
        long gap = (long) (span.toNanos() / (count - 1) / speed);
        return Duration.ofNanos(Math.max(gap, 1_000_000));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
