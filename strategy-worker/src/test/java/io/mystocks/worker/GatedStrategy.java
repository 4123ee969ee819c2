package io.mystocks.worker;

import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyDescriptor;
import io.mystocks.worker.strategy.StrategyRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strategy that holds each job at a gate until the test lets it through, so that a test knows a job
 * is mid-run when it acts, without timing anything. It reports progress before the gate (0.1) and after
 * it (0.9), which are the points where a cancel request is seen, and counts the runs that got to the
 * end by the job id given as parameter {@code job}. One instance may serve several workers in one JVM.
 */
final class GatedStrategy implements Strategy {
    static final String ID = "gated";

    private final Semaphore permits = new Semaphore(0);
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();

    /** Lets {@code jobs} more runs through the gate. */
    void open(int jobs) {
        permits.release(jobs);
    }

    /** How many runs of the job got through the gate and returned a result. */
    int completions(String jobId) {
        AtomicInteger count = completed.get(jobId);
        return count == null ? 0 : count.get();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return new StrategyDescriptor(ID, "Gated test strategy", "test", "waits for the test to open its gate",
                List.of(), List.of("test"));
    }

    @Override
    public StrategyRun plan(Map<String, Object> params) {
        String jobId = String.valueOf(params.get("job"));
        return (market, progress) -> {
            progress.report(0.1, "waiting at the gate");
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("stopped at the gate");
            }
            progress.report(0.9, "through the gate");
            completed.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
            return Map.of("job", jobId);
        };
    }
}
