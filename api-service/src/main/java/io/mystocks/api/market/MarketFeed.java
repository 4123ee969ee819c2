package io.mystocks.api.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.LatestQuote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the {@link MarketStore} from the market topics on its own thread.
 *
 * <p>Design note: every replica must answer every symbol, so the feed joins no consumer group: it
 * assigns itself every partition of every topic and reads from the beginning. The store becomes
 * ready once the feed has reached the end offsets that existed when it started; it keeps tailing
 * after that. Values are read as bytes and deserialised by the store, so a record that cannot be
 * read is logged with its coordinates and skipped instead of stopping the loop.
 */
final class MarketFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MarketFeed.class);

    private final MarketStore store;
    private final Map<String, Object> consumerConfig;
    private final ReadModelProperties properties;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile String progress = "not started";
    private volatile long skipped;
    private volatile long applied;
    private volatile long lag;
    private final List<MarketListener> listeners;

    /** Partitions still short of the end offsets they had at start, with those offsets. */
    private final Map<TopicPartition, Long> catchUpTargets = new HashMap<>();
    private Set<TopicPartition> assigned = Set.of();
    private Instant nextDiscovery = Instant.MIN;
    private Instant startedAt;

    MarketFeed(MarketStore store, Map<String, Object> kafkaConsumerProperties, ReadModelProperties properties,
               Clock clock, List<MarketListener> listeners) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.clock = clock;
        this.consumerConfig = consumerConfig(kafkaConsumerProperties);
    }

    /** What the feed is doing, for the health report. */
    String progress() {
        return progress;
    }

    /** Records skipped because they could not be read. */
    long skipped() {
        return skipped;
    }

    /** Records applied to the store since start. */
    long applied() {
        return applied;
    }

    /** Records on the assigned partitions not read yet, as of the last poll. */
    long lag() {
        return lag;
    }

    @Override
    public void start() {
        running = true;
        startedAt = clock.instant();
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        Thread feed = new Thread(this::run, "market-feed");
        feed.setDaemon(true);
        thread = feed;
        feed.start();
    }

    @Override
    public void stop() {
        running = false;
        stopped.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread feed = thread;
        if (feed != null) {
            try {
                feed.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        log.info("Market feed starting on {} topics", store.topics().size());
        try (Consumer<String, byte[]> kafka = consumer) {
            while (running) {
                try {
                    step(kafka);
                } catch (WakeupException e) {
                    if (running) {
                        log.warn("Market feed woken up while running; continuing");
                    }
                } catch (KafkaException e) {
                    progress = "Kafka error, retrying: " + e.getMessage();
                    log.warn("Market feed failed, retrying in {}: {}", properties.retryBackoff(), e.toString());
                    pause(properties.retryBackoff());
                }
            }
        } catch (RuntimeException e) {
            progress = "stopped by an unexpected error: " + e;
            log.error("Market feed stopped by an unexpected error; market reads will not be updated", e);
        }
        log.info("Market feed stopped");
    }

    private void step(Consumer<String, byte[]> kafka) {
        if (!clock.instant().isBefore(nextDiscovery)) {
            discover(kafka);
        }
        if (assigned.isEmpty()) {
            // No market topic exists yet: nothing to catch up with, so reads answer "unknown symbol".
            checkCaughtUp(kafka);
            pause(properties.retryBackoff());
            return;
        }
        ConsumerRecords<String, byte[]> records = kafka.poll(properties.pollTimeout());
        for (ConsumerRecord<String, byte[]> record : records) {
            apply(record);
        }
        lag = currentLag(kafka);
        if (!store.isReady()) {
            checkCaughtUp(kafka);
        }
    }

    /** Assigns every partition of every topic; new partitions start from the beginning. */
    private void discover(Consumer<String, byte[]> kafka) {
        Duration timeout = properties.topicRefreshInterval().compareTo(Duration.ofSeconds(10)) < 0
                ? properties.topicRefreshInterval() : Duration.ofSeconds(10);
        Map<String, List<PartitionInfo>> existing = kafka.listTopics(timeout);
        Set<TopicPartition> partitions = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (String topic : store.topics()) {
            List<PartitionInfo> infos = existing.get(topic);
            if (infos == null) {
                missing.add(topic);
            } else {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        nextDiscovery = clock.instant().plus(properties.topicRefreshInterval());
        if (!missing.isEmpty()) {
            log.warn("Market topics {} do not exist yet; reading them once they do", missing);
        }
        if (!partitions.equals(assigned)) {
            reassign(kafka, partitions);
        }
    }

    private void reassign(Consumer<String, byte[]> kafka, Set<TopicPartition> partitions) {
        Set<TopicPartition> added = new HashSet<>(partitions);
        added.removeAll(assigned);
        kafka.assign(partitions);
        kafka.seekToBeginning(added);
        if (!store.isReady()) {
            Map<TopicPartition, Long> ends = kafka.endOffsets(added, Duration.ofSeconds(10));
            catchUpTargets.putAll(ends);
        }
        catchUpTargets.keySet().retainAll(partitions);
        assigned = Set.copyOf(partitions);
        log.info("Market feed reads {} partitions ({} new)", partitions.size(), added.size());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Object stored;
        try {
            stored = store.apply(record.topic(), record.key(), record.value());
            applied++;
            if (log.isDebugEnabled()) {
                log.debug("Applied {}-{}@{} key {}", record.topic(), record.partition(), record.offset(),
                        record.key());
            }
        } catch (KafkaException | IllegalArgumentException e) {
            skipped++;
            log.warn("Skipping unreadable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return;
        }
        if (stored != null && store.isReady() && !listeners.isEmpty()) {
            notifyListeners(stored, record);
        }
    }

    /** Tells the listeners; one that fails is logged and must not stop the feed. */
    private void notifyListeners(Object stored, ConsumerRecord<String, byte[]> record) {
        for (MarketListener listener : listeners) {
            try {
                switch (stored) {
                    case LatestQuote quote -> listener.onQuote(quote);
                    case Bar bar -> listener.onBar(bar);
                    case KeptSnapshot kept -> listener.onIndicators(kept.symbol(), kept.interval(), kept.json());
                    default -> {
                        // Reference data is not pushed.
                    }
                }
            } catch (RuntimeException e) {
                log.error("Market listener {} failed on {}-{}@{}", listener.getClass().getSimpleName(),
                        record.topic(), record.partition(), record.offset(), e);
            }
        }
    }

    /** The sum of the partitions' lags the consumer knows from its last fetches; no network call. */
    private long currentLag(Consumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : assigned) {
            total += kafka.currentLag(partition).orElse(0);
        }
        return total;
    }

    private void checkCaughtUp(Consumer<String, byte[]> kafka) {
        catchUpTargets.entrySet().removeIf(target ->
                kafka.position(target.getKey(), Duration.ofSeconds(5)) >= target.getValue());
        if (catchUpTargets.isEmpty()) {
            if (store.isReady()) {
                return;
            }
            store.markReady();
            progress = "ready; tailing " + assigned.size() + " partitions";
            log.info("Market read model ready after {} ms: {}",
                    Duration.between(startedAt, clock.instant()).toMillis(), store.figures());
        } else {
            progress = "catching up: " + catchUpTargets.size() + " of " + assigned.size()
                    + " partitions not yet at their start-up end offsets";
        }
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "mystocks-api-read-model");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return config;
    }
}
