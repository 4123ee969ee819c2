package io.mystocks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local stack as a user runs it: the launcher jar started with {@code up} in its own process, over a
 * temporary data directory, with the executable jars this build just packaged.
 */
final class RunningStack implements AutoCloseable {
    private final Process launcher;
    private final int port;
    private final Path dataDir;
    private final Path output;

    private RunningStack(Process launcher, int port, Path dataDir, Path output) {
        this.launcher = launcher;
        this.port = port;
        this.dataDir = dataDir;
        this.output = output;
    }

    static RunningStack start(Path root, Path dataDir, List<String> extraArgs) throws IOException {
        Path launcherJar = root.resolve("local-stack/target/local-stack-exec.jar");
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException(launcherJar + " is missing: run the build through the package phase");
        }
        int port = freePort();
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-launcher.log");
        List<String> command = new ArrayList<>(List.of(javaBinary(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-jar", launcherJar.toString(), "up", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString(), "--jars", root.toString()));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        return new RunningStack(process, port, dataDir, output);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Process launcher() {
        return launcher;
    }

    Path dataDir() {
        return dataDir;
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every process the launcher started, to check afterwards that none is left. */
    List<ProcessHandle> descendants() {
        return launcher.toHandle().descendants().toList();
    }

    /** Stops the stack as Ctrl-C would (SIGTERM to the launcher) and waits for the launcher to exit. */
    int stop(Duration timeout) throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            launcher.destroyForcibly();
            throw new IllegalStateException("the launcher did not stop within " + timeout);
        }
        return launcher.exitValue();
    }

    @Override
    public void close() {
        if (launcher.isAlive()) {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
