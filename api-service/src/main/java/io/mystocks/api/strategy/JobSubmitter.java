package io.mystocks.api.strategy;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Submits strategy jobs. A job is accepted once Kafka has it; its QUEUED state then goes to Redis only
 * if no worker has written a later state first.
 *
 * <p>Design note: with an {@code Idempotency-Key}, the key is claimed in Redis (SET NX) before the job
 * goes to Kafka, marked accepted after, and freed when Kafka refused the job, so that concurrent
 * retries agree on one job and a retry after a 503 may try again. A retry while the first submission
 * still waits for Kafka gets 409; the claim of a submission that never finished expires after twice
 * the send timeout. Without Redis the key's promise cannot be kept, so such a submission gets 503 and
 * nothing is queued; a submission without a key does not need Redis to be accepted.
 *
 * <p>The job record on {@code strategy.jobs} carries the key and the request's fingerprint, so that the
 * results rebuild restores the keys after Redis lost them. A key is claimed only while the rebuild marker
 * is there (checked in the same step): until the rebuild is done a key Redis does not have may still
 * stand for a job, so a new submission with it gets 503 rather than a second job.
 */
final class JobSubmitter {
    private static final Logger log = LoggerFactory.getLogger(JobSubmitter.class);
    private static final Duration QUEUE_FULL_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration IN_FLIGHT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration REBUILD_RETRY_AFTER = Duration.ofSeconds(2);

    private final JobQueue queue;
    private final JobStateStore states;
    private final IdempotencyStore keys;
    private final QueueDepth depth;
    private final ResultsRebuild rebuild;
    private final Clock clock;
    private final JobProperties properties;

    JobSubmitter(JobQueue queue, JobStateStore states, IdempotencyStore keys, QueueDepth depth,
                 ResultsRebuild rebuild, Clock clock, JobProperties properties) {
        this.queue = queue;
        this.states = states;
        this.keys = keys;
        this.depth = depth;
        this.rebuild = rebuild;
        this.clock = clock;
        this.properties = properties;
    }

    /** Queues the job, or finds the one a submission with the same key queued. */
    Mono<Submission> submit(ExecuteRequest execute, String requestId, Optional<IdempotencyKey> key) {
        if (key.isEmpty()) {
            return Mono.defer(() -> {
                admit();
                return queue(newRequest(execute, requestId, null))
                        .map(job -> new Submission(job, execute.params(), false));
            });
        }
        String fingerprint = fingerprint(execute);
        String name = key.get().value();
        return keys.holder(name)
                .flatMap(held -> replay(name, held, execute, fingerprint))
                .switchIfEmpty(Mono.defer(() -> claimAndQueue(name, execute, requestId, fingerprint)))
                .onErrorResume(ResultsIncompleteException.class, e -> rebuild.isComplete().then(Mono.error(
                        ApiException.unavailable(IdempotencyKey.HEADER + " '" + name + "' cannot be checked while "
                                + "the job data Redis lost is restored from Kafka; nothing was queued, retry in a "
                                + "few seconds with the same key", REBUILD_RETRY_AFTER))))
                .onErrorMap(DependencyUnavailableException.class, e -> "redis".equals(e.dependency())
                        ? new DependencyUnavailableException("redis", IdempotencyKey.HEADER + " needs Redis, which "
                                + "is unavailable now; nothing was queued, retry later with the same key",
                                e.retryAfter(), e)
                        : e)
                .onErrorMap(UnreadableValueException.class, e -> ApiException.conflict(new FieldViolation(
                        IdempotencyKey.HEADER, "IDEMPOTENCY_KEY_UNREADABLE", e.getMessage() + ", so whether its "
                        + "job was queued is unknown; look for the job with GET /api/strategy/" + execute.strategy()
                        .id() + "/result, or send the request with a new " + IdempotencyKey.HEADER), null));
    }

    private Mono<Submission> claimAndQueue(String name, ExecuteRequest execute, String requestId,
                                           String fingerprint) {
        admit();
        JobRequest request = newRequest(execute, requestId, new JobRequest.Idempotency(name, fingerprint));
        IdempotentSubmission pending = IdempotentSubmission.pending(request, execute.params(), fingerprint);
        return keys.claim(name, pending, properties.sendTimeout().multipliedBy(2))
                .flatMap(held -> replay(name, held, execute, fingerprint))
                .switchIfEmpty(Mono.defer(() -> queue(request)
                        .onErrorResume(error -> keys.release(name, pending)
                                .onErrorResume(DependencyUnavailableException.class, e -> Mono.empty())
                                .then(Mono.error(error)))
                        .flatMap(job -> keys.confirm(name, pending.asAccepted(), properties.retention())
                                .onErrorResume(DependencyUnavailableException.class, e -> unconfirmed(name, job, e))
                                .thenReturn(new Submission(job, execute.params(), false)))));
    }

