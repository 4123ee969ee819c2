package io.mystocks.worker.jobs;

import io.mystocks.contracts.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record taken from {@code strategy.jobs}, still undecoded.
 *
 * @param requestId the request id header, or null
 */
record JobRecord(String topic, int partition, long offset, String key, byte[] value, String requestId) {

    static JobRecord of(ConsumerRecord<String, byte[]> record) {
        return new JobRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                RecordHeaders.text(record.headers(), RecordHeaders.REQUEST_ID));
    }

    /** {@code topic/partition/offset}, as logs and dead letters name a record. */
    String coordinates() {
        return topic + "/" + partition + "/" + offset;
    }
}
