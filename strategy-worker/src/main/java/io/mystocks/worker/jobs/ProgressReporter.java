package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.worker.strategy.Progress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a running job's progress in steps of at least a tenth, so that a fast strategy does not flood
 * Redis, and looks for a cancel request at the first report and at every step (at most eleven looks an
 * attempt, each step's look and write one call to the store); a request found stops the strategy with
 * {@link JobCancelledException}. Once closed (the attempt ended, timed out or was cancelled) it stores
 * nothing more, so a late report can never overwrite a terminal state, and it stops the strategy at its
 * next report.
 *
 * <p>Design note: nothing is stored or looked at until {@code interval} has passed since the last call to
 * the store (storing RUNNING, which also read the cancel request, is the first). Most jobs finish within
 * milliseconds: for them a progress step nobody could have seen, and a look for a cancel request made just
 * before, were two of five Redis calls. A long job still reports every tenth, at most once an interval, and
 * a cancel request reaches it within about one interval.
 */
final class ProgressReporter implements Progress {
    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
    private static final double STEP = 0.1;
    /** So that reports of exactly 0.1, 0.2, 0.3... each make a step despite binary fractions. */
    private static final double ROUNDING = 1e-9;

    private final JobStore store;
    private final Duration retention;
    private final Clock clock;
    private final Duration interval;
    private Instant lastCall;
    private JobState state;
    private double stored;
    private boolean checked;
    private boolean closed;

    /**
     * @param running  the state just stored, RUNNING
     * @param interval the least time between two calls to the store, counted from storing {@code running}
     */
    ProgressReporter(JobStore store, JobState running, Duration retention, Clock clock, Duration interval) {
        this.store = store;
        this.state = running;
        this.retention = retention;
        this.clock = clock;
        this.interval = interval;
        this.lastCall = clock.instant();
        this.stored = running.progress();
    }

    @Override
    public synchronized void report(double fraction, String what) {
        if (closed || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("job " + state.jobId() + " was stopped");
        }
        Instant now = clock.instant();
        if (now.isBefore(lastCall.plus(interval))) {
            return;
        }
        double clamped = Math.clamp(fraction, 0.0, 1.0);
        if (clamped - stored >= STEP - ROUNDING) {
            lastCall = now;
            checked = true;
            step(clamped, what);
        } else if (!checked) {
            lastCall = now;
            checked = true;
            cancelRequest().ifPresent(cancel -> {
                throw new JobCancelledException(cancel);
            });
        }
    }

    /** Stores the step, unless the job has a cancel request: that stops the strategy instead. */
    private void step(double fraction, String what) {
        JobState next = state.progressed(fraction, what);
        Optional<JobCancel> cancel;
        try {
            cancel = store.progress(EncodedState.of(next), retention);
        } catch (RuntimeException e) {
            // Progress is a courtesy, and unreadable means not cancelled yet: the next step looks again.
            log.warn("Could not store the progress of job {}: {}", state.jobId(), e.toString());
            cancel = Optional.empty();
        }
        if (cancel.isPresent()) {
            throw new JobCancelledException(cancel.get());
        }
        stored = fraction;
        state = next;
    }

    /** The state as last reported, with its progress. */
    synchronized JobState state() {
        return state;
    }

    synchronized void close() {
        closed = true;
    }

    private Optional<JobCancel> cancelRequest() {
        try {
            return store.cancelRequest(state.jobId());
        } catch (RuntimeException e) {
            // Unreadable now means not cancelled yet: the next step looks again.
            log.warn("Could not check job {} for a cancel request: {}", state.jobId(), e.toString());
            return Optional.empty();
        }
    }
}
