package io.mystocks.api.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Makes {@code /actuator/health} UP only when every dependency is, as {@code /health} reports it. */
final class DependencyHealthIndicator implements HealthIndicator {
    private final HealthReporter reporter;

    DependencyHealthIndicator(HealthReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public Health health() {
        HealthReporter.HealthReport report = reporter.report();
        Health.Builder builder = report.healthy() ? Health.up() : Health.down();
        return builder.withDetails(report.dependencies()).build();
    }
}
