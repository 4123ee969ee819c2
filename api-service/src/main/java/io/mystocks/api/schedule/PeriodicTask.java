package io.mystocks.api.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One task run on a daemon thread of its own, with a fixed delay between runs, from {@link #start()} to
 * {@link #stop()}. The background work of the service (dependency probes, the push sweep, the job-queue
 * depth) runs so: never on an event loop, and never keeping the JVM alive.
 */
public final class PeriodicTask {
    private final String threadName;
    private final Duration initialDelay;
    private final Duration delay;
    private final Runnable task;
    private volatile ScheduledExecutorService executor;

    public PeriodicTask(String threadName, Duration initialDelay, Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException("the delay of " + threadName + " must be positive, was " + delay);
        }
        this.threadName = threadName;
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.task = task;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(task, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Interrupts a run under way and schedules no more. */
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    public boolean isRunning() {
        return executor != null;
    }
}
