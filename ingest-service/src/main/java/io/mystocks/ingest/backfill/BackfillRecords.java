package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.RecordHeaders;
import io.mystocks.contracts.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * The records of {@code market.bars.backfill}: a closed {@link Bar} keyed by symbol, with the plan that wrote
 * it in a header. The record timestamp is left to the producer (the time of writing): the bar's own time,
 * years back, would make the broker delete it at once under the topic's time-based retention.
 */
final class BackfillRecords {
    /** Header naming the {@link BackfillPlan} a bar belongs to. */
    static final String PLAN_HEADER = "backfill-plan";

    private static final JsonSerde<Bar> BARS = JsonSerde.of(Bar.class);

    private BackfillRecords() {
    }

    static ProducerRecord<String, byte[]> record(BackfillPlan plan, Bar bar) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BARS_BACKFILL.name(), bar.symbol(),
                BARS.serialize(Topics.BARS_BACKFILL.name(), bar));
        RecordHeaders.put(record.headers(), PLAN_HEADER, plan.id());
        return record;
    }

    /** The plan of a record, or null when it has none (not written by this backfill). */
    static String plan(Headers headers) {
        return RecordHeaders.text(headers, PLAN_HEADER);
    }

    /** @throws SerializationException when the value is not a bar */
    static Bar bar(byte[] value) {
        return BARS.deserialize(Topics.BARS_BACKFILL.name(), value);
    }
}
