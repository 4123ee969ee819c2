package io.mystocks.indicators.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * When each forming bar of a stream task is due to be closed by the clock: {@code grace} after its
 * end, or {@code grace} after its last update when that came later. The second rule keeps a feed that
 * replays old quotes faster than real time from having its bars closed under it; for live quotes the
 * last update comes before the end and the bar closes at its end plus the grace.
 *
 * <p>It lives in memory and is rebuilt from the forming-bar store when a task starts.
 * Not thread-safe: one stream task owns it.
 */
final class CloseSchedule {
    private static final Comparator<Deadline> ORDER =
            Comparator.comparing(Deadline::at).thenComparing(Deadline::key);

    private final Duration grace;
    private final Map<String, Instant> deadlines = new HashMap<>();
    private final NavigableSet<Deadline> byTime = new TreeSet<>(ORDER);

    CloseSchedule(Duration grace) {
        this.grace = grace;
    }

    /** The bar of {@code key}, ending at {@code closeTime}, was opened or updated at {@code now}. */
    void touch(String key, Instant closeTime, Instant now) {
        Instant at = (now.isAfter(closeTime) ? now : closeTime).plus(grace);
        Instant previous = deadlines.put(key, at);
        if (at.equals(previous)) {
            // The usual case, a live quote inside its bar: the deadline stays, and so does its place in the order.
            return;
        }
        if (previous != null) {
            byTime.remove(new Deadline(previous, key));
        }
        byTime.add(new Deadline(at, key));
    }

    void cancel(String key) {
        Instant previous = deadlines.remove(key);
        if (previous != null) {
            byTime.remove(new Deadline(previous, key));
        }
    }

    /** Removes and returns the keys whose deadline is at or before {@code now}, earliest first. */
    List<String> takeDue(Instant now) {
        List<String> due = new ArrayList<>();
        while (!byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
            Deadline next = byTime.pollFirst();
            deadlines.remove(next.key());
            due.add(next.key());
        }
        return due;
    }

    void clear() {
        deadlines.clear();
        byTime.clear();
    }

    int size() {
        return deadlines.size();
    }

    private record Deadline(Instant at, String key) {
    }
}
