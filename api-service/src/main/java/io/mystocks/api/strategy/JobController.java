package io.mystocks.api.strategy;

import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Envelopes;
import io.mystocks.api.web.RequestIds;
import io.mystocks.contracts.JobState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One job as a resource: cancel it, or follow its states as server-sent events. Only job ids name it;
 * a strategy id, which elsewhere means that strategy's latest job, would make a cancel race with new
 * submissions.
 */
@RestController
@Tag(name = "strategies", description = "Stock screens and backtests, run asynchronously as jobs")
final class JobController {
    static final String PATH = "/api/strategy/jobs";
    static final String ERROR_ENVELOPE = "#/components/schemas/ErrorEnvelope";

    private final JobService jobs;
    private final JobEvents events;
    private final Envelopes envelopes;

    JobController(JobService jobs, JobEvents events, Envelopes envelopes) {
        this.jobs = jobs;
        this.events = events;
        this.envelopes = envelopes;
    }

    @DeleteMapping(path = PATH + "/{job_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a job that has not finished (needs X-CSRF-Token)",
            description = """
                    A QUEUED job is CANCELLED at once: 200 with its CANCELLED state, and no worker runs it. A \\
                    RUNNING job is stopped by its worker at the strategy's next progress point: 202 with its \\
                    state (still RUNNING); follow links.events or the result until it is CANCELLED. A strategy \\
                    past its last progress point finishes normally. Either way the CANCELLED state says who \\
                    asked (the request id) and when. 409 when the job has already finished (errors[0].code \\
                    ALREADY_SUCCEEDED, ALREADY_FAILED or ALREADY_CANCELLED).""")
    @ApiResponse(responseCode = "200", description = "the job was QUEUED and is now CANCELLED")
    @ApiResponse(responseCode = "202", description = "the job is RUNNING; its worker stops it at its next progress "
            + "point")
    @ApiResponse(responseCode = "409", description = "the job has already finished",
            content = @Content(schema = @Schema(ref = ERROR_ENVELOPE)))
    Mono<ResponseEntity<Envelope<JobState>>> cancel(
            @Parameter(description = "the job id from POST /api/strategy/execute") @PathVariable("job_id")
            String jobId, ServerWebExchange exchange) {
        return jobs.cancel(jobId, RequestIds.of(exchange)).map(cancellation -> ResponseEntity
                .status(cancellation.stopped() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/strategy/" + jobId + "/result"))
                .body(envelopes.ok(exchange, cancellation.state())));
    }

    @GetMapping(path = PATH + "/{job_id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "A job's states as server-sent events, until it finishes",
            description = """
                    Events named "state" whose data is the job state as GET /api/strategy/{id}/result answers \\
                    it: the current one first, then one whenever the status, progress or message changes \\
                    (states are read every events-poll-interval, 500 ms; a step between two reads is not \\
                    sent). The stream completes after the terminal state (SUCCEEDED, FAILED, CANCELLED); an \\
                    EventSource should then close, or it reconnects and gets the terminal state again. A \\
                    ": heartbeat" comment comes every 15 s. An unknown job is a 404 envelope before the stream \\
                    opens.""")
    @ApiResponse(responseCode = "200", description = "the event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = JobState.class)))
    Flux<ServerSentEvent<String>> events(
            @Parameter(description = "the job id from POST /api/strategy/execute") @PathVariable("job_id")
            String jobId) {
        return events.stream(jobId);
    }
}
