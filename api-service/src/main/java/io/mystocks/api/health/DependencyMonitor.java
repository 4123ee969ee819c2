package io.mystocks.api.health;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** Runs every {@link PeriodicProbe} on one background thread, one round per probe interval. */
final class DependencyMonitor implements SmartLifecycle {
    private final List<PeriodicProbe> probes;
    private final long intervalMillis;
    private volatile ScheduledExecutorService executor;

    DependencyMonitor(List<PeriodicProbe> probes, HealthProperties properties) {
        this.probes = List.copyOf(probes);
        this.intervalMillis = properties.probeInterval().toMillis();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dependency-probe");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::probeAll, 0, intervalMillis, TimeUnit.MILLISECONDS);
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

    private void probeAll() {
        probes.forEach(PeriodicProbe::refresh);
    }
}
