package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.api.MutableClock;
import io.mystocks.api.web.CsrfTestTokens;
import io.mystocks.api.web.RequestIds;
import io.mystocks.api.web.TestClockConfig;
import io.mystocks.api.web.WebConfiguration;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(controllers = JobController.class, properties = {"mystocks.csrf.secret=" + JobControllerTest.SECRET,
        "mystocks.jobs.events-poll-interval=50ms", "mystocks.jobs.events-heartbeat=1s"})
@Import({WebConfiguration.class, TestClockConfig.class, JobsSliceConfig.class})
class JobControllerTest {
    static final String SECRET = "job-controller-test-secret-32chars";
    private static final String JOB = "5f0c3c1e-0000-4000-8000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private WebTestClient client;

    @Autowired
    private InMemoryJobs jobs;

    @Autowired
    private MutableClock clock;

    private JobState queued;

    @BeforeEach
    void setUp() {
        jobs.reset();
        queued = JobState.queued(new JobRequest(JOB, "value", Map.of(), clock.instant(), "req-submit"));
    }

    @Test
    void cancellingAQueuedJobMakesItCancelledAtOnce() {
        jobs.states.put(JOB, queued);
        clock.advance(Duration.ofSeconds(3));

        cancel(JOB, "req-cancel").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/strategy/" + JOB + "/result")
                .expectBody()
                .jsonPath("$.data.status").isEqualTo("CANCELLED")
                .jsonPath("$.data.message").isEqualTo("cancelled by request req-cancel at 2026-12-03T10:15:33.123Z")
                .jsonPath("$.data.finished_at").isEqualTo("2026-12-03T10:15:33.123Z");

        assertThat(jobs.states.get(JOB).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.cancels.get(JOB).requestId()).isEqualTo("req-cancel");
        assertThat(jobs.withdrawn).containsExactly(jobs.states.get(JOB));
    }

    @Test
    void aQueuedJobIsCancelledEvenWhenKafkaRefusesItsCancelledState() {
        jobs.states.put(JOB, queued);
        jobs.kafkaDown = true;

        cancel(JOB, "req-cancel").expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("CANCELLED");

        assertThat(jobs.states.get(JOB).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.cancels).containsKey(JOB);
        assertThat(jobs.withdrawn).isEmpty();
    }

    @Test
    void cancellingARunningJobLeavesItToItsWorker() {
        JobState running = queued.running(clock.instant(), "worker-1").progressed(0.4, "scoring");
        jobs.states.put(JOB, running);

        cancel(JOB, "req-cancel").expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.data.status").isEqualTo("RUNNING")
                .jsonPath("$.data.progress").isEqualTo(0.4);

        assertThat(jobs.states.get(JOB)).isEqualTo(running);
        assertThat(jobs.cancels.get(JOB).requestedAt()).isEqualTo(clock.instant());
        assertThat(jobs.withdrawn).isEmpty();
    }

    @Test
    void aJobThatStartedWhileBeingCancelledIsLeftToItsWorker() {
        jobs.states.put(JOB, queued);
        JobState running = queued.running(clock.instant(), "worker-1");
        jobs.beforeReplace = () -> jobs.states.put(JOB, running);

        cancel(JOB, "req-cancel").expectStatus().isAccepted()
                .expectBody().jsonPath("$.data.status").isEqualTo("RUNNING");

        assertThat(jobs.states.get(JOB)).isEqualTo(running);
        assertThat(jobs.cancels).containsKey(JOB);
        assertThat(jobs.withdrawn).isEmpty();
    }

    @Test
    void cancellingAFinishedJobIs409WithItsStatusAndChangesNothing() {
        JobState done = queued.running(clock.instant(), "w").succeeded(clock.instant(), Map.of());
        jobs.states.put(JOB, done);

        cancel(JOB, "req-cancel").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("ALREADY_SUCCEEDED")
                .jsonPath("$.message").isEqualTo("job " + JOB + " is already SUCCEEDED; only a QUEUED or RUNNING job "
                        + "can be cancelled");

        assertThat(jobs.states.get(JOB)).isEqualTo(done);
        assertThat(jobs.cancels).isEmpty();
    }

    @Test
    void aSecondCancelOfACancelledJobIs409() {
        jobs.states.put(JOB, queued);
        cancel(JOB, "first").expectStatus().isOk();

        cancel(JOB, "second").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("ALREADY_CANCELLED");
    }

    @Test
    void cancellingAnUnknownJobIs404AndAStrategyIdIs400() {
        cancel(JOB, "r").expectStatus().isNotFound();
        cancel("value", "r").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_JOB_ID");

        assertThat(jobs.cancels).isEmpty();
    }

    @Test
    void cancellingWithoutACsrfTokenIs403() {
        jobs.states.put(JOB, queued);

        client.delete().uri("/api/strategy/jobs/{id}", JOB).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("CSRF_TOKEN_MISSING");

        assertThat(jobs.states.get(JOB)).isEqualTo(queued);
    }

    @Test
    void cancellingAJobRedisLostIs503WhileTheResultsAreRebuilt() {
        jobs.complete = false;

        cancel(JOB, "r").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
    }

    @Test
    void eventsFollowTheJobUntilItEndsAndThenComplete() {
        jobs.states.put(JOB, queued);
        JobState running = queued.running(clock.instant(), "worker-1").progressed(0.5, "half way");
        JobState done = running.succeeded(clock.instant(), Map.of("picks", List.of("600519")));

        List<JobState> seen = client.get().uri("/api/strategy/jobs/{id}/events", JOB)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .filter(event -> JobEvents.EVENT.equals(event.event()))
                .map(event -> Json.mapper().readValue(event.data(), JobState.class))
                .doOnNext(state -> jobs.states.put(JOB, state.status() == JobStatus.QUEUED ? running : done))
                .collectList().block(WAIT);

        assertThat(seen).containsExactly(queued, running, done);
    }

    @Test
    void eventsOfAFinishedJobAreItsStateAlone() {
        JobState failed = queued.failed(clock.instant(), "no bars");
        jobs.states.put(JOB, failed);

        List<ServerSentEvent<String>> events = client.get().uri("/api/strategy/jobs/{id}/events", JOB)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .collectList().block(WAIT);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("state");
            assertThat(Json.mapper().readValue(event.data(), JobState.class)).isEqualTo(failed);
        });
    }

    @Test
    void eventsSendHeartbeatsWhileNothingChanges() {
        jobs.states.put(JOB, queued);

        ServerSentEvent<String> heartbeat = client.get().uri("/api/strategy/jobs/{id}/events", JOB)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody()
                .filter(event -> event.comment() != null).blockFirst(WAIT);

        assertThat(heartbeat.comment()).isEqualTo("heartbeat");
    }

    @Test
    void eventsOfAnUnknownJobAre404InTheEnvelopeBeforeAnyStream() {
        client.get().uri("/api/strategy/jobs/{id}/events", JOB).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("unknown job " + JOB));
    }

    private WebTestClient.ResponseSpec cancel(String jobId, String requestId) {
        return client.delete().uri("/api/strategy/jobs/{id}", jobId)
                .header(CsrfTestTokens.HEADER, CsrfTestTokens.mint(SECRET, clock))
                .header(RequestIds.HEADER, requestId)
                .exchange();
    }
}
