package io.mystocks.api;

import io.mystocks.contracts.Topics;
import io.mystocks.stack.EmbeddedKafkaBroker;
import io.mystocks.stack.EmbeddedRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against an in-JVM Kafka broker with every topic and a real Redis server, both
 * started for each test class before its context and stopped after its tests.
 */
abstract class LiveApplication {
    static EmbeddedKafkaBroker kafka;
    static EmbeddedRedisServer redis;

    @BeforeAll
    static void startDependencies() {
        kafka = EmbeddedKafkaBroker.startTemporary();
        kafka.createTopics(Topics.all());
        redis = EmbeddedRedisServer.start(0, null);
    }

    @AfterAll
    static void stopDependencies() {
        if (redis != null) {
            redis.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @DynamicPropertySource
    static void dependencies(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
        registry.add("mystocks.redis.address", () -> redis.address());
    }
}
