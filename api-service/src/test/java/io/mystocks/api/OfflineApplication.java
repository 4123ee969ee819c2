package io.mystocks.api;

import io.mystocks.stack.FreePorts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port with neither Kafka nor Redis reachable: enough for everything
 * that needs no market data (documentation, metrics, the push layer fed by hand). Subclasses share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mystocks.csrf.secret=" + OfflineApplication.SECRET, "mystocks.health.probe-interval=500ms",
        "mystocks.health.probe-timeout=300ms", "mystocks.push.stall-timeout=2s", "mystocks.push.sweep-interval=200ms"})
@AutoConfigureWebTestClient(timeout = "20s")
public abstract class OfflineApplication {
    public static final String SECRET = "offline-application-secret-32-chr!";

    @DynamicPropertySource
    static void nowhere(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + FreePorts.next());
        registry.add("mystocks.redis.address", () -> "redis://127.0.0.1:" + FreePorts.next());
    }
}
