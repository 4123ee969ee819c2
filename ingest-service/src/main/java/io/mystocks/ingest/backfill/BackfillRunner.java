package io.mystocks.ingest.backfill;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Backfill} on a background thread once the service is ready, alongside the live feeds, and
 * tries again with a growing pause when an attempt fails; each attempt resumes where the last one stopped.
 */
public final class BackfillRunner {
    private static final Logger log = LoggerFactory.getLogger(BackfillRunner.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Backfill backfill;
    private final BackfillProgress progress;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    BackfillRunner(Backfill backfill, BackfillProgress progress, boolean enabled) {
        this.backfill = backfill;
        this.progress = progress;
        this.enabled = enabled;
    }

    /** Starts the backfill in the background; does nothing when disabled, running or done. */
    public synchronized void start() {
        if (!enabled || executor != null || progress.state() == BackfillProgress.State.DONE) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("backfill").daemon()
                .factory());
        executor.execute(() -> attempt(FIRST_RETRY));
    }

    /** Interrupts an attempt in progress; what it wrote is kept and the next start resumes after it. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Backfill still running {} after being stopped", STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    /** The backfill's state and counts, for the health endpoint. */
    public Map<String, Object> details() {
        return progress.details();
    }

    private void attempt(Duration retry) {
        try {
            backfill.run();
        } catch (InterruptedException e) {
            log.info("Backfill stopped after {} bars; the next start resumes", progress.barsWritten());
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Stopped while writing the journal: the line may be lost, and the next start reads the topic.
                log.info("Backfill stopped after {} bars; the next start resumes ({})", progress.barsWritten(),
                        String.valueOf(e));
                return;
            }
            // Kafka unreachable, the journal unwritable, or a bug: the task must not end silently, and every
            // attempt resumes without writing anything twice, so trying again is safe.
            progress.failed(e);
            log.warn("Backfill failed, trying again in {}: {}", retry, String.valueOf(e));
            log.debug("Backfill failure", e);
            Duration next = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            scheduleRetry(next, retry);
        }
    }

    private synchronized void scheduleRetry(Duration next, Duration delay) {
        if (executor != null && !executor.isShutdown()) {
            executor.schedule(() -> attempt(next), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
