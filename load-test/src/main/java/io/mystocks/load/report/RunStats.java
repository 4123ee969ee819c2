package io.mystocks.load.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per request name and in total: counts, failures, response-time distribution, and the failure messages,
 * gathered from the requests of a simulation log. Requests in the {@link #WARM_UP_GROUP} group are only
 * counted as the warm-up: they ran before the recorded run to warm the load generator and the server up.
 */
public final class RunStats implements SimulationLog.Listener {
    /** The Gatling group of a warm-up phase's requests; no figure but the warm-up's own includes them. */
    public static final String WARM_UP_GROUP = "warm-up";
    /**
     * A recorded user starts at most this long before its first request (its first action is a request);
     * the warm-up's users all started a whole phase earlier.
     */
    private static final int USER_START_SLACK_MILLIS = 1_000;

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<Integer> userStarts = new ArrayList<>();
    private long warmUpRequests;
    private int warmUpStart = Integer.MAX_VALUE;
    private int warmUpEnd = Integer.MIN_VALUE;
    private final Endpoint total = new Endpoint("Total");
    private final Map<String, Long> errors = new HashMap<>();
    private int firstStart = Integer.MAX_VALUE;
    private int lastEnd = Integer.MIN_VALUE;

    @Override
    public void userStarted(int time) {
        userStarts.add(time);
    }

    @Override
    public void request(SimulationLog.Request request) {
        if (request.inGroup(WARM_UP_GROUP)) {
            warmUpRequests++;
            warmUpStart = Math.min(warmUpStart, request.start());
            warmUpEnd = Math.max(warmUpEnd, request.end());
            return;
        }
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

    /** Users of the recorded run: those that started with or after its first request, not the warm-up's. */
    public long users() {
        if (warmUpRequests == 0 || total.count() == 0) {
            return userStarts.size();
        }
        return userStarts.stream().filter(time -> time >= firstStart - USER_START_SLACK_MILLIS).count();
    }

    /** Requests of the warm-up phase, none when the run had none. */
    public long warmUpRequests() {
        return warmUpRequests;
    }

    /** Seconds from the warm-up's first request's start to its last one's end. */
    public double warmUpSeconds() {
        return warmUpRequests == 0 ? 0 : Math.max(1, warmUpEnd - warmUpStart) / 1000.0;
    }

    /** Milliseconds since the run's start of the first recorded request's start, 0 without requests. */
    public int firstStartMillis() {
        return total.count() == 0 ? 0 : firstStart;
    }

    /** Milliseconds since the run's start of the last recorded request's end, 0 without requests. */
    public int lastEndMillis() {
        return total.count() == 0 ? 0 : lastEnd;
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
