package io.mystocks.worker.jobs;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.worker.market.MarketData;
import io.mystocks.worker.market.MarketSnapshot;
import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyCatalog;
import io.mystocks.worker.strategy.StrategyRun;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Takes one job record to a terminal state.
 *
 * <p>Design note: a job's record is committed only after {@link #process} returns, and it returns only
 * once the terminal state is acknowledged on {@code strategy.results} and stored in Redis. A worker
 * that dies mid-job therefore leaves the record to another worker (at-least-once); the outputs are
 * keyed by job id, and a record whose job is already terminal in Redis is skipped, so the result is
 * stored once. Failures fall in three kinds:
 * <ul>
 *   <li>the request is wrong (unknown strategy, bad parameters, unreadable record): FAILED at once
 *       with a reason the user can act on, never retried;</li>
 *   <li>the strategy throws: run again up to {@code max-attempts} times within the job's time limit,
 *       then FAILED and the request is sent to {@code strategy.jobs.dlq}; a timeout is final too;</li>
 *   <li>Redis or Kafka fail: {@code process} throws, the record is not committed and is processed
 *       again, because the job itself may well be fine. A Redis that answers but refuses writes (full,
 *       read-only) is the exception: the job runs without its intermediate states and, once its terminal
 *       state is on {@code strategy.results}, is committed after a few more offers to Redis (see
 *       {@link TerminalWrites}).</li>
 * </ul>
 *
 * <p>Cancelling: the API stores a {@link JobCancel} next to the job's state, and for a job no worker
 * has started it also replaces QUEUED by CANCELLED. A job found CANCELLED with its request still there
 * is published to {@code strategy.results} and skipped; a request found right after RUNNING was
 * stored, or at a progress point, ends the job CANCELLED. Redis never lets a write replace a terminal
 * state, so when storing RUNNING is refused the API has just cancelled the job, and when storing a
 * terminal state is refused the one kept is published again, so that the topic's latest record of the
 * job is the state Redis holds.
 */
final class JobProcessor implements AutoCloseable {
    /** The MDC key holding the request id of the job being processed. */
    static final String REQUEST_ID_MDC = "requestId";

    private static final Logger log = LoggerFactory.getLogger(JobProcessor.class);
    private static final JsonSerde<JobRequest> REQUESTS = JsonSerde.of(JobRequest.class);

