package io.mystocks.api.strategy;

import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.ReadRoute;
import io.mystocks.api.web.ReadRoutes;
import io.mystocks.api.web.Replies;
import io.mystocks.api.web.Reply;
import io.mystocks.api.web.RequestIds;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The strategy list, and strategy jobs: submit one, then poll its state. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "strategies", description = "Stock screens and backtests, run asynchronously as jobs")
final class StrategyController implements ReadRoutes {
    /** Set on the answer to a retried submission that found the job of an earlier one. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final JobSubmitter submitter;
    private final JobService jobs;
    private final StrategyCatalog catalog;
    private final Envelopes envelopes;
    private final Reply<List<StrategyViews.StrategyView>> list;

    StrategyController(JobSubmitter submitter, JobService jobs, StrategyCatalog catalog, Envelopes envelopes,
                       Replies replies) {
        this.submitter = submitter;
        this.jobs = jobs;
        this.catalog = catalog;
        this.envelopes = envelopes;
        this.list = replies.ok(StrategyViews.of(catalog));
    }

    @Override
    public List<ReadRoute> readRoutes() {
        return List.of(ReadRoute.of("/api/strategies", request -> strategies()),
                ReadRoute.deferred("/api/strategy/{id}/result", request -> result(request.path("id"))));
    }

    @GetMapping("/strategies")
    @Operation(summary = "Every strategy with its kind, description, tags and parameter schema",
            description = "params lists each parameter's type, default and bounds; strategy_id, strategy_name, "
                    + "strategy_type, parameters (name to default) and status repeat them for older clients.")
    Reply<List<StrategyViews.StrategyView>> strategies() {
        return list;
    }

    /** 202 with the job id and links to its result, events and cancellation once the job is on Kafka. */
    @PostMapping(path = "/strategy/execute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Queue a strategy job (needs X-CSRF-Token)",
            description = """
                    Body: {"strategy_id": "value", "params": {"top_n": 20, "min_score": 60}}. Parameters are \
                    checked against GET /api/strategies; every problem is listed in errors. 202 once Kafka has \
                    the job, with Location pointing at its result and links to its result, its events (SSE) \
                    and its cancellation (DELETE). With an Idempotency-Key, a retry of the same request gets \
                    the same 202 answer (same job, header Idempotent-Replayed: true) and queues nothing; the \
                    key with another request is 422, a retry while the first is still being queued 409. 503 \
                    with Retry-After when Kafka is unavailable, when the queue holds max-queue-depth jobs, or \
                    (with a key) when Redis is unavailable or still restoring the keys it lost; nothing is \
                    queued then.""")
    @ApiResponse(responseCode = "202", description = "queued, or found queued by an earlier request with the key")
    @ApiResponse(responseCode = "409", description = "a request with this Idempotency-Key is still being queued",
            content = @Content(schema = @Schema(ref = JobController.ERROR_ENVELOPE)))
    @ApiResponse(responseCode = "422", description = "the Idempotency-Key was used for a different request",
            content = @Content(schema = @Schema(ref = JobController.ERROR_ENVELOPE)))
    Mono<ResponseEntity<Envelope<JobAccepted>>> execute(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "strategy_id and params",
                    content = @Content(schema = @Schema(implementation = ExecuteBody.class)))
            @RequestBody(required = false) JsonNode body,
            @Parameter(description = "1 to 128 of letters, digits and _ . : ~ -, such as a UUID; kept as long as "
                    + "job states (mystocks.jobs.retention)")
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            ServerWebExchange exchange) {
        Optional<IdempotencyKey> key = IdempotencyKey.parse(idempotencyKey);
        ExecuteRequest request = ExecuteRequest.parse(body, catalog);
        return submitter.submit(request, RequestIds.of(exchange), key).map(submission -> {
            JobAccepted accepted = JobAccepted.of(submission.job(), submission.params());
            ResponseEntity.BodyBuilder answer = ResponseEntity.accepted()
                    .location(URI.create(accepted.links().result()));
            if (submission.replayed()) {
                answer.header(REPLAYED, "true");
            }
            return answer.body(envelopes.ok(exchange, accepted));
        });
    }

    @GetMapping("/strategy/{id}/result")
    @Operation(summary = "State of a job: status, progress and, when done, its result",
            description = "id is a job id, or a strategy id meaning that strategy's latest job. 503 with "
                    + "Retry-After instead of 404 while the results are being rebuilt from Kafka after Redis lost "
                    + "them.")
    Mono<Reply<JobState>> result(@Parameter(description = "a job id or a strategy id") @PathVariable String id) {
        return jobs.stored(id).map(job -> Reply.ofJson(job.json().getBytes(StandardCharsets.UTF_8)));
    }

    /** The answer to a submission; a replay repeats the first answer, status QUEUED included. */
    record JobAccepted(String jobId, String strategyId, JobStatus status, Instant submittedAt,
                       Map<String, Object> params, Links links) {
        /** @param params the job's parameters in the strategy's order (the queued copy has none) */
        static JobAccepted of(JobRequest job, Map<String, Object> params) {
            String resource = JobController.PATH + "/" + job.jobId();
            return new JobAccepted(job.jobId(), job.strategyId(), JobStatus.QUEUED, job.submittedAt(), params,
                    new Links("/api/strategy/" + job.jobId() + "/result", resource + "/events", resource));
        }
    }

    /**
     * Where to follow the job.
     *
     * @param result GET: the job's state
     * @param events GET: its states as server-sent events until it ends
     * @param cancel DELETE (with X-CSRF-Token): cancels it
     */
    record Links(String result, String events, String cancel) {
    }

    /** The documented shape of a submission. */
    record ExecuteBody(@Schema(example = "value") String strategyId,
                       @Schema(description = "parameter values by name; omitted ones take their defaults")
                       Map<String, Object> params) {
    }
}
