package io.mystocks.api.health;

import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.Reply;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service's front page and its health report. */
@RestController
@Tag(name = "operations", description = "Health, metrics and documentation")
final class HealthController implements ReadRoutes {
    private final HealthReporter reporter;
    private final Replies replies;
    private final Reply<Map<String, Object>> index;

    HealthController(HealthReporter reporter, Replies replies, ServiceProperties service) {
        this.reporter = reporter;
        this.replies = replies;
        this.index = replies.ok(index(service));
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(ReadRoute.of("/", request -> index()), ReadRoute.of("/health", request -> health()));
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Service name, version and links to the documentation, health and metrics")
    Reply<Map<String, Object>> index() {
        return index;
    }

    /** 200 when healthy; 503 when degraded, still with the full report as data. */
    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Health of the service and of each dependency (kafka, redis, stores)",
            description = "200 with data.status healthy; 503 with data.status degraded and the report in data.")
    Reply<HealthReporter.HealthReport> health() {
        HealthReporter.HealthReport report = reporter.report();
        if (report.healthy()) {
            return replies.ok(report);
        }
        return replies.failure(HttpStatus.SERVICE_UNAVAILABLE, "service degraded: "
                + HealthReporter.problems(report), report);
    }

    private static Map<String, Object> index(ServiceProperties service) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("message", service.name() + " is running");
        index.put("service", service.name());
        index.put("version", service.version());
        index.put("docs", "/api/docs");
        index.put("redoc", "/api/redoc");
        index.put("openapi", "/openapi.json");
        index.put("health", "/health");
        index.put("metrics", "/metrics");
        index.put("realtime", Map.of("sse", "/api/stream", "websocket", "/ws/market", "status",
                "/api/socketio-status"));
        return Collections.unmodifiableMap(index);
    }
}
