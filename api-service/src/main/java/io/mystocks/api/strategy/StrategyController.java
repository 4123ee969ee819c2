package io.mystocks.api.strategy;

import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.RequestIds;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The strategy list, and strategy jobs: submit one, then poll its state. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "strategies", description = "Stock screens and backtests, run asynchronously as jobs")
final class StrategyController {
    private final JobService jobs;
    private final StrategyCatalog catalog;
    private final Envelopes envelopes;
    private final List<StrategyViews.StrategyView> list;

    StrategyController(JobService jobs, StrategyCatalog catalog, Envelopes envelopes) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.envelopes = envelopes;
        this.list = StrategyViews.of(catalog);
    }

    @GetMapping("/strategies")
    @Operation(summary = "Every strategy with its kind, description, tags and parameter schema",
            description = "params lists each parameter's type, default and bounds; strategy_id, strategy_name, "
                    + "strategy_type, parameters (name to default) and status repeat them for older clients.")
    Envelope<List<StrategyViews.StrategyView>> strategies(ServerWebExchange exchange) {
        return envelopes.ok(exchange, list);
    }

    /** 202 with the job id and a link to its result once the job is on Kafka. */
    @PostMapping(path = "/strategy/execute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Queue a strategy job (needs X-CSRF-Token)",
            description = "Body: {\"strategy_id\": \"value\", \"params\": {\"top_n\": 20, \"min_score\": 60}}. "
                    + "Parameters are checked against GET /api/strategies; every problem is listed in errors. "
                    + "202 once Kafka has the job, with Location pointing at its result.")
    Mono<ResponseEntity<Envelope<JobAccepted>>> execute(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "strategy_id and params",
                    content = @Content(schema = @Schema(implementation = ExecuteBody.class)))
            @RequestBody(required = false) JsonNode body, ServerWebExchange exchange) {
        ExecuteRequest request = ExecuteRequest.parse(body, catalog);
        return jobs.submit(request, RequestIds.of(exchange)).map(job -> {
            JobAccepted accepted = JobAccepted.of(job, request.params());
            return ResponseEntity.accepted().location(URI.create(accepted.links().result()))
                    .body(envelopes.ok(exchange, accepted));
        });
    }

    @GetMapping("/strategy/{id}/result")
    @Operation(summary = "State of a job: status, progress and, when done, its result",
            description = "id is a job id, or a strategy id meaning that strategy's latest job.")
    Mono<Envelope<JobState>> result(@Parameter(description = "a job id or a strategy id") @PathVariable String id,
                                    ServerWebExchange exchange) {
        return jobs.state(id).map(state -> envelopes.ok(exchange, state));
    }

    /** The answer to a submission. */
    record JobAccepted(String jobId, String strategyId, JobStatus status, Instant submittedAt,
                       Map<String, Object> params, Links links) {
        /** @param params the job's parameters in the strategy's order (the queued copy has none) */
        static JobAccepted of(JobRequest job, Map<String, Object> params) {
            return new JobAccepted(job.jobId(), job.strategyId(), JobStatus.QUEUED, job.submittedAt(), params,
                    new Links("/api/strategy/" + job.jobId() + "/result"));
        }
    }

    record Links(String result) {
    }

    /** The documented shape of a submission. */
    record ExecuteBody(@Schema(example = "value") String strategyId,
                       @Schema(description = "parameter values by name; omitted ones take their defaults")
                       Map<String, Object> params) {
    }
}
