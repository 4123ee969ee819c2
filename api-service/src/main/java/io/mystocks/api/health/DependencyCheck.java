package io.mystocks.api.health;

/**
 * One dependency the service needs to work. {@link #status()} is read on every health request, so it
 * must answer from memory: slow checks extend {@link PeriodicProbe}.
 */
public interface DependencyCheck {

    /** The key in the health report, such as {@code kafka}. */
    String name();

    DependencyStatus status();
}
