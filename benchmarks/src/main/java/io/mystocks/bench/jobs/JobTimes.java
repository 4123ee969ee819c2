package io.mystocks.bench.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The server's timestamps of one finished job. */
record JobTimes(String status, Instant submitted, Instant started, Instant finished) {
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    static Optional<JobTimes> ofTerminal(JsonNode state) {
        String status = state.path("status").asString();
        if (!TERMINAL.contains(status)) {
            return Optional.empty();
        }
        return Optional.of(new JobTimes(status, instant(state, "submitted_at"), instant(state, "started_at"),
                instant(state, "finished_at")));
    }

    Duration endToEnd() {
        return Duration.between(submitted, finished);
    }

    Duration running() {
        return started == null ? Duration.ZERO : Duration.between(started, finished);
    }

    private static Instant instant(JsonNode state, String field) {
        JsonNode value = state.path(field);
        return value.isMissingNode() || value.isNull() ? null : Instant.parse(value.asString());
    }
}
