package io.mystocks.api.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service's meters for Prometheus. */
@RestController
@Tag(name = "operations", description = "Health, metrics and documentation")
final class MetricsController {
    static final String CONTENT_TYPE = "text/plain;version=0.0.4;charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/metrics", produces = CONTENT_TYPE)
    @Operation(summary = "Every meter in the Prometheus text format",
            description = "HTTP requests per route (http_server_requests_seconds), the read model "
                    + "(mystocks_read_model_*), realtime push (mystocks_push_*), the response cache "
                    + "(cache_*, mystocks_cache_*), rate limiting (mystocks_rate_limit_*), JVM and process.")
    String metrics() {
        return registry.scrape();
    }
}
