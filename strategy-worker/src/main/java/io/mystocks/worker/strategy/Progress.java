package io.mystocks.worker.strategy;

/** Where a running strategy reports how far it got. */
@FunctionalInterface
public interface Progress {

    /** Reports nothing; for running a strategy outside a job. */
    Progress NONE = (fraction, what) -> { };

    /**
     * Reports progress; it may also stop the strategy by throwing
     * {@link java.util.concurrent.CancellationException} once the job was cancelled or timed out.
     *
     * @param fraction done so far, 0 to 1
     * @param what     what is being done, in words a user understands
     */
    void report(double fraction, String what);
}
