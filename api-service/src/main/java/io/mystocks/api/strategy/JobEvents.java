package io.mystocks.api.strategy;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.api.web.Heartbeats;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A job's states as server-sent events: one {@code state} event with the current state, then one each
 * time the status, progress or message changes, the terminal state last; then the stream completes.
 *
 * <p>Design note: each stream polls Redis (one GET per {@code events-poll-interval}) rather than
 * subscribing to a channel the workers would publish to: polling needs nothing from the workers, sees
 * the API's own writes and the results rebuilt from Kafka alike, and cannot miss a change made while
 * a subscription was being set up; a progress step in between two polls is merely skipped. A stream
 * holds only the last state it sent. Polls do not overlap: one waiting for Redis makes the next tick
 * be dropped. A Redis error, a missing or an unreadable state skips a tick; the stream keeps going.
 */
final class JobEvents {
    static final String EVENT = "state";

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final JobService jobs;
    private final JobStateStore store;
    private final Duration pollInterval;
    private final Duration heartbeat;

    JobEvents(JobService jobs, JobStateStore store, JobProperties properties) {
        this.jobs = jobs;
        this.store = store;
        this.pollInterval = properties.eventsPollInterval();
        this.heartbeat = properties.eventsHeartbeat();
    }

    /** Fails before the first event (so with a status of its own) when the job is unknown or the id bad. */
    Flux<ServerSentEvent<String>> stream(String jobId) {
        return jobs.job(jobId).flatMapMany(first -> Heartbeats.around(changes(first).map(JobEvents::event),
                heartbeat));
    }

    private Flux<JobState> changes(JobState first) {
        Flux<JobState> polled = Flux.interval(pollInterval, pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> poll(first.jobId()), 1);
        return polled.startWith(first)
                .distinctUntilChanged(Change::of)
                .takeUntil(state -> state.status().isTerminal());
    }

    private Mono<JobState> poll(String jobId) {
        return store.find(jobId).onErrorResume(e -> e instanceof DependencyUnavailableException
                || e instanceof UnreadableValueException, e -> {
            log.debug("Job {} events skip a poll: {}", jobId, e.getMessage());
            return Mono.empty();
        });
    }

    private static ServerSentEvent<String> event(JobState state) {
        return ServerSentEvent.builder(Json.mapper().writeValueAsString(state)).event(EVENT).build();
    }

    /** What makes a state worth sending again. */
    private record Change(JobStatus status, double progress, String message) {
        static Change of(JobState state) {
            return new Change(state.status(), state.progress(), state.message());
        }
    }
}
