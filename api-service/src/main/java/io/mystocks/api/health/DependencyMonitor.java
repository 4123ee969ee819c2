package io.mystocks.api.health;

import io.mystocks.api.schedule.PeriodicTask;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/** Runs every {@link PeriodicProbe} on one background thread, one round per probe interval. */
final class DependencyMonitor implements SmartLifecycle {
    private final List<PeriodicProbe> probes;
    private final PeriodicTask schedule;

    DependencyMonitor(List<PeriodicProbe> probes, HealthProperties properties) {
        this.probes = List.copyOf(probes);
        this.schedule = new PeriodicTask("dependency-probe", Duration.ZERO, properties.probeInterval(),
                this::probeAll);
    }

    @Override
    public void start() {
        schedule.start();
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }

    private void probeAll() {
        probes.forEach(PeriodicProbe::refresh);
    }
}
