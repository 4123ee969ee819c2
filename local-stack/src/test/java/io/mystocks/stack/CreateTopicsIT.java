package io.mystocks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Interval;
import io.mystocks.contracts.TopicSpec;
import io.mystocks.contracts.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreateTopicsIT {
    private static EmbeddedKafkaBroker broker;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void createsEveryCatalogueTopicWithItsDeclaredPartitionsAndConfigs() throws Exception {
        int status = createTopics();

        assertThat(status).isZero();
        assertThat(printed()).contains("Created " + Topics.all().size() + " topics with replication factor 1");
        try (Admin admin = broker.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.all().stream().map(TopicSpec::name)
                    .toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(Topics.all()).allSatisfy(spec -> {
                assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions());
                assertThat(topics.get(spec.name()).partitions().getFirst().replicas()).hasSize(1);
            });
            ConfigResource results = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RESULTS.name());
            Config config = admin.describeConfigs(List.of(results)).all().get(30, TimeUnit.SECONDS).get(results);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value())
                    .isEqualTo(Long.toString(TopicSpec.COMPACTED_SEGMENT_MS));
        }
    }

    @Test
    @Order(2)
    void aSecondRunFindsEverythingInPlace() throws Exception {
        int status = createTopics();

        assertThat(status).isZero();
        assertThat(printed()).contains("Created 0 topics").contains(Topics.all().size() + " existed already");
    }

    @Test
    @Order(3)
    void aTopicMadeWithOtherConfigsGetsTheDeclaredOnesOnTheNextRun() throws Exception {
        ConfigResource bars = new ConfigResource(ConfigResource.Type.TOPIC, Topics.bars(Interval.M1).name());
        try (Admin admin = broker.admin()) {
            admin.incrementalAlterConfigs(Map.of(bars, List.of(new AlterConfigOp(new ConfigEntry(
                    TopicConfig.SEGMENT_MS_CONFIG, "604800000"), AlterConfigOp.OpType.SET)))).all()
                    .get(30, TimeUnit.SECONDS);
        }

        int status = createTopics();

        assertThat(status).isZero();
        try (Admin admin = broker.admin()) {
            Config config = admin.describeConfigs(List.of(bars)).all().get(30, TimeUnit.SECONDS).get(bars);
            assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value())
                    .isEqualTo(Long.toString(TopicSpec.COMPACTED_SEGMENT_MS));
        }
    }

    private int createTopics() throws InterruptedException {
        return LocalStack.run(List.of("create-topics", "--bootstrap-servers", broker.bootstrapServers(),
                        "--replication-factor", "1"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, Instant.now());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
