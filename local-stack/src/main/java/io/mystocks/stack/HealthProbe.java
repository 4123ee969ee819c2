package io.mystocks.stack;

import io.mystocks.contracts.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Asks health endpoints for their status over HTTP. */
final class HealthProbe {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_DETAIL = 300;

    /**
     * What an endpoint said.
     *
     * @param detail the status, or why there is none, for the user when start-up fails
     */
    record Answer(boolean healthy, String detail) {
    }

    private final HttpClient client;

    HealthProbe(HttpClient client) {
        this.client = client;
    }

    static HealthProbe create() {
        return new HealthProbe(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    Answer ask(HealthCheck check) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(check.uri()).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return judge(check, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(false, "no answer from " + check.uri() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Health endpoints answer 503 with a body when down, so the body decides, not the status code. */
    static Answer judge(HealthCheck check, int statusCode, String body) {
        try {
            JsonNode status = Json.mapper().readTree(body).at(check.pointer());
            if (status.isString() && status.asString().equals(check.expected())) {
                return new Answer(true, check.expected());
            }
        } catch (JacksonException notJson) {
            return new Answer(false, "HTTP " + statusCode + ", not JSON: " + abbreviate(body));
        }
        return new Answer(false, "HTTP " + statusCode + ": " + abbreviate(body));
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }
}
