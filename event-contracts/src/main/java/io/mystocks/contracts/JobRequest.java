package io.mystocks.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy job as queued on {@code strategy.jobs}, keyed by job id.
 *
 * @param params    the strategy's parameters, already validated against its schema by the API
 * @param requestId the HTTP request that submitted it, carried into the worker's logs
 */
public record JobRequest(String jobId, String strategyId, Map<String, Object> params, Instant submittedAt,
                         String requestId) {
    public JobRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(strategyId, "strategyId");
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
