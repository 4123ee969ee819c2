package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.SymbolPartitioning;
import io.mystocks.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The worker's in-memory copy of the compacted reference, latest-quote and calendar-bar topics.
 *
 * <p>Design note: every worker needs the whole universe, so this reader joins no consumer group. It
 * assigns itself every partition, seeks to the beginning and keeps reading on its own thread. It is
 * ready once it reached the end offsets it saw at start; later records keep it current. Records are
 * read as bytes and decoded here, so that an unreadable record is logged with its coordinates and
 * skipped instead of stopping the reader. A tombstone removes its symbol, or its bar.
 *
 * <p>Bars of {@link #BAR_INTERVALS} (keyed {@code symbol|openTime}) are kept per symbol and interval in a
 * bounded {@link BarHistory}. Only closed bars are kept: a forming bar may still change, and a backtest
 * that used it could not be repeated.
 */
final class MarketReadModel implements MarketData, BarSource, SmartLifecycle {
    /** Starts after the topics exist, before the job consumer. */
    static final int PHASE = 10;
    /** The intervals whose bars backtests may run on. */
    static final List<Interval> BAR_INTERVALS = List.of(Interval.D1, Interval.W1, Interval.MN1);

    private static final Logger log = LoggerFactory.getLogger(MarketReadModel.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
    private final Map<String, Fundamentals> fundamentals = new ConcurrentHashMap<>();
    private final Map<String, LatestQuote> quotes = new ConcurrentHashMap<>();
    private final Map<String, Table<?>> tables = Map.of(
            Topics.INSTRUMENTS.name(), new Table<>(JsonSerde.of(Instrument.class), instruments),
            Topics.FUNDAMENTALS.name(), new Table<>(JsonSerde.of(Fundamentals.class), fundamentals),
            Topics.QUOTES_LATEST.name(), new Table<>(JsonSerde.of(LatestQuote.class), quotes));
    private final JsonSerde<Bar> barSerde = JsonSerde.of(Bar.class);
    private final Map<String, Interval> barTopics = new HashMap<>();
    private final Map<SeriesKey, BarHistory> bars = new ConcurrentHashMap<>();
    private final int barHistory;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread reader;
    private volatile KafkaConsumer<String, byte[]> consumer;

    MarketReadModel(Map<String, Object> clientConfig, int barHistory) {
        this.barHistory = barHistory;
        BAR_INTERVALS.forEach(interval -> barTopics.put(Topics.bars(interval).name(), interval));
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The latest quotes come from an exactly-once Streams application: read committed data only.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
    }

    @Override
    public boolean isReady() {
        return ready.getCount() == 0;
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public MarketSnapshot snapshot() {
        return new MarketSnapshot(instruments, fundamentals, quotes, this);
    }

    @Override
    public List<Bar> closedBars(String symbol, Interval interval) {
        return history(symbol, interval).bars();
    }

    @Override
    public ClosedBars history(String symbol, Interval interval) {
        BarHistory history = bars.get(new SeriesKey(symbol, interval));
        return history == null ? new ClosedBars(symbol, interval, List.of()) : history.closed();
    }

    /** Sizes of the tables and bar histories, for health details and logs. */
    Map<String, Integer> sizes() {
        return Map.of("instruments", instruments.size(), "fundamentals", fundamentals.size(),
                "quotes", quotes.size(), "bar_series", bars.size(),
                "bars", bars.values().stream().mapToInt(BarHistory::size).sum());
    }

    @Override
    public synchronized void start() {
        Thread thread = Thread.ofPlatform().name("market-read-model").daemon(true).unstarted(this::readForever);
        reader = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        stopping.countDown();
        Thread thread = reader;
        reader = null;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            // Wakes a blocked poll; an interrupt would also break the consumer's orderly close.
            current.wakeup();
        }
        if (thread != null) {
            joinQuietly(thread);
        }
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void readForever() {
        while (stopping.getCount() > 0) {
            try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(consumerConfig)) {
                consumer = opened;
                if (stopping.getCount() > 0) {
                    read(opened);
                }
            } catch (KafkaException e) {
                if (stopping.getCount() > 0) {
                    log.warn("Market read model lost its consumer; reconnecting in {}", RETRY_PAUSE, e);
                }
            }
            if (!pause(RETRY_PAUSE)) {
                return;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = partitions(consumer);
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        long started = System.nanoTime();

        while (stopping.getCount() > 0) {
            apply(consumer.poll(POLL_TIMEOUT));
            if (!isReady() && caughtUp(consumer, endAtStart)) {
                ready.countDown();
                log.info("Market read model ready after {} ms: {}",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), sizes());
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(tables.keySet());
        topics.addAll(barTopics.keySet());
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos.isEmpty()) {
                log.warn("Topic {} does not exist yet; the market read model waits for it", topic);
                return List.of();
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Table<?> table = tables.get(record.topic());
            if (table != null) {
                table.apply(record);
            } else {
                applyBar(barTopics.get(record.topic()), record);
            }
        }
    }

    private void applyBar(Interval interval, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            skip(record, "no key");
            return;
        }
        if (record.value() == null) {
            removeBar(interval, record);
            return;
        }
        Bar bar;
        try {
            bar = barSerde.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            skip(record, e.getMessage());
            return;
        }
        if (!bar.closed()) {
            log.debug("Ignoring forming bar {} at {}/{}/{}", record.key(), record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (bar.open() == null || bar.close() == null) {
            skip(record, "a closed bar without open or close price");
            return;
        }
        bars.computeIfAbsent(new SeriesKey(bar.symbol(), interval),
                key -> new BarHistory(key.symbol(), key.interval(), barHistory)).put(bar);
    }

    private void removeBar(Interval interval, ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        int separator = key.indexOf('|');
        Instant openTime;
        try {
            openTime = Instant.parse(key.substring(separator + 1));
        } catch (DateTimeParseException e) {
            skip(record, "a tombstone whose key is not symbol|openTime");
            return;
        }
        BarHistory history = bars.get(new SeriesKey(SymbolPartitioning.symbolOf(key), interval));
        if (history != null) {
            history.remove(openTime);
        }
    }

    private static void skip(ConsumerRecord<String, byte[]> record, String why) {
        log.warn("Skipping unreadable record {}/{}/{} (key {}): {}", record.topic(), record.partition(),
                record.offset(), record.key(), why);
    }

    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record SeriesKey(String symbol, Interval interval) {
    }

    /** One compacted topic held as a map by key. */
    private record Table<T>(JsonSerde<T> serde, Map<String, T> rows) {

        void apply(ConsumerRecord<String, byte[]> record) {
            if (record.key() == null) {
                skip(record, "no key");
                return;
            }
            if (record.value() == null) {
                rows.remove(record.key());
                return;
            }
            try {
                rows.put(record.key(), serde.deserialize(record.topic(), record.value()));
            } catch (SerializationException e) {
                skip(record, e.getMessage());
            }
        }
    }
}
