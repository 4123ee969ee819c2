package io.mystocks.api.strategy;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Submits strategy jobs and finds their states. A job is accepted once Kafka has it; its QUEUED
 * state then goes to Redis only if no worker has written a later state first.
 */
final class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final JobQueue queue;
    private final JobStateStore store;
    private final StrategyCatalog catalog;
    private final Clock clock;
    private final Duration retention;

    JobService(JobQueue queue, JobStateStore store, StrategyCatalog catalog, Clock clock, Duration retention) {
        this.queue = queue;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.retention = retention;
    }

    /** Queues the job; completes with the request once Kafka acknowledged it. */
    Mono<JobRequest> submit(ExecuteRequest execute, String requestId) {
        JobRequest request = new JobRequest(UUID.randomUUID().toString(), execute.strategy().id(),
                execute.params(), clock.instant(), requestId);
        return queue.submit(request)
                .then(Mono.defer(() -> store.saveQueued(JobState.queued(request), retention)))
                .onErrorResume(DependencyUnavailableException.class, e -> queuedWithoutState(request, e))
                .thenReturn(request);
    }

    /**
     * The state of a job, where {@code id} is a job id or a strategy id meaning that strategy's
     * latest job.
     */
    Mono<JobState> state(String id) {
        if (catalog.contains(id)) {
            return store.latestJobId(id)
                    .switchIfEmpty(Mono.error(() -> ApiException.notFound("strategy " + id + " has no jobs yet; "
                            + "submit one with POST /api/strategy/execute")))
                    .flatMap(jobId -> store.find(jobId).switchIfEmpty(Mono.error(() -> ApiException.notFound(
                            "the latest job " + jobId + " of strategy " + id + " has expired"))));
        }
        if (!JOB_ID.matcher(id).matches()) {
            return Mono.error(ApiException.badRequest("'" + id + "' is neither a job id (a UUID from POST "
                    + "/api/strategy/execute) nor a strategy id (" + String.join(", ", catalog.ids()) + ")"));
        }
        return store.find(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("unknown job " + id
                + ": job ids come from POST /api/strategy/execute, and job states are kept for "
                + retention.toDays() + " days")));
    }

    /** Kafka has the job, so it will run: the client gets 202 even if Redis missed the QUEUED state. */
    private Mono<Void> queuedWithoutState(JobRequest request, DependencyUnavailableException error) {
        if (!"redis".equals(error.dependency())) {
            return Mono.error(error);
        }
        log.warn("Job {} is queued but its QUEUED state was not stored: {}", request.jobId(), error.getMessage());
        return Mono.empty();
    }
}
