package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the API reads job states from: the fast serving copy of every job's status, progress and
 * result. It may be lost and rebuilt from {@code strategy.results}; a failing call throws an unchecked
 * exception, and the job is then retried from its record, except a write the store answered but refused
 * ({@link WritesRefusedException}).
 *
 * <p>A terminal state is final: no write replaces it, whoever made it (a worker, or the API
 * cancelling a job that had not started), so two writers racing over a job cannot undo each other.
 *
 * <p>{@link #start} and {@link #progress} each combine a write with a look for a cancel request. Their
 * default implementations make the two calls one after the other; a store that can do both in one round
 * trip overrides them, with the same outcome.
 */
public interface JobStore {

    /** The stored state of a job, or empty when there is none (or it cannot be read). */
    Optional<JobState> read(String jobId);

    /**
     * Stores a job's state, to expire after {@code retention}, unless the stored state is terminal.
     *
     * @return false when a terminal state was already stored and was kept
     */
    boolean write(EncodedState state, Duration retention);

    /** Encodes and stores a state that goes nowhere else; see {@link #write(EncodedState, Duration)}. */
    default boolean write(JobState state, Duration retention) {
        return write(EncodedState.of(state), retention);
    }

    /**
     * Stores a RUNNING state unless the stored one is terminal and, once it is stored, reads the job's cancel
     * request: a request made before the write, while the job was still queued, is only seen now.
     */
    default Started start(EncodedState running, Duration retention) {
        if (!write(running, retention)) {
            return Started.refused();
        }
        return new Started(true, cancelRequest(running.state().jobId()));
    }

    /**
     * Stores a running job's progress unless the job has a cancel request (or its stored state is terminal).
     *
     * @return the cancel request, when there is one; nothing was stored then
     */
    default Optional<JobCancel> progress(EncodedState progressed, Duration retention) {
        Optional<JobCancel> cancel = cancelRequest(progressed.state().jobId());
        if (cancel.isEmpty()) {
            write(progressed, retention);
        }
        return cancel;
    }

    /**
     * Deletes the job's stored state and the marker of complete job states, so that readers count the job as
     * missing rather than trust a state older than its terminal one, and the API restores it from
     * {@code strategy.results}. For a store that refuses writes, which still allows deletes.
     */
    void forget(String jobId);

    /** The client's request to cancel the job, or empty when there is none. */
    Optional<JobCancel> cancelRequest(String jobId);

    /** Removes a cancel request once the job's CANCELLED state is on {@code strategy.results}. */
    void clearCancelRequest(String jobId);

    /**
     * How storing RUNNING went.
     *
     * @param stored false when a terminal state was already stored and was kept
     * @param cancel the cancel request found right after storing; always empty when nothing was stored
     */
    record Started(boolean stored, Optional<JobCancel> cancel) {
        private static final Started REFUSED = new Started(false, Optional.empty());

        public Started {
            Objects.requireNonNull(cancel, "cancel");
            if (!stored && cancel.isPresent()) {
                throw new IllegalArgumentException("a refused start looks for no cancel request");
            }
        }

        /** A write refused over a terminal state. */
        public static Started refused() {
            return REFUSED;
        }
    }
}