    private final StrategyCatalog catalog;
    private final MarketData market;
    private final JobStore store;
    private final JobOutputs outputs;
    private final JobsProperties properties;
    private final Clock clock;
    private final String workerId;
    private final ExecutorService runner =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("strategy-run-", 0).factory());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final TerminalWrites terminals;

    JobProcessor(StrategyCatalog catalog, MarketData market, JobStore store, JobOutputs outputs,
                 JobsProperties properties, Clock clock, String workerId) {
        this.catalog = catalog;
        this.market = market;
        this.store = store;
        this.outputs = outputs;
        this.properties = properties;
        this.clock = clock;
        this.workerId = workerId;
        this.terminals = new TerminalWrites(store, properties, closed);
    }

    /**
     * Runs the job of a record, or skips it when its job is already terminal. When this returns, the
     * record's offset may be committed.
     *
     * @throws InterruptedException when the worker stops mid-job; the record must not be committed
     * @throws RuntimeException     when Redis or Kafka failed; the record must be processed again
     */
    void process(JobRecord record) throws InterruptedException {
        if (record.value() == null) {
            log.debug("Ignoring the empty job record {}", record.coordinates());
            return;
        }
        JobRequest request;
        try {
            request = REQUESTS.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            rejectUnreadable(record, e.getMessage());
            return;
        }
        String requestId = record.requestId() != null ? record.requestId() : request.requestId();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID_MDC, requestId == null ? "" : requestId)) {
            process(new Job(record, request, requestId, System.nanoTime()));
        }
    }

    private void process(Job job) throws InterruptedException {
        String jobId = job.request().jobId();
        Optional<JobState> stored = store.read(jobId);
        if (stored.isPresent() && stored.get().status().isTerminal()) {
            settled(job, stored.get());
            return;
        }
        // Absent when Redis lost it, or the request did not come through the API; a RUNNING state means
        // the worker that ran the job before is gone.
        JobState current = stored.orElseGet(() -> JobState.queued(job.request()));

        Optional<StrategyRun> run = plan(job, current);
        if (run.isEmpty()) {
            return;
        }

        Optional<JobState> running = start(job, current);
        if (running.isEmpty()) {
            return;
        }
        log.debug("Job {} running {} (attempt {})", jobId, job.request().strategyId(), running.get().attempts());
        if (awaitMarket(running.get())) {
            attempt(job, run.get(), running.get());
        } else {
            finish(job, running.get().failed(clock.instant(), "market data is still loading after "
                    + human(properties.marketDataWait()) + "; submit the job again in a minute"));
        }
    }

    /**
     * Stores RUNNING, then looks for a cancel request: one made before that write, while the job was
     * still queued, is only seen now. Empty when the job ended instead.
     */
    private Optional<JobState> start(Job job, JobState current) throws InterruptedException {
        String jobId = current.jobId();
        JobState running = current.running(clock.instant(), workerId);
        Optional<JobCancel> cancel;
        try {
            JobStore.Started started = store.start(EncodedState.of(running), properties.retention());
            if (started.stored()) {
                cancel = started.cancel();
            } else {
                // Refused only over a terminal state: the API cancelled the job after it was read.
                Optional<JobState> settledMeanwhile = store.read(jobId);
                if (settledMeanwhile.isPresent()) {
                    settled(job, settledMeanwhile.get());
                    return Optional.empty();
                }
                // What Redis holds reads as finished but does not decode. Skipping would leave the job off
                // the results topic, from which the API restores it once it sets that value aside: run it.
                log.warn("Job {} has a stored state that looks finished but cannot be read; running the job so "
                        + "that its result reaches the results topic", jobId);
                cancel = store.cancelRequest(jobId);
            }
        } catch (WritesRefusedException e) {
            // RUNNING only informs readers: the job runs without it, and its result goes to the topic anyway.
            log.debug("Job {} runs without its RUNNING state stored: {}", jobId, e.getMessage());
            cancel = store.cancelRequest(jobId);
        }
        if (cancel.isPresent()) {
            finish(job, running.cancelled(clock.instant(), cancel.get().describe()));
            return Optional.empty();
        }
        return Optional.of(running);
    }

    /**
     * A job whose state is already terminal is skipped, except one the API cancelled before any worker
     * took it: its CANCELLED state is published first, so that {@code strategy.results} has every job.
     */
    private void settled(Job job, JobState terminal) throws InterruptedException {
        String jobId = terminal.jobId();
        if (terminal.status() == JobStatus.CANCELLED && store.cancelRequest(jobId).isPresent()) {
            outputs.publishResult(EncodedState.of(terminal), job.requestId());
            store.clearCancelRequest(jobId);
            log.info("Job {} {} was cancelled before it started; published its CANCELLED state", jobId,
                    terminal.strategyId());
            return;
        }
        log.debug("Job {} from {} is already {}; skipping it", jobId, job.record().coordinates(), terminal.status());
    }

    /** Binds the parameters, or fails the job for an unknown strategy or bad parameters. */
    private Optional<StrategyRun> plan(Job job, JobState current) throws InterruptedException {
        String strategyId = job.request().strategyId();
        Optional<Strategy> strategy = catalog.find(strategyId);
        if (strategy.isEmpty()) {
            finish(job, current.failed(clock.instant(), "unknown strategy \"" + strategyId + "\"; choose one of "
                    + String.join(", ", catalog.ids())));
            return Optional.empty();
        }
        try {
            return Optional.of(strategy.get().plan(job.request().params()));
        } catch (InvalidParamsException e) {
            finish(job, current.failed(clock.instant(), e.getMessage()));
            return Optional.empty();
        }
    }

    private boolean awaitMarket(JobState running) throws InterruptedException {
        if (market.isReady()) {
            return true;
        }
        storeProgress(running.progressed(0, "waiting for market data to load"));
        log.debug("Job {} waits up to {} for the market data", running.jobId(), properties.marketDataWait());
        return market.awaitReady(properties.marketDataWait());
    }

    private void attempt(Job job, StrategyRun run, JobState first) throws InterruptedException {
        long deadline = System.nanoTime() + properties.timeLimit().toNanos();
        JobState state = first;
        while (true) {
            Outcome outcome = runOnce(run, state, deadline);
            if (outcome instanceof Outcome.Succeeded succeeded) {
                finish(job, state.succeeded(clock.instant(), succeeded.result()));
                return;
            }
            if (outcome instanceof Outcome.Cancelled cancelled) {
                finish(job, cancelled.reached().cancelled(clock.instant(), cancelled.cancel().describe()));
                return;
            }
            if (outcome instanceof Outcome.TimedOut) {
                giveUp(job, state, "time limit exceeded: the job ran longer than " + human(properties.timeLimit()),
                        null);
                return;
            }
            Throwable cause = ((Outcome.Crashed) outcome).cause();
            if (cause instanceof InvalidParamsException) {
                finish(job, state.failed(clock.instant(), cause.getMessage()));
                return;
            }
            if (state.attempts() - first.attempts() + 1 >= properties.maxAttempts()) {
                giveUp(job, state, "the strategy failed " + properties.maxAttempts() + " times; last error: "
                        + describe(cause), cause);
                return;
            }
            state = retry(state, cause);
        }
    }

    private JobState retry(JobState failed, Throwable cause) throws InterruptedException {
        log.warn("Job {} attempt {} failed; running it again in {}", failed.jobId(), failed.attempts(),
                human(properties.retryBackoff()), cause);
        if (closed.await(properties.retryBackoff().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("the worker is stopping");
        }
        JobState again = failed.running(clock.instant(), workerId);
        storeProgress(again);
        return again;
    }

    /** Stores a state that only informs readers; a Redis that refuses writes does not hold the job up for it. */
    private void storeProgress(JobState state) {
        try {
            store.write(state, properties.retention());
        } catch (WritesRefusedException e) {
            log.debug("Job {} goes on without its {} state stored: {}", state.jobId(), state.status(),
                    e.getMessage());
        }
    }

    private Outcome runOnce(StrategyRun run, JobState state, long deadline) throws InterruptedException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Outcome.TIMED_OUT;
        }
        MarketSnapshot snapshot = market.snapshot();
        ProgressReporter progress = new ProgressReporter(store, state, properties.retention(), clock,
                properties.progressInterval());
        Future<Object> future = runner.submit(() -> run.execute(snapshot, progress));
        try {
            return new Outcome.Succeeded(future.get(remaining, TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JobCancelledException cancelled) {
                return new Outcome.Cancelled(progress.state(), cancelled.cancel());
            }
            return new Outcome.Crashed(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return Outcome.TIMED_OUT;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            progress.close();
        }
    }

    /** Fails the job for good and keeps its request on the dead-letter topic for an operator. */
    private void giveUp(Job job, JobState state, String reason, Throwable cause) throws InterruptedException {
        log.warn("Job {} failed for good: {}", state.jobId(), reason, cause);
        finish(job, state.failed(clock.instant(), reason));
        outputs.deadLetter(job.record().key(), new DeadLetter(job.record().coordinates(), List.of(reason),
                new String(job.record().value(), StandardCharsets.UTF_8), clock.instant()), job.requestId());
    }

    /**
     * Publishes the terminal state, then stores it: Redis can be rebuilt from the topic, not the reverse.
     * When Redis already holds a terminal state (another worker finished the job first), that one is
     * kept and published again, so that the topic's latest record agrees with Redis.
     */
    private void finish(Job job, JobState terminal) throws InterruptedException {
        EncodedState encoded = EncodedState.of(terminal);
        outputs.publishResult(encoded, job.requestId());
        JobState kept = terminal;
        if (!terminals.store(encoded)) {
            kept = store.read(terminal.jobId()).orElse(terminal);
            outputs.publishResult(EncodedState.of(kept), job.requestId());
            log.info("Job {} was already {} by {}; kept that state", kept.jobId(), kept.status(), kept.worker());
        }
        if (kept.status() == JobStatus.CANCELLED) {
            store.clearCancelRequest(kept.jobId());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - job.startedNanos());
        if (kept.status() == JobStatus.SUCCEEDED) {
            // A line per job is a line per record, hundreds a second under load: only when asked for.
            log.debug("Job {} {} SUCCEEDED in {} ms after {} attempt(s)", kept.jobId(), kept.strategyId(), millis,
                    kept.attempts());
        } else {
            log.info("Job {} {} {} in {} ms after {} attempt(s): {}", kept.jobId(), kept.strategyId(), kept.status(),
                    millis, kept.attempts(), kept.message());
        }
    }

    /** Dead-letters a record that is not a job request, and fails its job if the API queued one. */
    private void rejectUnreadable(JobRecord record, String problem) throws InterruptedException {
        String reason = "the job request could not be read: " + problem;
        log.warn("Rejecting job record {} (key {}): {}", record.coordinates(), record.key(), problem);
        outputs.deadLetter(record.key(), new DeadLetter(record.coordinates(), List.of(reason),
                new String(record.value(), StandardCharsets.UTF_8), clock.instant()), record.requestId());
        if (record.key() == null) {
            return;
        }
        Optional<JobState> stored = store.read(record.key());
        if (stored.isPresent() && !stored.get().status().isTerminal()) {
            EncodedState failed = EncodedState.of(stored.get().failed(clock.instant(), reason));
            outputs.publishResult(failed, record.requestId());
            terminals.store(failed);
        }
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Stops waiting between attempts and cancels running strategies. */
    @Override
    public void close() {
        closed.countDown();
        runner.shutdownNow();
    }

    /** A record being processed, with its decoded request. */
    private record Job(JobRecord record, JobRequest request, String requestId, long startedNanos) {
    }

    /** How one run of a strategy ended. */
    private sealed interface Outcome {
        Outcome TIMED_OUT = new TimedOut();

        record Succeeded(Object result) implements Outcome {
        }

        record Crashed(Throwable cause) implements Outcome {
        }

        /** @param reached the state as last reported, with the progress the job got to */
        record Cancelled(JobState reached, JobCancel cancel) implements Outcome {
        }

        record TimedOut() implements Outcome {
        }
    }
}
