package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaQueueDepthTest {
    private static final TopicPartition P0 = new TopicPartition("strategy.jobs", 0);
    private static final TopicPartition P1 = new TopicPartition("strategy.jobs", 1);
    private static final TopicPartition P2 = new TopicPartition("strategy.jobs", 2);

    @Test
    void depthIsWhatTheGroupHasNotCommittedSummedOverPartitions() {
        long depth = KafkaQueueDepth.depth(Map.of(P0, 10L, P1, 7L), Map.of(P0, 0L, P1, 0L), Map.of(P0, 4L, P1, 7L));

        assertThat(depth).isEqualTo(6);
    }

    @Test
    void aPartitionWithoutACommitCountsFromItsLogStart() {
        long depth = KafkaQueueDepth.depth(Map.of(P0, 10L, P2, 30L), Map.of(P0, 0L, P2, 25L), Map.of(P0, 10L));

        assertThat(depth).isEqualTo(5);
    }

    @Test
    void aCommitBehindTheLogStartCountsOnlyTheRecordsStillThere() {
        long depth = KafkaQueueDepth.depth(Map.of(P0, 100L), Map.of(P0, 90L), Map.of(P0, 20L));

        assertThat(depth).isEqualTo(10);
    }

    @Test
    void aCommitAheadOfTheEndCountsNothing() {
        long depth = KafkaQueueDepth.depth(Map.of(P0, 5L), Map.of(P0, 0L), Map.of(P0, 9L));

        assertThat(depth).isZero();
    }
}
