package io.mystocks.load.report;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongBinaryOperator;

/**
 * Counts of whole milliseconds, exact up to a minute: Gatling records times in milliseconds, so percentiles
 * taken from these counts are the exact nearest-rank percentiles of the recorded times. Longer times are
 * counted in the last bucket and still raise the maximum. Safe for concurrent recording.
 */
public final class LatencyHistogram {
    static final int MAX_TRACKED_MILLIS = 60_000;

    private static final LongBinaryOperator MAX = Math::max;

    private final AtomicLongArray counts = new AtomicLongArray(MAX_TRACKED_MILLIS + 1);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one time; a negative one (clocks a millisecond apart) counts as zero. */
    public void record(long millis) {
        long value = Math.max(0, millis);
        counts.incrementAndGet((int) Math.min(value, MAX_TRACKED_MILLIS));
        count.incrementAndGet();
        sum.addAndGet(value);
        max.accumulateAndGet(value, MAX);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i <= MAX_TRACKED_MILLIS; i++) {
            long n = other.counts.get(i);
            if (n != 0) {
                counts.addAndGet(i, n);
            }
        }
        count.addAndGet(other.count());
        sum.addAndGet(other.sum.get());
        max.accumulateAndGet(other.max(), MAX);
    }

    public long count() {
        return count.get();
    }

    public long max() {
        return max.get();
    }

    public double mean() {
        long n = count.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    /** The nearest-rank percentile in milliseconds (0 when empty); {@code p} from 0 to 100. */
    public long percentile(double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, not " + p);
        }
        long n = count.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100 * n));
        long seen = 0;
        for (int i = 0; i <= MAX_TRACKED_MILLIS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i == MAX_TRACKED_MILLIS ? max.get() : i;
            }
        }
        return max.get();
    }

    /** The non-empty buckets as {@code millis:count,...}, for a metrics file. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= MAX_TRACKED_MILLIS; i++) {
            long n = counts.get(i);
            if (n != 0) {
                text.append(text.isEmpty() ? "" : ",").append(i).append(':').append(n);
            }
        }
        return text.toString();
    }

    /** The reverse of {@link #encode()}; the maximum is the largest bucket's lower bound. */
    public static LatencyHistogram decode(String text) {
        LatencyHistogram histogram = new LatencyHistogram();
        if (text == null || text.isBlank()) {
            return histogram;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("not a millis:count pair: '" + pair + "'");
            }
            int millis = Integer.parseInt(pair.substring(0, colon).trim());
            long n = Long.parseLong(pair.substring(colon + 1).trim());
            histogram.counts.addAndGet(Math.min(millis, MAX_TRACKED_MILLIS), n);
            histogram.count.addAndGet(n);
            histogram.sum.addAndGet(millis * n);
            histogram.max.accumulateAndGet(millis, MAX);
        }
        return histogram;
    }
}