    /**
     * The answer to a retry: the first submission's job, unless the key was used for another request. The
     * parameters are the retry's own: an equal fingerprint means equal normalised parameters in the same
     * order, and a key restored from {@code strategy.jobs} has lost that order (the job record's map keeps none).
     */
    private static Mono<Submission> replay(String name, IdempotentSubmission held, ExecuteRequest retry,
                                           String fingerprint) {
        if (!held.fingerprint().equals(fingerprint)) {
            return Mono.error(ApiException.unprocessable(new FieldViolation(IdempotencyKey.HEADER,
                    "IDEMPOTENCY_KEY_REUSED", IdempotencyKey.HEADER + " '" + name + "' was used for a different "
                    + "request (job " + held.jobId() + " of strategy " + held.strategyId() + "); send a new key "
                    + "with a new request")));
        }
        if (!held.accepted()) {
            return Mono.error(ApiException.conflict(new FieldViolation(IdempotencyKey.HEADER,
                    "IDEMPOTENCY_KEY_IN_USE", "a request with " + IdempotencyKey.HEADER + " '" + name + "' is still "
                    + "being queued; retry in a second"), IN_FLIGHT_RETRY_AFTER));
        }
        JobRequest job = new JobRequest(held.jobId(), held.strategyId(), Map.of(), held.submittedAt(), null);
        return Mono.just(new Submission(job, retry.params(), true));
    }

    /** 503 when the workers are this far behind; an unknown depth holds nothing back. */
    private void admit() {
        OptionalLong waiting = depth.current();
        if (waiting.isPresent() && waiting.getAsLong() >= properties.maxQueueDepth()) {
            throw ApiException.unavailable("the job queue is full: " + waiting.getAsLong() + " jobs are waiting "
                    + "for a worker or running (mystocks.jobs.max-queue-depth is " + properties.maxQueueDepth()
                    + "); nothing was queued, retry later", QUEUE_FULL_RETRY_AFTER);
        }
    }

    private Mono<JobRequest> queue(JobRequest request) {
        return queue.submit(request)
                .then(Mono.defer(() -> states.saveQueued(JobState.queued(request), properties.retention())))
                .onErrorResume(DependencyUnavailableException.class, e -> queuedWithoutState(request, e))
                .thenReturn(request);
    }

    private JobRequest newRequest(ExecuteRequest execute, String requestId, JobRequest.Idempotency idempotency) {
        return new JobRequest(UUID.randomUUID().toString(), execute.strategy().id(), execute.params(),
                clock.instant(), requestId, idempotency);
    }

    /**
     * Kafka has the job, so it will run: the client gets 202 even if Redis missed the QUEUED state. Redis not
     * knowing the job must not make it unknown (404) to the client: the job states are marked incomplete,
     * which Redis still allows when it is full, so that lookups answer 503 until the rebuild.
     */
    private Mono<Void> queuedWithoutState(JobRequest request, DependencyUnavailableException error) {
        if (!"redis".equals(error.dependency())) {
            return Mono.error(error);
        }
        log.warn("Job {} is queued but its QUEUED state was not stored: {}", request.jobId(), error.getMessage());
        return states.markIncomplete().onErrorResume(DependencyUnavailableException.class, e -> Mono.empty());
    }

    private static Mono<Void> unconfirmed(String name, JobRequest job, DependencyUnavailableException error) {
        log.warn("Job {} is queued but its {} '{}' stays pending until it expires: {}", job.jobId(),
                IdempotencyKey.HEADER, name, error.getMessage());
        return Mono.empty();
    }

    /** SHA-256 of the strategy id and the normalised parameters, in the strategy's order. */
    static String fingerprint(ExecuteRequest execute) {
        byte[] canonical = Json.mapper().writeValueAsString(List.of(execute.strategy().id(), execute.params()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A submitted job.
     *
     * @param job      the job as queued; for a replay only its id, strategy and submission time
     * @param params   its parameters in the strategy's order
     * @param replayed true when an earlier submission with the same {@code Idempotency-Key} queued it
     */
    record Submission(JobRequest job, Map<String, Object> params, boolean replayed) {
    }
}
