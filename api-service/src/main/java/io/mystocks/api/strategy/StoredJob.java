package io.mystocks.api.strategy;

import io.mystocks.contracts.JobState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A job's state as the store holds it: the JSON a worker or the API wrote, and its fields without the
 * result, for decisions. Written into a response as that JSON, unchanged.
 *
 * <p>Design note: a finished backtest's state is tens of kilobytes, nearly all of it the result. Decoding
 * it into objects only to encode the same JSON again was two fifths of the API's CPU per job; the JSON
 * in the store is already the shared mapper's form of the state, so it is sent as it is.
 *
 * @param summary the state; its result is left out where the store could skip reading it
 * @param json    the whole state as stored
 */
@JsonSerialize(using = StoredJob.Writer.class)
@Schema(implementation = JobState.class)
public record StoredJob(JobState summary, String json) {
    public StoredJob {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(json, "json");
    }

    static final class Writer extends ValueSerializer<StoredJob> {
        @Override
        public void serialize(StoredJob job, JsonGenerator gen, SerializationContext context) {
            gen.writeRawValue(job.json());
        }
    }
}
