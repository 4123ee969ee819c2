package io.mystocks.bench.api;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Every recorded answer's latency by route, and what failed. Used from the load's one thread only. */
final class ReadMixRecorder {
    private final long[][] latencies = new long[ReadMix.routes()][];
    private final int[] counts = new int[ReadMix.routes()];
    private final int[] failures = new int[ReadMix.routes()];
    private final Map<String, Integer> reasons = new TreeMap<>();

    ReadMixRecorder() {
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = new long[1024];
        }
    }

    void record(int route, long nanos, boolean ok, int status) {
        if (counts[route] == latencies[route].length) {
            latencies[route] = Arrays.copyOf(latencies[route], counts[route] * 2);
        }
        latencies[route][counts[route]++] = nanos;
        if (!ok) {
            failures[route]++;
            reasons.merge(status >= 200 && status < 300 ? "2xx without success: true" : "status " + status, 1,
                    Integer::sum);
        }
    }

    void failed(int route, String reason) {
        failures[route]++;
        reasons.merge(reason, 1, Integer::sum);
    }

    int count(int route) {
        return counts[route];
    }

    int failures(int route) {
        return failures[route];
    }

    /** The route's latencies in nanoseconds, sorted. */
    long[] sorted(int route) {
        long[] sorted = Arrays.copyOf(latencies[route], counts[route]);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Every route's latencies together, sorted. */
    long[] sortedAll() {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int route = 0; route < counts.length; route++) {
            System.arraycopy(latencies[route], 0, all, at, counts[route]);
            at += counts[route];
        }
        Arrays.sort(all);
        return all;
    }

    Map<String, Integer> reasons() {
        return reasons;
    }
}
