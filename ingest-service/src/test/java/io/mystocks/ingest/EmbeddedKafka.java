package io.mystocks.ingest;

import io.mystocks.stack.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One temporary Kafka broker per test class. Declare it with {@code @ExtendWith} before
 * {@code @SpringBootTest}: JUnit then starts the broker before the Spring context and stops it after the
 * context is closed, so that the service never spends its shutdown looking for a broker that is gone.
 */
final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {
    private static EmbeddedKafkaBroker broker;

    static String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
        broker = null;
    }
}
