package io.mystocks.ingest.push;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What became of every quote of a pushed batch: the {@code data} of the response.
 *
 * @param accepted how many are on {@code market.quotes}, acknowledged by Kafka
 * @param rejected how many are on the dead-letter topic, with their reasons
 * @param failed   how many Kafka did not acknowledge in time: neither written for sure nor rejected; resend them
 * @param results  one entry per quote, in the order of the batch
 */
record PushReport(int accepted, int rejected, int failed, List<Result> results) {
    PushReport {
        results = List.copyOf(results);
    }

    static PushReport of(List<Result> results) {
        int accepted = (int) results.stream().filter(result -> result.status() == Status.ACCEPTED).count();
        int rejected = (int) results.stream().filter(result -> result.status() == Status.REJECTED).count();
        return new PushReport(accepted, rejected, results.size() - accepted - rejected, results);
    }

    /** The outcome of one quote; {@code reasons} is empty when it was accepted. */
    record Result(int index, Status status, List<String> reasons) {
        Result {
            reasons = List.copyOf(reasons);
        }
    }

    enum Status {
        ACCEPTED, REJECTED, FAILED;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
