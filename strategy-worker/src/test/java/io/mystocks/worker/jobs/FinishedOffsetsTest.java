package io.mystocks.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class FinishedOffsetsTest {
    private static final TopicPartition P0 = new TopicPartition("strategy.jobs", 0);
    private static final TopicPartition P1 = new TopicPartition("strategy.jobs", 1);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");

    FinishedOffsetsTest() {
        consumer.assign(List.of(P0, P1));
    }

    @Test
    void holdsFinishedOffsetsUntilTheIntervalHasPassedThenCommitsTheNextOffsetOfEachPartition() {
        FinishedOffsets finished = new FinishedOffsets(consumer, Duration.ofHours(1));

        finished.finished(record(P0, 4));
        finished.finished(record(P0, 5));
        finished.finished(record(P1, 9));
        finished.commitIfDue();

        assertThat(committed()).isEmpty();

        finished.commitAll();

        assertThat(committed()).containsOnly(Map.entry(P0, new OffsetAndMetadata(6)),
                Map.entry(P1, new OffsetAndMetadata(10)));
    }

    @Test
    void aZeroIntervalCommitsEveryRecordAsItFinishes() {
        FinishedOffsets finished = new FinishedOffsets(consumer, Duration.ZERO);

        finished.finished(record(P1, 0));

        assertThat(committed()).containsOnly(Map.entry(P1, new OffsetAndMetadata(1)));
    }

    @Test
    void commitsTheRevokedPartitionsOnlyAndLaterTheRest() {
        FinishedOffsets finished = new FinishedOffsets(consumer, Duration.ofHours(1));
        finished.finished(record(P0, 2));
        finished.finished(record(P1, 7));

        finished.revoked(List.of(P0));

        assertThat(committed()).containsOnly(Map.entry(P0, new OffsetAndMetadata(3)));

        finished.commitAll();

        assertThat(committed()).containsEntry(P1, new OffsetAndMetadata(8));
    }

    @Test
    void commitsNothingForPartitionsLostOrNoLongerAssigned() {
        FinishedOffsets finished = new FinishedOffsets(consumer, Duration.ofHours(1));
        finished.finished(record(P0, 2));
        finished.finished(record(P1, 7));

        finished.lost(List.of(P0));
        consumer.assign(List.of(P0));
        finished.commitAll();

        assertThat(committed()).isEmpty();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(consumer.committed(Set.of(P0, P1)));
        committed.values().removeIf(Objects::isNull);
        return committed;
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "job-" + offset, new byte[0]);
    }
}
