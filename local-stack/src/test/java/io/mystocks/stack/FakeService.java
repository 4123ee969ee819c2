package io.mystocks.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Stands in for a service jar in launcher tests: answers the health endpoints the launcher polls and
 * prints the environment it was given. A file named {@code fail} beside its jar makes it exit at once.
 */
public final class FakeService {
    private static final List<String> VARIABLES = List.of("KAFKA_BOOTSTRAP_SERVERS", "REDIS_ADDRESS", "SERVER_PORT",
            "SERVER_ADDRESS", "MYSTOCKS_DATA_DIR", "MYSTOCKS_PARENT_PID", "MYSTOCKS_CSRF_SECRET",
            "MYSTOCKS_SIMULATOR_RATE");

    private FakeService() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path jar = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.exists(jar.resolveSibling("fail"))) {
            System.out.println("boom: simulated start-up failure");
            System.exit(3);
        }
        VARIABLES.forEach(name -> System.out.println(name + "=" + System.getenv(name)));
        System.out.println("heap " + Runtime.getRuntime().maxMemory());
        watchParent(Long.parseLong(System.getenv("MYSTOCKS_PARENT_PID")));
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("SERVER_ADDRESS"),
                Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/health", exchange -> answer(exchange,
                "{\"success\":true,\"code\":0,\"data\":{\"status\":\"healthy\"}}"));
        server.start();
        System.out.println("listening");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void watchParent(long pid) {
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            System.exit(0);
        });
        watch.setDaemon(true);
        watch.start();
    }
}
