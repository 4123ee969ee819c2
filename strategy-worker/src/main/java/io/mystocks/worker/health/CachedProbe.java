package io.mystocks.worker.health;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health indicator that answers from the result of its last background probe, so that a health
 * request never waits on a slow or unreachable dependency. It reports DOWN until the first probe ran.
 * {@link ProbeScheduler} refreshes every probe of the application.
 */
public final class CachedProbe implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(CachedProbe.class);

    private final String dependency;
    private final Callable<Health> check;
    private volatile Health last = Health.down().withDetail("reason", "not probed yet").build();

    /**
     * @param dependency what is probed, for the logs
     * @param check      probes once within its own time limit; a thrown exception counts as DOWN
     */
    public CachedProbe(String dependency, Callable<Health> check) {
        this.dependency = dependency;
        this.check = check;
    }

    /** Probes now and keeps the result. */
    void refresh() {
        Health next;
        try {
            next = check.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            next = Health.down(e).build();
        }
        if (Thread.currentThread().isInterrupted()) {
            // Probes are interrupted only when the application stops: that is no news about the dependency.
            return;
        }
        logTransition(last.getStatus(), next);
        last = next;
    }

    private void logTransition(Status previous, Health next) {
        if (previous.equals(next.getStatus())) {
            return;
        }
        if (Status.UP.equals(next.getStatus())) {
            log.info("{} is reachable", dependency);
        } else if (Status.UP.equals(previous)) {
            log.warn("{} is {}: {}", dependency, next.getStatus(), next.getDetails());
        }
    }

    @Override
    public Health health() {
        return last;
    }
}
