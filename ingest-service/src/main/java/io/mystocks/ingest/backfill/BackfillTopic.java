package io.mystocks.ingest.backfill;

import java.util.Map;

/** What the backfill needs to know of the cluster it writes to. */
interface BackfillTopic {
    /** Identifies the cluster, so that a journal written for another cluster is not trusted. */
    String clusterId();

    /**
     * Reads the backfill topic up to its current end and collects the bars found, by the plan in their
     * {@value BackfillRecords#PLAN_HEADER} header.
     *
     * @param from per partition, the offset to start at; partitions left out are read from their start
     */
    WrittenBars scan(Map<Integer, Long> from);
}
