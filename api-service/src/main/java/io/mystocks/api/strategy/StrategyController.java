package io.mystocks.api.strategy;

import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.RequestIds;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import java.net.URI;
import java.time.Instant;
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

/** Strategy jobs: submit one, then poll its state. */
@RestController
@RequestMapping(path = "/api/strategy", produces = MediaType.APPLICATION_JSON_VALUE)
final class StrategyController {
    private final JobService jobs;
    private final StrategyCatalog catalog;
    private final Envelopes envelopes;

    StrategyController(JobService jobs, StrategyCatalog catalog, Envelopes envelopes) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.envelopes = envelopes;
    }

    /** 202 with the job id and a link to its result once the job is on Kafka. */
    @PostMapping(path = "/execute", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Envelope<JobAccepted>>> execute(@RequestBody(required = false) JsonNode body,
                                                         ServerWebExchange exchange) {
        ExecuteRequest request = ExecuteRequest.parse(body, catalog);
        return jobs.submit(request, RequestIds.of(exchange)).map(job -> {
            JobAccepted accepted = JobAccepted.of(job, request.params());
            return ResponseEntity.accepted().location(URI.create(accepted.links().result()))
                    .body(envelopes.ok(exchange, accepted));
        });
    }

    @GetMapping("/{id}/result")
    Mono<Envelope<JobState>> result(@PathVariable String id, ServerWebExchange exchange) {
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
}
