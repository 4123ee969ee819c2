package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes terminal states to Redis for one worker, with its policy for a Redis that answers but refuses
 * writes (full, read-only): the terminal state is on {@code strategy.results} already, so the job need not
 * wait for Redis for ever, and one refusal is remembered so that later jobs do not each wait out the pauses.
 */
final class TerminalWrites {
    private static final Logger log = LoggerFactory.getLogger(TerminalWrites.class);

    private final JobStore store;
    private final JobsProperties properties;
    private final CountDownLatch closed;
    /** Jobs left to {@code strategy.results} since Redis began refusing writes; 0 while it takes them. */
    private final AtomicLong refusedJobs = new AtomicLong();

    /** @param closed counted down when the worker stops, which ends a pause between offers */
    TerminalWrites(JobStore store, JobsProperties properties, CountDownLatch closed) {
        this.store = store;
        this.properties = properties;
        this.closed = closed;
    }

    /**
     * Stores a terminal state that is already on {@code strategy.results}; false when a terminal state was
     * stored before and kept. A Redis that refuses writes (full, or read-only) is offered it again after
     * growing pauses; when it still refuses, the job's stored state is forgotten instead, so that the API
     * answers 503 for the job and restores it from the topic once Redis takes writes again, and the record
     * can be committed: a Redis that stays full must not hold up every later job of the partition. While
     * Redis keeps refusing, later jobs are offered once, without the pauses.
     */
    boolean store(EncodedState terminal) throws InterruptedException {
        String jobId = terminal.state().jobId();
        int attempts = refusedJobs.get() == 0 ? properties.terminalWriteAttempts() : 1;
        Duration pause = properties.terminalWriteBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean stored = store.write(terminal, properties.retention());
                takesWritesAgain();
                return stored;
            } catch (WritesRefusedException e) {
                if (attempt >= attempts) {
                    store.forget(jobId);
                    leftToResults(jobId, terminal.state().status(), e);
                    return true;
                }
                log.debug("Job {}: {}; offering its state again in {}", jobId, e.getMessage(), pause.toString().substring(2).toLowerCase(Locale.ROOT));
                if (closed.await(pause.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new InterruptedException("the worker is stopping");
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    /** An ERROR when Redis starts refusing, DEBUG for each job after: one line per job would flood the log. */
    private void leftToResults(String jobId, JobStatus status, WritesRefusedException cause) {
        if (refusedJobs.getAndIncrement() == 0) {
            log.error("{}. Job {} ended {}: its state is on {} but not in Redis, and so will be every job's "
                    + "until Redis takes writes again; the API answers 503 for them meanwhile and restores them "
                    + "from the topic then. Raise Redis's maxmemory (CONFIG SET maxmemory), free memory, or set "
                    + "a maxmemory-policy that evicts keys", cause.getMessage(), jobId, status, Topics.RESULTS.name());
        } else {
            log.debug("Job {} ended {}; left to {}: {}", jobId, status, Topics.RESULTS.name(), cause.getMessage());
        }
    }

    private void takesWritesAgain() {
        long left = refusedJobs.getAndSet(0);
        if (left > 0) {
            log.info("Redis takes writes again; {} job state(s) were left to {} meanwhile", left,
                    Topics.RESULTS.name());
        }
    }
}
