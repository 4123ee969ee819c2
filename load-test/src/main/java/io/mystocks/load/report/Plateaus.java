package io.mystocks.load.report;

import io.mystocks.load.SaturationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saturation run judged plateau by plateau. Times count from the first arrival, which is where the
 * injection plan starts; a request belongs to the plateau whose steady part (the plateau without its first
 * settle seconds, so that the ramp before it and the backlog it left are out) contains its start.
 */
public final class Plateaus implements SimulationLog.Listener {
    private final SaturationPlan plan;
    private final List<Result> results = new ArrayList<>();
    private int injectionStart = -1;

    public Plateaus(SaturationPlan plan) {
        this.plan = plan;
        plan.levels().forEach(level -> results.add(new Result(level, plan)));
    }

    @Override
    public void userStarted(int time) {
        if (injectionStart < 0 || time < injectionStart) {
            injectionStart = time;
        }
    }

    @Override
    public void request(SimulationLog.Request request) {
        if (injectionStart < 0) {
            return;
        }
        long offset = request.start() - injectionStart;
        for (Result result : results) {
            if (result.steadyContains(offset)) {
                result.add(request);
                return;
            }
        }
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public SaturationPlan plan() {
        return plan;
    }

    /**
     * The highest plateau held with every plateau below it held too: the rate the API sustains before it
     * first misses the limits. Empty when the first plateau already failed.
     */
    public Optional<Result> highestHeld() {
        Result best = null;
        for (Result result : results) {
            if (!result.held()) {
                break;
            }
            best = result;
        }
        return Optional.ofNullable(best);
    }

    /** One plateau's figures over its steady part. */
    public static final class Result {
        private final SaturationPlan.Level level;
        private final long steadyFrom;
        private final long steadyTo;
        private final int p99Limit;
        private final LatencyHistogram times = new LatencyHistogram();
        private long failures;

        Result(SaturationPlan.Level level, SaturationPlan plan) {
            this.level = level;
            this.steadyFrom = level.start().plus(plan.settle()).toMillis();
            this.steadyTo = level.end().toMillis();
            this.p99Limit = plan.p99LimitMillis();
        }

        boolean steadyContains(long offset) {
            return offset >= steadyFrom && offset < steadyTo;
        }

        void add(SimulationLog.Request request) {
            times.record(request.responseTime());
            if (!request.ok()) {
                failures++;
            }
        }

        public SaturationPlan.Level level() {
            return level;
        }

        public double achievedRate() {
            return times.count() / ((steadyTo - steadyFrom) / 1000.0);
        }

        public long failures() {
            return failures;
        }

        public LatencyHistogram times() {
            return times;
        }

        public boolean reachedRate() {
            return achievedRate() >= level.targetRate() * SaturationPlan.MIN_ACHIEVED_SHARE;
        }

        /** Enough arrivals, none failed, and the 99th percentile under the limit. */
        public boolean held() {
            return times.count() > 0 && reachedRate() && failures == 0 && times.percentile(99) < p99Limit;
        }

        /** Why the plateau was not held, or "held". */
        public String verdict() {
            if (times.count() == 0) {
                return "no requests";
            }
            List<String> misses = new ArrayList<>();
            if (!reachedRate()) {
                misses.add("rate below 95 % of target");
            }
            if (failures > 0) {
                misses.add(failures + " failed");
            }
            if (times.percentile(99) >= p99Limit) {
                misses.add("p99 >= " + p99Limit + " ms");
            }
            return misses.isEmpty() ? "held" : String.join(", ", misses);
        }
    }
}
