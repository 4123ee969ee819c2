package io.mystocks.ingest.kafka;

import io.mystocks.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka clients of this service. Client settings come from {@code spring.kafka}; the guarantees every
 * producer of the system must give (idempotence, acks from all in-sync replicas) are fixed here so that
 * no configuration can weaken them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    KafkaRecordSender recordSender(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaRecordSender(new KafkaProducer<>(config));
    }

    @Bean(destroyMethod = "")
    Admin ingestAdmin(KafkaProperties kafka, KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        int timeoutMs = (int) settings.requestTimeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return Admin.create(config);
    }

    /** Closes the admin client within a bound: a call pending on an unreachable cluster must not stall shutdown. */
    @Bean
    DisposableBean ingestAdminCloser(Admin ingestAdmin) {
        return () -> ingestAdmin.close(ADMIN_CLOSE_TIMEOUT);
    }

    @Bean
    TopicProvisioner topicProvisioner(Admin ingestAdmin, KafkaSettings settings) {
        return new TopicProvisioner(ingestAdmin, Topics.all(), settings.replicationFactor(),
                settings.requestTimeout());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin ingestAdmin, KafkaProperties kafka, KafkaSettings settings,
                                              Clock clock) {
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        return new KafkaHealthIndicator(ingestAdmin, bootstrap, settings.requestTimeout(), clock);
    }
}
