package io.mystocks.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy job as queued on {@code strategy.jobs}, keyed by job id.
 *
 * @param params      the strategy's parameters, already validated against its schema by the API
 * @param requestId   the HTTP request that submitted it, carried into the worker's logs
 * @param idempotency the submission's {@code Idempotency-Key}, or null for a job submitted without one (and in
 *                    records written before the field existed); the API restores its keys from it after
 *                    Redis lost them
 */
public record JobRequest(String jobId, String strategyId, Map<String, Object> params, Instant submittedAt,
                         String requestId, Idempotency idempotency) {
    public JobRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(strategyId, "strategyId");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A job submitted without an {@code Idempotency-Key}. */
    public JobRequest(String jobId, String strategyId, Map<String, Object> params, Instant submittedAt,
                      String requestId) {
        this(jobId, strategyId, params, submittedAt, requestId, null);
    }

    /**
     * The {@code Idempotency-Key} a job was submitted with.
     *
     * @param key         the client's key
     * @param fingerprint a digest of the validated request; a retry with another one is a different request
     */
    public record Idempotency(String key, String fingerprint) {
        public Idempotency {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
