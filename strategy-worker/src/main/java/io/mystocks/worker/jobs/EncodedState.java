package io.mystocks.worker.jobs;

import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Topics;

/**
 * A job state together with its JSON in the shared form, written once and sent as it is to Redis and to
 * {@code strategy.results}. A terminal state carries the whole result document, tens of kilobytes, and
 * writing it once per destination was a large part of a job's CPU.
 */
public final class EncodedState {
    private static final JsonSerde<JobState> STATES = JsonSerde.of(JobState.class);

    private final JobState state;
    private final byte[] json;

    private EncodedState(JobState state, byte[] json) {
        this.state = state;
        this.json = json;
    }

    /**
     * @throws org.apache.kafka.common.errors.SerializationException when the state cannot be written, such as a
     *                                                               result the shared mapper cannot serialise
     */
    public static EncodedState of(JobState state) {
        return new EncodedState(state, STATES.serialize(Topics.RESULTS.name(), state));
    }

    public JobState state() {
        return state;
    }

    /** The UTF-8 JSON; not copied, because both destinations only read it, so it must never be changed. */
    public byte[] json() {
        return json;
    }
}
