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
    /** Bulk batches: a few hundred bars per request instead of a few dozen. */
    private static final int BULK_BATCH_BYTES = 512 * 1024;
    private static final int BULK_LINGER_MS = 20;

    @Bean(destroyMethod = "close")
    KafkaRecordSender recordSender(KafkaProperties kafka) {
        return new KafkaRecordSender(new KafkaProducer<>(producerConfig(kafka, Map.of())));
    }

    @Bean(destroyMethod = "close")
    BulkRecordSender bulkRecordSender(KafkaProperties kafka) {
        Map<String, Object> tuning = new HashMap<>();
        tuning.put(ProducerConfig.BATCH_SIZE_CONFIG, BULK_BATCH_BYTES);
        tuning.put(ProducerConfig.LINGER_MS_CONFIG, BULK_LINGER_MS);
        tuning.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A client id of its own, so that the two producers' metrics do not collide.
        String clientId = kafka.getClientId() == null ? "ingest-service" : kafka.getClientId();
        tuning.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-bulk");
        return new BulkRecordSender(new KafkaRecordSender(new KafkaProducer<>(producerConfig(kafka, tuning))));
    }

    /** The client settings from {@code spring.kafka}, the tuning over them, and the fixed guarantees over all. */
    private static Map<String, Object> producerConfig(KafkaProperties kafka, Map<String, Object> tuning) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.putAll(tuning);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
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
