package io.mystocks.api.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Puts the dependencies' last known states together; healthy only when every one is up. */
final class HealthReporter {
    private static final List<String> ORDER = List.of("kafka", "redis", "stores");

    private final List<DependencyCheck> checks;
    private final ServiceProperties service;
    private final Clock clock;

    HealthReporter(List<DependencyCheck> checks, ServiceProperties service, Clock clock) {
        this.checks = checks.stream().sorted(Comparator.comparingInt(HealthReporter::rank)
                .thenComparing(DependencyCheck::name)).toList();
        this.service = service;
        this.clock = clock;
    }

    HealthReport report() {
        Map<String, Map<String, Object>> dependencies = new LinkedHashMap<>();
        boolean healthy = true;
        for (DependencyCheck check : checks) {
            DependencyStatus status = check.status();
            healthy &= status.up();
            dependencies.put(check.name(), status.toMap());
        }
        return new HealthReport(healthy ? "healthy" : "degraded", service.name(), service.version(),
                clock.instant(), dependencies);
    }

    /** Why the service is degraded, such as {@code kafka down: ...}. */
    static String problems(HealthReport report) {
        return report.dependencies().entrySet().stream()
                .filter(e -> "down".equals(e.getValue().get("status")))
                .map(e -> e.getKey() + " down: " + e.getValue().get("detail"))
                .collect(Collectors.joining("; "));
    }

    private static int rank(DependencyCheck check) {
        int rank = ORDER.indexOf(check.name());
        return rank < 0 ? ORDER.size() : rank;
    }

    /**
     * @param status       {@code healthy} when every dependency is up, otherwise {@code degraded}
     * @param dependencies by name: {@code status}, {@code detail} and figures
     */
    record HealthReport(String status, String service, String version, Instant timestamp,
                        Map<String, Map<String, Object>> dependencies) {
        boolean healthy() {
            return "healthy".equals(status);
        }
    }
}
