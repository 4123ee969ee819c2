package io.mystocks.api.strategy;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Finds job states and cancels jobs. A job Redis does not have is unknown (404) only while Redis is
 * known to be complete; while the results are being rebuilt from Kafka the answer is 503.
 */
final class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Duration REBUILD_RETRY_AFTER = Duration.ofSeconds(2);
    /** QUEUED can only turn RUNNING, then terminal: two lost races at most. */
    private static final int CANCEL_TRIES = 3;

    private final JobStateStore store;
    private final JobQueue queue;
    private final ResultsRebuild rebuild;
    private final StrategyCatalog catalog;
    private final Clock clock;
    private final Duration retention;

    JobService(JobStateStore store, JobQueue queue, ResultsRebuild rebuild, StrategyCatalog catalog, Clock clock,
               Duration retention) {
        this.store = store;
        this.queue = queue;
        this.rebuild = rebuild;
        this.catalog = catalog;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * The state of a job as stored, where {@code id} is a job id or a strategy id meaning that strategy's
     * latest job.
     */
    Mono<StoredJob> stored(String id) {
        if (catalog.contains(id)) {
            return known(store.latestJobId(id), () -> ApiException.notFound("strategy " + id + " has no jobs yet; "
                    + "submit one with POST /api/strategy/execute"))
                    .flatMap(jobId -> known(store.findStored(jobId), () -> ApiException.notFound("the latest job "
                            + jobId + " of strategy " + id + " has expired")));
        }
        if (!JOB_ID.matcher(id).matches()) {
            return Mono.error(ApiException.badRequest("'" + id + "' is neither a job id (a UUID from POST "
                    + "/api/strategy/execute) nor a strategy id (" + String.join(", ", catalog.ids()) + ")"));
        }
        return known(store.findStored(id), () -> unknownJob(id));
    }

    /** The state of the job with this id (not a strategy id). */
    Mono<JobState> job(String jobId) {
        if (catalog.contains(jobId) || !JOB_ID.matcher(jobId).matches()) {
            return Mono.error(ApiException.invalid(new FieldViolation("job_id", "INVALID_JOB_ID", "'" + jobId
                    + "' is not a job id; use the job_id that POST /api/strategy/execute answered")));
        }
        return known(store.find(jobId), () -> unknownJob(jobId));
    }

    private ApiException unknownJob(String jobId) {
        return ApiException.notFound("unknown job " + jobId + ": job ids come from POST /api/strategy/execute, "
                + "and job states are kept for " + retention.toDays() + " days");
    }

    /**
     * Cancels a job that has not finished: a QUEUED one at once (its state becomes CANCELLED, in Redis and
     * then on {@code strategy.results}), a RUNNING one at its worker's next progress point. Either way a
     * cancel request is stored for the workers; it lives in Redis only, so a RUNNING job whose cancel
     * request Redis loses runs to its end.
     *
     * @throws ApiException 409 when the job has already finished
     */
    Mono<Cancellation> cancel(String jobId, String requestId) {
        return job(jobId).flatMap(state -> cancel(state, new JobCancel(jobId, clock.instant(), requestId),
                CANCEL_TRIES));
    }

    private Mono<Cancellation> cancel(JobState state, JobCancel asked, int tries) {
        if (state.status().isTerminal()) {
            return Mono.error(finished(state));
        }
        return store.requestCancel(asked, retention).flatMap(cancel -> {
            if (state.status() != JobStatus.QUEUED) {
                return job(state.jobId()).flatMap(now -> now.status().isTerminal() ? Mono.error(finished(now))
                        : Mono.just(new Cancellation(now, false)));
            }
            JobState cancelled = state.cancelled(cancel.requestedAt(), cancel.describe());
            return store.replaceIf(JobStatus.QUEUED, cancelled, retention).flatMap(replaced -> {
                if (replaced) {
                    return record(cancelled, asked.requestId()).thenReturn(new Cancellation(cancelled, true));
                }
                if (tries <= 1) {
                    return Mono.error(ApiException.conflict(new FieldViolation("job_id", "JOB_CHANGING", "job "
                            + state.jobId() + " changed state while it was being cancelled; try again"),
                            Duration.ofSeconds(1)));
                }
                return job(state.jobId()).flatMap(now -> cancel(now, asked, tries - 1));
            });
        });
    }

    /**
     * Puts the CANCELLED state on {@code strategy.results} before the client is told: in Redis alone the
     * cancel would be lost with Redis's data, and the rebuild would give the job back its QUEUED state for a
     * worker to run. Only after the compare-and-set in Redis: from then on no worker runs the job, so the
     * topic gets no other terminal state of it that this one could bury (the worker that reaches the job
     * publishes this same state).
     *
     * <p>When Kafka refuses, the answer is still CANCELLED, which it is: every worker skips the job from now
     * on, and the one that reaches it publishes the CANCELLED state itself. A 503 would have to take back a
     * cancel that a worker may already have acted on. What is left exposed (Redis losing its data before a
     * worker reached the job) is logged.
     */
    private Mono<Void> record(JobState cancelled, String requestId) {
        return queue.withdraw(cancelled, requestId).onErrorResume(DependencyUnavailableException.class, e -> {
            log.warn("Job {} is CANCELLED in Redis, not yet on {}: {}; should Redis lose its data before a worker "
                    + "reaches the job, the job is queued again and runs", cancelled.jobId(),
                    Topics.RESULTS.name(), e.getMessage());
            return Mono.empty();
        });
    }

    /**
     * Empty becomes the given 404, or 503 while the results are being rebuilt from Kafka. An unreadable state
     * is 503 too: the store set it aside, and asking whether the results are complete wakes the rebuild that
     * restores the job from the results topic.
     */
    private <T> Mono<T> known(Mono<T> lookup, Supplier<ApiException> notFound) {
        return lookup.onErrorResume(UnreadableValueException.class, e -> rebuild.isComplete().then(Mono.error(
                        ApiException.unavailable(e.getMessage() + "; it is being restored from Kafka ("
                                + Topics.RESULTS.name() + "), retry in a few seconds", REBUILD_RETRY_AFTER))))
                .switchIfEmpty(Mono.defer(() -> rebuild.isComplete().flatMap(complete -> Mono.error(complete
                ? notFound.get()
                : ApiException.unavailable("results are being rebuilt from Kafka (" + Topics.RESULTS.name()
                        + ") after Redis lost them; retry in a few seconds", REBUILD_RETRY_AFTER)))));
    }

    private static ApiException finished(JobState state) {
        String status = state.status().name();
        return ApiException.conflict(new FieldViolation("job_id", "ALREADY_" + status, "job " + state.jobId()
                + " is already " + status + "; only a QUEUED or RUNNING job can be cancelled"), null);
    }

    /**
     * The outcome of a cancel request.
     *
     * @param state   the job's state after it: CANCELLED, or still RUNNING until its worker stops it
     * @param stopped true when the job is CANCELLED already
     */
    record Cancellation(JobState state, boolean stopped) {
    }
}
