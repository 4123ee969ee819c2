package io.mystocks.bench.jobs;

import io.mystocks.contracts.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** The server's timestamps of one finished job. */
record JobTimes(String status, Instant submitted, Instant started, Instant finished) {
    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    /**
     * The times of a finished job from the result endpoint's envelope, or empty while it runs. The envelope is
     * read as a stream and every nested value (the result, tens of kilobytes) is skipped: building a tree of
     * each result made this client take more of the machine than the worker it measures.
     */
    static Optional<JobTimes> ofTerminal(byte[] envelope) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = Json.mapper().createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                    readState(parser, fields);
                } else {
                    parser.skipChildren();
                }
            }
        }
        String status = fields.get("status");
        if (status == null || !TERMINAL.contains(status)) {
            return Optional.empty();
        }
        return Optional.of(new JobTimes(status, instant(fields.get("submitted_at")),
                instant(fields.get("started_at")), instant(fields.get("finished_at"))));
    }

    /** The state's top-level text values; the parser is on its opening brace and ends on its closing one. */
    private static void readState(JsonParser parser, Map<String, String> fields) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fields.put(name, parser.getString());
            } else {
                parser.skipChildren();
            }
        }
    }

    Duration endToEnd() {
        return Duration.between(submitted, finished);
    }

    Duration running() {
        return started == null ? Duration.ZERO : Duration.between(started, finished);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
