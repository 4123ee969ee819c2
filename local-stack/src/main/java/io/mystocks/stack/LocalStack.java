package io.mystocks.stack;

import io.mystocks.contracts.Topics;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Starts the infrastructure of the local stack: a Kafka broker with every topic, and Redis. */
public final class LocalStack {
    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0, 0);
        broker.createTopics(Topics.all());
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, dataDir.resolve("redis"));
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers());
        System.out.println("REDIS_ADDRESS=" + redis.address());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.close();
            broker.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
