package io.mystocks.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process: the binary shipped in the {@code embedded-redis} artifact, started on
 * a free port. With a data directory it persists (append-only file), so job results survive a
 * restart of the local stack as they would with a production Redis.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port    the port, or 0 for any free port
     * @param dataDir where Redis keeps its append-only file, or null for a server that keeps nothing
     */
    public static EmbeddedRedisServer start(int port, Path dataDir) {
        Instant started = Instant.now();
        int chosen = port > 0 ? port : FreePorts.next();
        try {
            var builder = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(chosen)
                    .setting("maxmemory 512mb")
                    .setting("maxmemory-policy noeviction")
                    .onShutdownForceStop(true);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setting("dir " + dataDir.toAbsolutePath())
                        .setting("appendonly yes")
                        .setting("appendfsync everysec");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            awaitListening(chosen, Duration.ofSeconds(10));
            log.info("Redis ready on 127.0.0.1:{} after {} ms", chosen,
                    Duration.between(started, Instant.now()).toMillis());
            return new EmbeddedRedisServer(server, chosen);
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

    @Override
    public void close() {
        try {
            server.stop();
            log.info("Stopped Redis on port {}", port);
        } catch (IOException e) {
            log.warn("Redis on port {} did not stop cleanly", port, e);
        }
    }

    private static void awaitListening(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("redis-server did not listen on " + port + " within " + timeout);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }
}
