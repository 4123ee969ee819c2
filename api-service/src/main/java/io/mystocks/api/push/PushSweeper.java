package io.mystocks.api.push;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the hub's sweep on a background thread: stalled subscribers, idle rings, message rates. */
final class PushSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PushSweeper.class);

    private final PushHub hub;
    private final long intervalMillis;
    private volatile ScheduledExecutorService executor;

    PushSweeper(PushHub hub, PushProperties properties) {
        this.hub = hub;
        this.intervalMillis = properties.sweepInterval().toMillis();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "push-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** One failed sweep must not end the schedule, which would leave stalled clients connected. */
    private void sweep() {
        try {
            hub.sweep();
        } catch (RuntimeException e) {
            log.error("Push sweep failed; retrying in {} ms", intervalMillis, e);
        }
    }
}
