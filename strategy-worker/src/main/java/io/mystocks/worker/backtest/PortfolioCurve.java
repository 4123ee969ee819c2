package io.mystocks.worker.backtest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Sums the equity curves of the symbols' shares into one portfolio curve with a point per trading day
 * seen in any of them. A share without a bar on a day counts with its last equity (before its first bar,
 * its allocation); several bars of one day count with the last. Cash left over when the capital did not
 * split evenly into cents is added as it is. Days are merged as epoch-day numbers, which sort cheaply.
 */
final class PortfolioCurve {

    private PortfolioCurve() {
    }

    static Curve combine(List<LocalDate[]> days, List<double[]> equity, double allocation, double unallocated) {
        if (days.size() == 1 && strictlyIncreasing(days.getFirst())) {
            double[] total = equity.getFirst().clone();
            for (int t = 0; t < total.length; t++) {
                total[t] += unallocated;
            }
            return new Curve(days.getFirst(), total);
        }
        long[][] epochDays = days.stream().map(PortfolioCurve::epochDays).toArray(long[][]::new);
        long[] merged = union(epochDays);
        double[] total = new double[merged.length];
        Arrays.fill(total, unallocated);
        for (int s = 0; s < epochDays.length; s++) {
            add(epochDays[s], equity.get(s), allocation, merged, total);
        }
        return new Curve(Arrays.stream(merged).mapToObj(LocalDate::ofEpochDay).toArray(LocalDate[]::new), total);
    }

    /** One bar a day: the share's own curve is the portfolio's, and nothing needs merging. */
    private static boolean strictlyIncreasing(LocalDate[] days) {
        for (int i = 1; i < days.length; i++) {
            if (!days[i].isAfter(days[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static long[] epochDays(LocalDate[] days) {
        long[] epochDays = new long[days.length];
        for (int i = 0; i < days.length; i++) {
            epochDays[i] = days[i].toEpochDay();
        }
        return epochDays;
    }

    /** The distinct days of all shares, in order. */
    private static long[] union(long[][] days) {
        long[] all = Arrays.stream(days).flatMapToLong(Arrays::stream).toArray();
        if (days.length > 1) {
            Arrays.sort(all);
        }
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    private static void add(long[] days, double[] equity, double allocation, long[] merged, double[] total) {
        int next = 0;
        double value = allocation;
        for (int t = 0; t < merged.length; t++) {
            while (next < days.length && days[next] <= merged[t]) {
                value = equity[next++];
            }
            total[t] += value;
        }
    }

    record Curve(LocalDate[] days, double[] equity) {
    }
}
