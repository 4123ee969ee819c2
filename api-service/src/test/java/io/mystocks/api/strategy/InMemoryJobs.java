package io.mystocks.api.strategy;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * The job queue, its depth, the state store, idempotency keys and the rebuild status in memory, each
 * of which can be made unavailable or set by hand.
 */
final class InMemoryJobs implements JobQueue, JobStateStore, IdempotencyStore, QueueDepth, ResultsRebuild {
    final List<JobRequest> queued = new CopyOnWriteArrayList<>();
    /** The CANCELLED states recorded for good, as {@code strategy.results} would hold them. */
    final List<JobState> withdrawn = new CopyOnWriteArrayList<>();
    final Map<String, JobState> states = new ConcurrentHashMap<>();
    final Map<String, String> latest = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    final Map<String, JobCancel> cancels = new ConcurrentHashMap<>();
    final Map<String, IdempotentSubmission> keys = new ConcurrentHashMap<>();
    final Map<String, Duration> keyTtls = new ConcurrentHashMap<>();
    volatile boolean kafkaDown;
    volatile boolean redisDown;
    /** Negative while unknown. */
    volatile long depth = -1;
    volatile boolean complete = true;
    /** Makes a key look free to its first lookup, as when another request claims it just after. */
    volatile boolean keyClaimedConcurrently;
    /** Runs just before a compare-and-set of a job state, as when a worker writes first. */
    volatile Runnable beforeReplace = () -> { };

    void reset() {
        queued.clear();
        withdrawn.clear();
        states.clear();
        latest.clear();
        ttls.clear();
        cancels.clear();
        keys.clear();
        keyTtls.clear();
        kafkaDown = false;
        redisDown = false;
        depth = -1;
        complete = true;
        keyClaimedConcurrently = false;
        beforeReplace = () -> { };
    }

    @Override
    public Mono<Void> submit(JobRequest request) {
        if (kafkaDown) {
            return Mono.error(new DependencyUnavailableException("kafka", "the job queue (Kafka) did not accept "
                    + "the job; nothing was queued, retry later", Duration.ofSeconds(5), null));
        }
        queued.add(request);
        return Mono.empty();
    }

    @Override
    public Mono<Void> withdraw(JobState cancelled, String requestId) {
        if (kafkaDown) {
            return Mono.error(new DependencyUnavailableException("kafka", "the job results (Kafka) did not accept "
                    + "the state", Duration.ofSeconds(5), null));
        }
        withdrawn.add(cancelled);
        return Mono.empty();
    }

    @Override
    public Mono<Void> saveQueued(JobState state, Duration retention) {
        return redis().then(Mono.fromRunnable(() -> {
            states.putIfAbsent(state.jobId(), state);
            latest.put(state.strategyId(), state.jobId());
            ttls.put(state.jobId(), retention);
        }));
    }

    @Override
    public Mono<JobState> find(String jobId) {
        return redis().then(Mono.fromSupplier(() -> states.get(jobId)));
    }

    @Override
    public Mono<Void> markIncomplete() {
        return redis().then(Mono.fromRunnable(() -> complete = false));
    }

    @Override
    public Mono<String> latestJobId(String strategyId) {
        return redis().then(Mono.fromSupplier(() -> latest.get(strategyId)));
    }

    @Override
    public Mono<JobCancel> requestCancel(JobCancel cancel, Duration retention) {
        return redis().then(Mono.fromSupplier(() -> cancels.merge(cancel.jobId(), cancel, (first, later) -> first)));
    }

    @Override
    public Mono<Boolean> replaceIf(JobStatus expected, JobState next, Duration retention) {
        return redis().then(Mono.fromSupplier(() -> {
            beforeReplace.run();
            JobState current = states.get(next.jobId());
            return current != null && current.status() == expected && states.replace(next.jobId(), current, next);
        }));
    }

    @Override
    public Mono<IdempotentSubmission> holder(String key) {
        return redis().then(Mono.fromSupplier(() -> keyClaimedConcurrently ? null : keys.get(key)));
    }

    @Override
    public Mono<IdempotentSubmission> claim(String key, IdempotentSubmission pending, Duration ttl) {
        return redis().then(Mono.fromSupplier(() -> {
            if (!complete) {
                throw new ResultsIncompleteException("the idempotency key '" + key + "' is not restored yet");
            }
            IdempotentSubmission holder = keys.putIfAbsent(key, pending);
            if (holder == null) {
                keyTtls.put(key, ttl);
            }
            return holder;
        }));
    }

    @Override
    public Mono<Void> confirm(String key, IdempotentSubmission accepted, Duration ttl) {
        return redis().then(Mono.fromRunnable(() -> {
            keys.put(key, accepted);
            keyTtls.put(key, ttl);
        }));
    }

    @Override
    public Mono<Void> release(String key, IdempotentSubmission pending) {
        return redis().then(Mono.fromRunnable(() -> keys.remove(key, pending)));
    }

    @Override
    public OptionalLong current() {
        return depth < 0 ? OptionalLong.empty() : OptionalLong.of(depth);
    }

    @Override
    public Mono<Boolean> isComplete() {
        return redis().then(Mono.fromSupplier(() -> complete));
    }

    private Mono<Void> redis() {
        return redisDown ? Mono.error(new DependencyUnavailableException("redis", "cannot reach Redis now; retry "
                + "later", Duration.ofSeconds(5), null)) : Mono.empty();
    }
}
