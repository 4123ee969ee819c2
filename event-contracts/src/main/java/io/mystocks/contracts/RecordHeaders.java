package io.mystocks.contracts;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka record header names the services agree on. */
public final class RecordHeaders {
    /** The HTTP request id that caused the record, so that every service can log it. */
    public static final String REQUEST_ID = "x-request-id";
    /** On a dead letter: the first reason it was rejected. */
    public static final String DLQ_REASON = "dlq-reason";
    /** On a dead letter: the feed or topic/partition/offset it came from. */
    public static final String DLQ_SOURCE = "dlq-source";

    private RecordHeaders() {
    }

    /** The last value of a header as UTF-8 text, or null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
