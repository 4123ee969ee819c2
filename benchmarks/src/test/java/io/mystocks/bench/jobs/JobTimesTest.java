package io.mystocks.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobTimesTest {

    @Test
    void aFinishedJobsTimesAreReadPastItsNestedResult() {
        String envelope = """
                {"success":true,"code":0,"message":"ok","data":{"job_id":"j1","strategy_id":"ma_cross",
                "status":"SUCCEEDED","progress":1.0,"submitted_at":"2026-12-04T10:00:00Z",
                "result":{"trades":[{"status":"FAILED","finished_at":"1999-01-01T00:00:00Z"}],"equity":[1,2,3]},
                "started_at":"2026-12-04T10:00:00.010Z","finished_at":"2026-12-04T10:00:00.025Z","error":null},
                "request_id":"r1","timestamp":"2026-12-04T10:00:01Z"}
                """;

        JobTimes times = JobTimes.ofTerminal(envelope.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(times.status()).isEqualTo("SUCCEEDED");
        assertThat(times.submitted()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(times.finished()).isEqualTo(Instant.parse("2026-12-04T10:00:00.025Z"));
        assertThat(times.endToEnd()).isEqualTo(Duration.ofMillis(25));
        assertThat(times.running()).isEqualTo(Duration.ofMillis(15));
    }

    @Test
    void aJobStillRunningHasNoTimesYet() {
        String envelope = """
                {"success":true,"data":{"job_id":"j2","status":"RUNNING","progress":0.4,
                "submitted_at":"2026-12-04T10:00:00Z","started_at":"2026-12-04T10:00:01Z","result":null}}
                """;

        assertThat(JobTimes.ofTerminal(envelope.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aJobThatNeverStartedHasNoRunningTime() {
        String envelope = """
                {"data":{"status":"CANCELLED","submitted_at":"2026-12-04T10:00:00Z",
                "finished_at":"2026-12-04T10:00:02Z"}}
                """;

        JobTimes times = JobTimes.ofTerminal(envelope.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(times.started()).isNull();
        assertThat(times.running()).isEqualTo(Duration.ZERO);
        assertThat(times.endToEnd()).isEqualTo(Duration.ofSeconds(2));
    }
}
