package io.mystocks.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRequestTest {
    private static final Instant SUBMITTED = Instant.parse("2026-12-03T10:00:00Z");
    private final JsonSerde<JobRequest> serde = JsonSerde.of(JobRequest.class);

    @Test
    void aRecordWrittenBeforeIdempotencyExistedStillDecodes() {
        byte[] old = ("{\"job_id\":\"job-1\",\"strategy_id\":\"value\",\"params\":{\"top_n\":5},"
                + "\"submitted_at\":\"2026-12-03T10:00:00Z\",\"request_id\":\"req-1\"}").getBytes(StandardCharsets.UTF_8);

        JobRequest request = serde.deserialize(Topics.JOBS.name(), old);

        assertThat(request).isEqualTo(new JobRequest("job-1", "value", Map.of("top_n", 5), SUBMITTED, "req-1"));
        assertThat(request.idempotency()).isNull();
    }

    @Test
    void theIdempotencyKeyRoundTripsInSnakeCase() {
        JobRequest request = new JobRequest("job-1", "value", Map.of(), SUBMITTED, "req-1",
                new JobRequest.Idempotency("order-42", "ab12"));

        byte[] json = serde.serialize(Topics.JOBS.name(), request);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"idempotency\":{\"key\":\"order-42\",\"fingerprint\":\"ab12\"}");
        assertThat(serde.deserialize(Topics.JOBS.name(), json)).isEqualTo(request);
    }
}
