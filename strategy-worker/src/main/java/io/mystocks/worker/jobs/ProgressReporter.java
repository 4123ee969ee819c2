package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobState;
import io.mystocks.worker.strategy.Progress;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a running job's progress in steps of at least a tenth, so that a fast strategy does not flood
 * Redis. Once closed (the attempt ended, timed out or was cancelled) it stores nothing more, so a late
 * report can never overwrite a terminal state, and it stops the strategy at its next report.
 */
final class ProgressReporter implements Progress {
    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final double STEP = 0.1;

    private final JobStore store;
    private final Duration retention;
    private JobState state;
    private double stored;
    private boolean closed;

    ProgressReporter(JobStore store, JobState running, Duration retention) {
        this.store = store;
        this.state = running;
        this.retention = retention;
        this.stored = running.progress();
    }

    @Override
    public synchronized void report(double fraction, String what) {
        if (closed || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("job " + state.jobId() + " was stopped");
        }
        double clamped = Math.clamp(fraction, 0.0, 1.0);
        if (clamped - stored < STEP) {
            return;
        }
        stored = clamped;
        state = state.progressed(clamped, what);
        try {
            store.write(state, retention);
        } catch (RuntimeException e) {
            // Progress is a courtesy: losing one update must not fail the job.
            log.warn("Could not store the progress of job {}: {}", state.jobId(), e.toString());
        }
    }

    synchronized void close() {
        closed = true;
    }
}
