package io.mystocks.stack;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;

/** What the launcher was asked to do, with settings already checked. */
sealed interface Command {
    /**
     * Start Kafka, Redis and the four services, and keep them running until interrupted.
     *
     * @param port    the API's HTTP port
     * @param dataDir where every piece of state lives
     * @param fresh   wipe the data directory first
     * @param rate    quotes per second for the simulator, when not the ingest service's default
     * @param jarsDir the repository root holding {@code <module>/target/<module>-exec.jar}
     */
    record Up(int port, Path dataDir, boolean fresh, OptionalInt rate, Path jarsDir) implements Command {
        public Up {
            if (port < 1 || port > 65_535) {
                throw new UsageException("--port must be from 1 to 65535, not " + port);
            }
            if (rate.isPresent() && rate.getAsInt() < 1) {
                throw new UsageException("--rate must be a positive number of quotes per second, not "
                        + rate.getAsInt());
            }
            dataDir = dataDir.toAbsolutePath().normalize();
            jarsDir = jarsDir.toAbsolutePath().normalize();
        }
    }

    /** Create every catalogued topic that a cluster lacks. */
    record CreateTopics(String bootstrapServers, short replicationFactor) implements Command {
        public CreateTopics {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            if (bootstrapServers.isBlank()) {
                throw new UsageException("--bootstrap-servers must name at least one host:port");
            }
            if (replicationFactor < 1) {
                throw new UsageException("--replication-factor must be at least 1, not " + replicationFactor);
            }
        }
    }

    /** Print the usage. */
    record Help() implements Command {
    }
}
