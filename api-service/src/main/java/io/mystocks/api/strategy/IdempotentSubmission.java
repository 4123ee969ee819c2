package io.mystocks.api.strategy;

import io.mystocks.contracts.JobRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@code Idempotency-Key} stands for: the job a submission created, enough to answer a retry
 * exactly as the first submission was answered.
 *
 * @param params      the job's parameters, in the strategy's order unless restored from {@code strategy.jobs};
 *                    a retry is answered with its own (equal) ones, and these are kept for replicas of
 *                    earlier versions, which answer with them
 * @param fingerprint a digest of the validated request (strategy and normalised parameters); a retry
 *                    with another one is a different request
 * @param accepted    false while the first submission still waits for Kafka
 */
public record IdempotentSubmission(String jobId, String strategyId, Map<String, Object> params, Instant submittedAt,
                                   String fingerprint, boolean accepted) {
    public IdempotentSubmission {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        params = params == null ? Map.of() : params;
    }

    static IdempotentSubmission pending(JobRequest request, Map<String, Object> params, String fingerprint) {
        return new IdempotentSubmission(request.jobId(), request.strategyId(), params, request.submittedAt(),
                fingerprint, false);
    }

    IdempotentSubmission asAccepted() {
        return new IdempotentSubmission(jobId, strategyId, params, submittedAt, fingerprint, true);
    }
}
