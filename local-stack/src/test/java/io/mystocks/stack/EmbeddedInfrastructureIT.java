package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Topics;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {
    @TempDir
    Path dataDir;

    @Test
    void brokerCreatesTheCatalogueAndKeepsItAcrossARestart() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0, 0)) {
            broker.createTopics(Topics.all());
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0, 0);
             Admin admin = restarted.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    Topics.all().stream().map(t -> t.name()).toList()).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics).hasSize(Topics.all().size());
            assertThat(topics.get(Topics.QUOTES.name()).partitions()).hasSize(Topics.QUOTES.partitions());
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, Files.createDirectories(dataDir.resolve("r")));
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", redis.port()), 2_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().readNBytes(reply, 0, 7);

            assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void redisKeepsWritesAcrossARestart() throws Exception {
        Path redisData = Files.createDirectories(dataDir.resolve("persistent"));
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, redisData)) {
            assertThat(command(redis.port(), "SET job:1 done")).isEqualTo("+OK");
        }

        try (EmbeddedRedisServer restarted = EmbeddedRedisServer.start(0, redisData)) {
            assertThat(command(restarted.port(), "GET job:1")).isEqualTo("$4\r\ndone");
        }
        // The append-only file alone keeps them: no snapshot is written beside it.
        assertThat(redisData.resolve("appendonly.aof")).exists();
        assertThat(redisData.resolve("dump.rdb")).doesNotExist();
    }

    @Test
    void closingRedisEndsItsProcess() {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null);
        long pid = redis.pid();

        redis.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    /** Sends one inline command and returns the reply without its final line break. */
    private static String command(int port, String inline) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder reply = new StringBuilder();
            int lineBreaks = inline.startsWith("GET") ? 2 : 1;
            while (lineBreaks > 0) {
                int next = socket.getInputStream().read();
                if (next < 0) {
                    break;
                }
                reply.append((char) next);
                if (reply.toString().endsWith("\r\n")) {
                    lineBreaks--;
                }
            }
            return reply.toString().stripTrailing();
        }
    }
}
