package io.mystocks.stack;

import java.net.URI;

/**
 * One health endpoint of a service and what it must report.
 *
 * @param pointer  JSON pointer to the status in the response body
 * @param expected the status that means healthy
 */
record HealthCheck(String service, URI uri, String pointer, String expected) {
    /** Spring actuator's {@code /actuator/health}: {@code {"status": "UP"}}. */
    static HealthCheck actuator(String service, int port) {
        return new HealthCheck(service, URI.create("http://127.0.0.1:" + port + "/actuator/health"), "/status", "UP");
    }

    /** The API's own {@code /health}, in the response envelope: {@code {"data": {"status": "healthy"}}}. */
    static HealthCheck api(String service, int port) {
        return new HealthCheck(service, URI.create("http://127.0.0.1:" + port + "/health"), "/data/status",
                "healthy");
    }
}
