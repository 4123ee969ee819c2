package io.mystocks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A worker honouring cancel requests the way the API stores them, against a real broker and Redis. */
class JobCancellationIT {
    private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");

    private static JobsTestKit kit;
    private static GatedStrategy gate;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void startWorker() {
        kit = JobsTestKit.start();
        gate = new GatedStrategy();
        worker = Workers.start(kit, gate, "worker-c", "10s");
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        kit.close();
    }

    @Test
    void stopsARunningJobAtItsNextProgressPointAndPublishesItCancelled() throws Exception {
        JobRequest request = gated("cancel-running");
        kit.storeState(JobState.queued(request));
        kit.submit(request);
        await().atMost(JobsTestKit.PATIENCE).until(() -> kit.readState("cancel-running")
                .filter(state -> state.status() == JobStatus.RUNNING && state.progress() > 0).isPresent());

        kit.requestCancel(new JobCancel("cancel-running", SUBMITTED.plusSeconds(9), "req-cancel-1"));
        gate.open(1);

        JobState cancelled = kit.awaitTerminal("cancel-running");
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.message()).isEqualTo("cancelled by request req-cancel-1 at 2026-12-03T10:00:09Z");
        assertThat(cancelled.worker()).isEqualTo("worker-c");
        assertThat(cancelled.progress()).isEqualTo(0.1);
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThat(cancelled.result()).isNull();
        assertThat(gate.completions("cancel-running")).isZero();
        assertThat(kit.awaitResultOnTopic("cancel-running")).isEqualTo(cancelled);
        assertThat(kit.hasCancelRequest("cancel-running")).isFalse();
    }

    @Test
    void publishesAJobCancelledBeforeAnyWorkerTookItWithoutRunningIt() throws Exception {
        JobRequest request = gated("cancel-queued");
        JobCancel cancel = new JobCancel("cancel-queued", SUBMITTED.plusSeconds(1), "req-cancel-2");
        JobState cancelled = JobState.queued(request).cancelled(SUBMITTED.plusSeconds(1), cancel.describe());
        kit.storeState(cancelled);
        kit.requestCancel(cancel);

        kit.submit(request);

        assertThat(kit.awaitResultOnTopic("cancel-queued")).isEqualTo(cancelled);
        await().atMost(JobsTestKit.PATIENCE).until(() -> !kit.hasCancelRequest("cancel-queued"));
        assertThat(kit.readState("cancel-queued")).contains(cancelled);
        assertThat(gate.completions("cancel-queued")).isZero();
    }

    @Test
    void neverLetsAWorkerReplaceATerminalState() throws Exception {
        JobRequest request = gated("already-done");
        JobState done = JobState.queued(request).running(SUBMITTED, "worker-x").succeeded(SUBMITTED, Map.of());
        kit.storeState(done);
        kit.requestCancel(new JobCancel("already-done", SUBMITTED, "req-late"));

        RecordMetadata queued = kit.submit(request);
        TopicPartition partition = new TopicPartition(queued.topic(), queued.partition());
        await().atMost(JobsTestKit.PATIENCE).until(() -> kit.committed(partition) > queued.offset());

        assertThat(kit.readState("already-done")).contains(done);
        assertThat(kit.resultsOnTopic()).noneMatch(record -> "already-done".equals(record.key()));
    }

    private static JobRequest gated(String jobId) {
        return new JobRequest(jobId, GatedStrategy.ID, Map.of("job", jobId), SUBMITTED, "req-" + jobId);
    }
}
