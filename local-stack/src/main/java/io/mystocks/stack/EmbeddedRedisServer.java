package io.mystocks.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server process: the binary shipped in the {@code embedded-redis} artifact, started on
 * a free port. With a data directory it persists (append-only file), so job results survive a
 * restart of the local stack as they would with a production Redis.
 *
 * <p>Design note: the process is started here rather than through the artifact's own wrapper, so that
 * its pid is known (the launcher records it to clean up after a killed run), its output never fills
 * an unread pipe, and it stops with SIGTERM, which makes Redis flush its append-only file.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    /**
     * Job states are kept for their retention period (7 days) and a backtest's terminal state with its
     * equity curve and trades is about 80 KB: 2 GB holds some 25,000 of them. Writes are refused rather than
     * keys evicted when it is full, so that no job state or idempotency key disappears silently.
     */
    static final String MAX_MEMORY = "2gb";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Thread stopOnExit;

    private EmbeddedRedisServer(Process process, int port, boolean stopWithJvm) {
        this.process = process;
        this.port = port;
        this.stopOnExit = stopWithJvm ? new Thread(this::stopProcess, "redis-" + port + "-stop") : null;
        if (stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /**
     * Starts a server that is stopped, at the latest, when this JVM exits.
     *
     * @param port    the port, or 0 for any free port
     * @param dataDir where Redis keeps its append-only file, or null for a server that keeps nothing
     */
    public static EmbeddedRedisServer start(int port, Path dataDir) {
        return start(port, dataDir, null, false);
    }

    /**
     * Starts a server for the launcher, which stops it itself after the services that use it.
     *
     * @param logFile  where the server's output is appended, or null to discard it
     * @param detached true to run it in its own session, out of reach of the terminal's Ctrl-C, and
     *                 without a JVM exit hook: the caller decides when it stops
     */
    static EmbeddedRedisServer start(int port, Path dataDir, Path logFile, boolean detached) {
        Instant started = Instant.now();
        int chosen = port > 0 ? port : FreePorts.next();
        try {
            List<String> command = command(chosen, dataDir);
            ProcessBuilder builder = new ProcessBuilder(detached ? ProcessGroups.detached(command) : command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile == null ? ProcessBuilder.Redirect.DISCARD
                            : ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            EmbeddedRedisServer server = new EmbeddedRedisServer(builder.start(), chosen, !detached);
            server.awaitListening();
            log.info("Redis ready on 127.0.0.1:{} after {} ms", chosen,
                    Duration.between(started, Instant.now()).toMillis());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server on port " + chosen, e);
        }
    }

    public int port() {
        return port;
    }

    /** The address in the form Redisson takes. */
    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    /** The operating-system process id of the redis-server. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                log.debug("JVM is shutting down; stopping Redis on port {} from here", port);
            }
        }
        stopProcess();
        log.info("Stopped Redis on port {}", port);
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Redis on port {} did not stop within {}; killing it", port, STOP_TIMEOUT);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> command(int port, Path dataDir) throws IOException {
        File binary = ExecutableProvider.newJarResourceProvider().get();
        List<String> command = new ArrayList<>(List.of(binary.getAbsolutePath(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--maxmemory", MAX_MEMORY, "--maxmemory-policy", "noeviction"));
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            // The append-only file is the persistence; Redis's default snapshot rules would also fork and
            // write the whole dataset every minute under load, on cores the services share.
            command.addAll(List.of("--dir", dataDir.toAbsolutePath().toString(),
                    "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""));
        } else {
            command.addAll(List.of("--save", "", "--appendonly", "no"));
        }
        return command;
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server for port " + port + " exited with code "
                        + process.exitValue() + " before it listened");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    stopProcess();
                    throw new IllegalStateException("redis-server did not listen on " + port + " within "
                            + READY_TIMEOUT);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }
}
