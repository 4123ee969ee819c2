package io.mystocks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two workers of one consumer group share a batch of jobs; one is stopped abruptly while it runs a job
 * (its record uncommitted, nothing of that run published) and the other takes its partitions over.
 *
 * <p>What "exactly once in the results" means here, and what is checked: every job has exactly one
 * state in Redis, SUCCEEDED, and exactly one record on {@code strategy.results}, equal to it; every
 * job's strategy ran to its end exactly once. The job the stopped worker was running was started twice
 * (attempts 2), which is the at-least-once delivery underneath; what makes the results exactly once is
 * that a worker publishes and stores a job's outcome before it commits the job's record, and skips a
 * record whose job is already terminal.
 */
class WorkerFailoverIT {
    private static final int JOBS = 30;
    private static final int BEFORE_KILL = 10;
    private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void everyJobCompletesExactlyOnceWhenAWorkerIsKilledMidBatch() throws Exception {
        try (JobsTestKit kit = JobsTestKit.start()) {
            GatedStrategy gate = new GatedStrategy();
            ConfigurableApplicationContext killed = Workers.start(kit, gate, "worker-a", "0s");
            ConfigurableApplicationContext survivor = Workers.start(kit, gate, "worker-b", "10s");
            try {
                awaitBothMembersAssigned(kit);
                List<String> jobIds = submitBatch(kit);

                gate.open(BEFORE_KILL);
                await().atMost(JobsTestKit.PATIENCE).until(() -> count(kit, jobIds, JobStatus.SUCCEEDED) == BEFORE_KILL
                        && waitingAtTheGate(kit, jobIds, "worker-a").isPresent()
                        && waitingAtTheGate(kit, jobIds, "worker-b").isPresent());
                String abandoned = waitingAtTheGate(kit, jobIds, "worker-a").orElseThrow();
                killed.close();
                gate.open(JOBS - BEFORE_KILL);
                await().atMost(JobsTestKit.PATIENCE).until(() -> count(kit, jobIds, JobStatus.SUCCEEDED) == JOBS);

                assertExactlyOnceInTheResults(kit, jobIds, gate);
                JobState rerun = kit.readState(abandoned).orElseThrow();
                assertThat(rerun.worker()).isEqualTo("worker-b");
                assertThat(rerun.attempts()).as("started by the killed worker, then by the survivor").isEqualTo(2);
                assertEverythingCommitted(kit);
            } finally {
                survivor.close();
                killed.close();
            }
        }
    }

    private static void assertExactlyOnceInTheResults(JobsTestKit kit, List<String> jobIds, GatedStrategy gate) {
        Map<String, List<JobState>> published = kit.resultsOnTopic().stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(jobIds);
        for (String jobId : jobIds) {
            JobState stored = kit.readState(jobId).orElseThrow();
            assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(stored.result()).isEqualTo(Map.of("job", jobId));
            assertThat(published.get(jobId)).as("records of %s on %s", jobId, Topics.RESULTS.name())
                    .containsExactly(stored);
            assertThat(gate.completions(jobId)).as("runs of %s that got to the end", jobId).isEqualTo(1);
        }
    }

    private static void assertEverythingCommitted(JobsTestKit kit) throws ExecutionException, InterruptedException {
        try (Admin admin = kit.admin()) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, Topics.JOBS.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.JOBS.name(), p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            await().atMost(JobsTestKit.PATIENCE).untilAsserted(() -> {
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    long committed = kit.committed(end.getKey());
                    assertThat(Math.max(committed, 0)).as("committed offset of %s", end.getKey())
                            .isEqualTo(end.getValue());
                }
            });
        }
    }

    private static List<String> submitBatch(JobsTestKit kit) throws Exception {
        List<String> jobIds = IntStream.rangeClosed(1, JOBS).mapToObj(i -> "failover-%02d".formatted(i)).toList();
        for (String jobId : jobIds) {
            JobRequest request = new JobRequest(jobId, GatedStrategy.ID, Map.of("job", jobId), SUBMITTED,
                    "req-" + jobId);
            kit.storeState(JobState.queued(request));
            kit.submit(request);
        }
        return jobIds;
    }

    /** Both consumers are in the group with partitions of their own before any job is queued. */
    private static void awaitBothMembersAssigned(JobsTestKit kit) {
        try (Admin admin = kit.admin()) {
            await().atMost(JobsTestKit.PATIENCE).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(JobsTestKit.GROUP)).all().get()
                        .get(JobsTestKit.GROUP);
                return group.members().size() == 2 && group.members().stream()
                        .allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    private static long count(JobsTestKit kit, List<String> jobIds, JobStatus status) {
        return jobIds.stream().map(kit::readState).flatMap(Optional::stream)
                .filter(state -> state.status() == status).count();
    }

    /** The job a worker holds at the gate: RUNNING, with the progress reported before the gate. */
    private static Optional<String> waitingAtTheGate(JobsTestKit kit, List<String> jobIds, String worker) {
        return jobIds.stream().map(kit::readState).flatMap(Optional::stream)
                .filter(state -> state.status() == JobStatus.RUNNING && state.progress() > 0
                        && worker.equals(state.worker()))
                .map(JobState::jobId).findFirst();
    }
}
