package io.mystocks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker whose Redis is full (maxmemory reached, noeviction: every write is refused, deletes are not):
 * no job waits for Redis to have room, every result reaches {@code strategy.results}, and what Redis still
 * holds of those jobs is deleted with the API's marker of complete job states, so that the API answers 503
 * for them and restores them from the topic once Redis takes writes again.
 */
class RedisFullIT {
    private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final String RESULTS_COMPLETE = "mystocks:jobs:results-complete";

    private static JobsTestKit kit;
    private static GatedStrategy gate;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void startWorker() {
        kit = JobsTestKit.start();
        gate = new GatedStrategy();
        worker = Workers.start(kit, gate, "worker-full", "10s");
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        kit.close();
    }

    @Test
    void jobsEndOnTheResultsTopicAndAreCommittedWhileRedisRefusesWrites() throws Exception {
        List<JobRequest> jobs = List.of(gated("full-1"), gated("full-2"), gated("full-3"));
        jobs.forEach(job -> kit.storeState(JobState.queued(job)));
        kit.set(RESULTS_COMPLETE, "complete");
        kit.maxMemory("1");
        gate.open(jobs.size());

        List<RecordMetadata> records = jobs.stream().map(this::submit).toList();

        for (JobRequest job : jobs) {
            JobState result = kit.awaitResultOnTopic(job.jobId());
            assertThat(result.status()).as(result.message()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(result.worker()).isEqualTo("worker-full");
            assertThat(gate.completions(job.jobId())).isEqualTo(1);
        }
        for (RecordMetadata record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            await().atMost(JobsTestKit.PATIENCE).until(() -> kit.committed(partition) > record.offset());
        }
        assertThat(jobs).allSatisfy(job -> assertThat(kit.readState(job.jobId())).isEmpty());
        assertThat(kit.exists(RESULTS_COMPLETE)).isFalse();

        kit.maxMemory("2gb");
        JobRequest later = gated("full-after");
        gate.open(1);
        submit(later);

        assertThat(kit.awaitTerminal("full-after").status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private RecordMetadata submit(JobRequest job) {
        try {
            return kit.submit(job);
        } catch (Exception e) {
            throw new AssertionError("cannot queue " + job.jobId(), e);
        }
    }

    private static JobRequest gated(String jobId) {
        return new JobRequest(jobId, GatedStrategy.ID, Map.of("job", jobId), SUBMITTED, "req-" + jobId);
    }
}
