package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HealthProbeTest {
    private final HealthCheck actuator = HealthCheck.actuator("strategy-worker", 1);
    private final HealthCheck api = HealthCheck.api("api-service", 1);

    @Test
    void actuatorUpIsHealthy() {
        assertThat(HealthProbe.judge(actuator, 200, "{\"status\":\"UP\",\"groups\":[]}").healthy()).isTrue();
    }

    @Test
    void actuatorDownIsNotHealthyAndTheBodyIsKept() {
        HealthProbe.Answer answer = HealthProbe.judge(actuator, 503, "{\"status\":\"DOWN\"}");

        assertThat(answer.healthy()).isFalse();
        assertThat(answer.detail()).isEqualTo("HTTP 503: {\"status\":\"DOWN\"}");
    }

    @Test
    void theApiMustSayHealthyInsideTheEnvelope() {
        String healthy = "{\"success\":true,\"code\":0,\"data\":{\"status\":\"healthy\"}}";
        String degraded = "{\"success\":true,\"code\":0,\"data\":{\"status\":\"degraded\"}}";

        assertThat(HealthProbe.judge(api, 200, healthy).healthy()).isTrue();
        assertThat(HealthProbe.judge(api, 200, degraded).healthy()).isFalse();
        assertThat(HealthProbe.judge(api, 200, "{\"status\":\"healthy\"}").healthy()).isFalse();
    }

    @Test
    void aBodyThatIsNotJsonIsNotHealthy() {
        HealthProbe.Answer answer = HealthProbe.judge(api, 502, "<html>Bad Gateway</html>");

        assertThat(answer.healthy()).isFalse();
        assertThat(answer.detail()).startsWith("HTTP 502, not JSON");
    }

    @Test
    void theProbeAsksOverHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", exchange -> respond(exchange.getResponseBody(), exchange));
        server.start();
        try {
            HealthCheck check = HealthCheck.actuator("ingest-service", server.getAddress().getPort());

            HealthProbe.Answer answer = HealthProbe.create().ask(check);

            assertThat(answer.healthy()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nobodyListeningIsNotHealthy() throws InterruptedException {
        HealthProbe.Answer answer = HealthProbe.create().ask(HealthCheck.actuator("x", FreePorts.next()));

        assertThat(answer.healthy()).isFalse();
        assertThat(answer.detail()).startsWith("no answer from");
    }

    private static void respond(OutputStream body, com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        byte[] bytes = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (body) {
            body.write(bytes);
        }
    }
}
