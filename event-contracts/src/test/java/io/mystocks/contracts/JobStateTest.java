package io.mystocks.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobStateTest {
    private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant STOPPED = Instant.parse("2026-12-03T10:00:07Z");

    @Test
    void cancelledKeepsTheProgressAndTheWorkerAndSaysWhoAskedAndWhen() {
        JobRequest request = new JobRequest("job-1", "value", Map.of(), SUBMITTED, "req-1");
        JobCancel cancel = new JobCancel("job-1", SUBMITTED.plusSeconds(5), "req-cancel");
        JobState running = JobState.queued(request).running(SUBMITTED.plusSeconds(1), "worker-a")
                .progressed(0.4, "scoring");

        JobState cancelled = running.cancelled(STOPPED, cancel.describe());

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.status().isTerminal()).isTrue();
        assertThat(cancelled.progress()).isEqualTo(0.4);
        assertThat(cancelled.worker()).isEqualTo("worker-a");
        assertThat(cancelled.finishedAt()).isEqualTo(STOPPED);
        assertThat(cancelled.message()).isEqualTo("cancelled by request req-cancel at 2026-12-03T10:00:05Z");
    }

    @Test
    void cancelRequestsLiveNextToTheJobStateAndRoundTripInSnakeCase() {
        JobCancel cancel = new JobCancel("job-1", STOPPED, "req-cancel");

        String json = Json.mapper().writeValueAsString(cancel);

        assertThat(JobCancel.redisKey("job-1")).isEqualTo("mystocks:job:job-1:cancel");
        assertThat(json).contains("\"requested_at\":\"2026-12-03T10:00:07Z\"", "\"request_id\":\"req-cancel\"");
        assertThat(Json.mapper().readValue(json, JobCancel.class)).isEqualTo(cancel);
    }
}
