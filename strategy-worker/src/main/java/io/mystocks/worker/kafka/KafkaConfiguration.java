package io.mystocks.worker.kafka;

import io.mystocks.contracts.Topics;
import io.mystocks.worker.health.CachedProbe;
import io.mystocks.worker.health.HealthProperties;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin client, the topic check at start-up and the Kafka health probe. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaClientProperties kafka) {
        return Admin.create(kafka.clientConfig("strategy-worker-admin"));
    }

    @Bean
    TopicInitializer topicInitializer(Admin kafkaAdmin, KafkaClientProperties kafka) {
        return new TopicInitializer(kafkaAdmin, Topics.all(), kafka.replicationFactor(), kafka.startupTimeout());
    }

    @Bean
    CachedProbe kafkaHealthIndicator(Admin kafkaAdmin, HealthProperties health) {
        long timeoutMs = health.probeTimeout().toMillis();
        return new CachedProbe("Kafka", () -> {
            DescribeClusterResult cluster = kafkaAdmin.describeCluster(
                    new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeoutMs)));
            Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return Health.up().withDetails(Map.of("cluster_id", clusterId, "brokers", nodes.size())).build();
        });
    }
}
