package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aTakenPortIsRefusedWithAdvice() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            int status = up("--port", Integer.toString(port), "--data-dir", dir.resolve("data").toString());

            assertThat(status).isEqualTo(1);
            assertThat(errors()).contains("port " + port + " is in use; choose another with --port");
        }
    }

    @Test
    void missingJarsAreNamedWithTheBuildCommand() throws Exception {
        int status = up("--port", Integer.toString(FreePorts.next()), "--data-dir", dir.resolve("data").toString(),
                "--jars", dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(errors()).contains(dir.resolve("api-service/target/api-service-exec.jar").toString())
                .contains("./mvnw -q -B -DskipTests package");
    }

    @Test
    void aRefusedStartLeavesTheDataDirUnlocked() throws Exception {
        Path data = dir.resolve("data");
        up("--port", Integer.toString(FreePorts.next()), "--data-dir", data.toString(), "--jars", dir.toString());

        try (DataDir reopened = DataDir.open(data)) {
            assertThat(reopened.root()).isEqualTo(data);
        }
    }

    @Test
    void badArgumentsExitWithStatusTwoAndTheUsage() throws Exception {
        int status = up("--verbose");

        assertThat(status).isEqualTo(2);
        assertThat(errors()).contains("unknown option '--verbose' for up").contains("Usage:");
    }

    @Test
    void servicesRunOnThisJvmWithTheFlagsAndAHeapCeiling() {
        Path jar = Service.INDICATORS.jar(dir);

        List<String> command = Launcher.command(Service.INDICATORS, jar);

        assertThat(command.getFirst()).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(command).containsSubsequence("--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx768m", "-Xms768m", "-jar",
                dir.resolve("indicator-streams/target/indicator-streams-exec.jar").toString());
        assertThat(command).doesNotContain("-XX:+UseZGC");
    }

    @Test
    void theApiRunsWithALowPauseCollector() {
        List<String> command = Launcher.command(Service.API, Service.API.jar(dir));

        assertThat(command).containsSubsequence("-Xmx1536m", "-XX:+UseZGC", "-jar");
    }

    private int up(String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(List.of(options));
        return LocalStack.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Instant.now());
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
