package io.mystocks.load.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per request name and in total: counts, failures, response-time distribution, and the failure messages,
 * gathered from the requests of a simulation log.
 */
public final class RunStats implements SimulationLog.Listener {
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Endpoint total = new Endpoint("Total");
    private final Map<String, Long> errors = new HashMap<>();
    private int firstStart = Integer.MAX_VALUE;
    private int lastEnd = Integer.MIN_VALUE;

    @Override
    public void userStarted(int time) {
        // the per-endpoint figures need only the requests
    }

    @Override
    public void request(SimulationLog.Request request) {
        endpoints.computeIfAbsent(request.name(), Endpoint::new).add(request);
        total.add(request);
        if (!request.ok()) {
            errors.merge(request.name() + ": " + request.message(), 1L, Long::sum);
        }
        firstStart = Math.min(firstStart, request.start());
        lastEnd = Math.max(lastEnd, request.end());
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    public Endpoint total() {
        return total;
    }

    /** Failure messages by request name, most frequent first. */
    public List<Map.Entry<String, Long>> errors() {
        return errors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** Seconds from the first request's start to the last one's end. */
    public double seconds() {
        return total.count() == 0 ? 0 : Math.max(1, lastEnd - firstStart) / 1000.0;
    }

    /** Requests per second over {@link #seconds()}. */
    public double throughput(Endpoint endpoint) {
        double seconds = seconds();
        return seconds == 0 ? 0 : endpoint.count() / seconds;
    }

    /** The figures of one request name. */
    public static final class Endpoint {
        private final String name;
        private final LatencyHistogram times = new LatencyHistogram();
        private long failures;

        Endpoint(String name) {
            this.name = name;
        }

        void add(SimulationLog.Request request) {
            times.record(request.responseTime());
            if (!request.ok()) {
                failures++;
            }
        }

        public String name() {
            return name;
        }

        public long count() {
            return times.count();
        }

        public long failures() {
            return failures;
        }

        public LatencyHistogram times() {
            return times;
        }
    }
}
