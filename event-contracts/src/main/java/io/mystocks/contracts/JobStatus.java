package io.mystocks.contracts;

/** The lifecycle of a strategy job: QUEUED, then RUNNING, then one of the terminal states. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
