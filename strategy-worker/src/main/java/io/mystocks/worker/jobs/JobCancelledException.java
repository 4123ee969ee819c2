package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobCancel;
import java.io.Serial;
import java.util.concurrent.CancellationException;

/**
 * Thrown into a running strategy at a progress point once its job has a cancel request, so that the
 * job ends CANCELLED instead of being run again like a strategy that failed.
 */
final class JobCancelledException extends CancellationException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient JobCancel cancel;

    JobCancelledException(JobCancel cancel) {
        super("job " + cancel.jobId() + " was " + cancel.describe());
        this.cancel = cancel;
    }

    JobCancel cancel() {
        return cancel;
    }
}
