package io.mystocks.stack;

import io.mystocks.contracts.TopicSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode, running inside this JVM. It is the local stack's and the
 * integration tests' broker; production runs a real cluster.
 *
 * <p>Design note: {@link KafkaRaftServer} and {@link Formatter} are broker internals outside Kafka's
 * public-API promise, so they are used here and nowhere else. One node means replication factor 1
 * and min ISR 1 for the internal topics, or transactional producers would wait for replicas that
 * never come.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * Starts a broker whose data lives in {@code logDir}; existing data is reused, so a restart keeps
     * every topic and offset.
     *
     * @param brokerPort     the client port, or 0 for any free port
     * @param controllerPort the KRaft controller port, or 0 for any free port
     */
    public static EmbeddedKafkaBroker start(Path logDir, int brokerPort, int controllerPort) {
        Instant started = Instant.now();
        int clientPort = brokerPort > 0 ? brokerPort : FreePorts.next();
        int quorumPort = controllerPort > 0 ? controllerPort : FreePorts.next();
        try {
            Files.createDirectories(logDir);
            format(logDir);
            KafkaConfig config = KafkaConfig.fromProps(properties(logDir, clientPort, quorumPort), false);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + clientPort;
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap, logDir);
            broker.awaitReady(Duration.ofSeconds(60));
            log.info("Kafka broker ready on {} with data in {} after {} ms", bootstrap, logDir,
                    Duration.between(started, Instant.now()).toMillis());
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + logDir, e);
        }
    }

    /** A broker on free ports with its data in a new temporary directory, for tests. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            return start(Files.createTempDirectory("mystocks-kafka-"), 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka data directory", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    /** Creates the topics that do not exist yet, with their declared partitions and configs. */
    public void createTopics(Collection<TopicSpec> topics) {
        List<NewTopic> newTopics = topics.stream().map(topic -> topic.newTopic((short) 1)).toList();
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = newTopics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                log.info("Created {} topics: {}", missing.size(), missing.stream().map(NewTopic::name).toList());
            }
            List<TopicSpec> present = topics.stream().filter(topic -> existing.contains(topic.name())).toList();
            List<String> aligned = TopicConfigs.align(admin, present);
            if (!aligned.isEmpty()) {
                log.info("Set {} topic configs to the catalogue's: {}", aligned.size(), aligned);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics on " + bootstrapServers, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers, e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    @Override
    public void close() {
        log.info("Stopping Kafka broker on {}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka broker on " + bootstrapServers
                                + " did not become ready within " + timeout, notYet);
                    }
                }
            }
        }
    }

    /** Formats the directory once; later starts reuse its cluster id, as the broker requires. */
    private static void format(Path logDir) throws IOException {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data directory " + logDir, e);
        }
    }

    private static Properties properties(Path logDir, int clientPort, int quorumPort) throws IOException {
        Properties props = new Properties();
        try (InputStream defaults = EmbeddedKafkaBroker.class.getResourceAsStream("embedded-broker.properties")) {
            props.load(defaults);
        }
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + quorumPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + quorumPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        props.put("log.dirs", logDir.toString());
        props.put("metadata.log.dir", logDir.toString());
        return props;
    }
}
