package io.mystocks.api.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dependency check whose real probe talks to the network. {@link DependencyMonitor} runs the probe
 * in the background; health requests read the last result.
 */
public abstract class PeriodicProbe implements DependencyCheck {
    private static final Logger log = LoggerFactory.getLogger(PeriodicProbe.class);

    private volatile DependencyStatus last = DependencyStatus.down("not checked yet");
    private volatile boolean everProbed;

    @Override
    public final DependencyStatus status() {
        return last;
    }

    /**
     * Asks the dependency, blocking for at most the probe timeout. Runs on the monitor's thread,
     * never on a request thread.
     */
    protected abstract DependencyStatus probe();

    final void refresh() {
        DependencyStatus next;
        try {
            next = probe();
        } catch (RuntimeException e) {
            next = DependencyStatus.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        logChange(last, next);
        last = next;
        everProbed = true;
    }

    private void logChange(DependencyStatus previous, DependencyStatus next) {
        if (next.up() && (!previous.up() || !everProbed)) {
            log.info("Dependency {} is up: {}", name(), next.detail());
        } else if (!next.up() && (previous.up() || !everProbed)) {
            log.warn("Dependency {} is down: {}", name(), next.detail());
        }
    }
}
