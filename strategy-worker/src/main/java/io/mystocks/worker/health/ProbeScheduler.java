package io.mystocks.worker.health;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Refreshes every {@link CachedProbe} on one background thread, one round per probe interval. */
@Component
final class ProbeScheduler implements SmartLifecycle {
    private final List<CachedProbe> probes;
    private final HealthProperties properties;
    private ScheduledExecutorService executor;

    ProbeScheduler(List<CachedProbe> probes, HealthProperties properties) {
        this.probes = List.copyOf(probes);
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("health-probes").daemon(true).factory());
        executor.scheduleWithFixedDelay(this::refreshAll, 0, properties.probeInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void refreshAll() {
        probes.forEach(CachedProbe::refresh);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
