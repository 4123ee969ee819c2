package io.mystocks.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A client's request to cancel a job. The API stores it in Redis under {@link #redisKey(String)},
 * next to the job's state and with the same retention; a worker reads it before it starts the job and
 * at the job's progress points, and removes it once the CANCELLED state is on {@code strategy.results}.
 *
 * @param requestId the HTTP request that asked for it, so that who cancelled can be traced in the logs
 */
public record JobCancel(String jobId, Instant requestedAt, String requestId) {
    public JobCancel {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** Redis key of a job's cancel request. */
    public static String redisKey(String jobId) {
        return JobState.redisKey(jobId) + ":cancel";
    }

    /** The message of the CANCELLED state: who asked and when. */
    public String describe() {
        return "cancelled by request " + (requestId == null ? "(no request id)" : requestId) + " at " + requestedAt;
    }
}
