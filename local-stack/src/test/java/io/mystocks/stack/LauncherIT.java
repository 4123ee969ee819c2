package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole {@code up} command, with small stand-ins for the four service jars. */
class LauncherIT {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path jars;
    private Path data;
    private int apiPort;

    @BeforeEach
    void buildFakeJars() throws IOException {
        jars = dir.resolve("repo");
        data = dir.resolve("data");
        apiPort = FreePorts.next();
        for (Service service : Service.values()) {
            TestJars.runnable(FakeService.class, service.jar(jars));
        }
    }

    @Test
    void upStartsEverythingWiresTheServicesAndStopLeavesNothingBehind() throws Exception {
        Launcher launcher = launcher(OptionalInt.of(25));
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> run(launcher));
        await().atMost(Duration.ofSeconds(60)).until(() -> printed().contains("Press Ctrl-C to stop."));
        List<Long> pids = recordedPids();

        launcher.stop();

        assertThat(running.get()).isZero();
        assertThat(printed()).contains("MyStocks Streams is ready in").contains("http://127.0.0.1:" + apiPort);
        assertThat(Files.readString(data.resolve("logs/startup.log"))).contains("ready in");
        assertThat(data.resolve("logs/kafka.log")).exists();
        assertThat(data.resolve("logs/redis.log")).isNotEmptyFile();
        assertThat(pids).hasSize(5).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(data.resolve("run/redis.pid")).doesNotExist();
        String api = Files.readString(data.resolve("logs/api-service.log"));
        String ingest = Files.readString(data.resolve("logs/ingest-service.log"));
        assertThat(api).contains("SERVER_PORT=" + apiPort, "SERVER_ADDRESS=127.0.0.1",
                "MYSTOCKS_PARENT_PID=" + ProcessHandle.current().pid(), "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:",
                "REDIS_ADDRESS=redis://127.0.0.1:", "MYSTOCKS_DATA_DIR=" + data.resolve("services/api-service"))
                .doesNotContain("MYSTOCKS_CSRF_SECRET=null", "MYSTOCKS_SIMULATOR_RATE=25");
        assertThat(ingest).contains("MYSTOCKS_SIMULATOR_RATE=25", "MYSTOCKS_CSRF_SECRET=null");
        assertThat(Files.readString(data.resolve("stack.properties"))).contains("kafka.port=", "redis.port=",
                "strategy-worker.port=", "csrf.secret=");
    }

    @Test
    void aServiceThatDiesDuringStartUpIsNamedWithItsLogAndEverythingStops() throws Exception {
        Files.writeString(Service.INGEST.jar(jars).resolveSibling("fail"), "");
        Launcher launcher = launcher(OptionalInt.empty());

        int status = run(launcher);

        assertThat(status).isEqualTo(1);
        assertThat(errors()).contains("ingest-service exited with code 3 during start-up")
                .contains("Last 20 lines of " + data.resolve("logs/ingest-service.log"))
                .contains("boom: simulated start-up failure");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private Launcher launcher(OptionalInt rate) {
        return new Launcher(new Command.Up(apiPort, data, false, rate, jars), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Instant.now());
    }

    private Integer run(Launcher launcher) {
        try {
            return launcher.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private List<Long> recordedPids() throws IOException {
        try (var files = Files.list(data.resolve("run"))) {
            return files.filter(file -> file.toString().endsWith(".pid"))
                    .map(file -> Long.parseLong(read(file).lines().findFirst().orElseThrow().trim()))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
