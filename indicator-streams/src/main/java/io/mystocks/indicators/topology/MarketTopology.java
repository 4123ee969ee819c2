package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import io.mystocks.indicators.StreamsSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The market-data topology: quotes and backfilled bars in; bars of every interval, indicator snapshots,
 * latest quotes and dead letters out. Built here, apart from Spring, so that tests drive exactly what runs.
 *
 * <pre>
 * market.quotes ────────┐
 *                       ├──> market-processor ──> market.bars.{interval}   (key symbol|openTime)
 * market.bars.backfill ─┘     │ forming-bars       analytics.indicators     (key symbol|interval)
 *                             │ bar-history        market.quotes.latest     (key symbol)
 *                             │ trading-days       market.quotes.dlq        (rejected quotes and bars)
 * </pre>
 *
 * <p>Both inputs are keyed by symbol with the same partition count, so one task sees every record of its
 * symbols. All three stores are persistent (RocksDB) and changelogged, so a task restores them on any
 * instance; every output and store write of an input record is one exactly-once transaction. The stores hold
 * their values in a binary form of their own ({@link StoreSerde}); every topic other services read is JSON.
 */
public final class MarketTopology {
    /** The latest bar (forming or just closed) per {@code symbol|interval}. */
    public static final String FORMING_BARS_STORE = "forming-bars";
    /** The last closed bars per {@code symbol|interval}, one entry per bar. */
    public static final String BAR_HISTORY_STORE = "bar-history";
    /** The current trading day per symbol. */
    public static final String TRADING_DAYS_STORE = "trading-days";

    static final String SOURCE = "quotes-source";
    static final String BACKFILL_SOURCE = "backfill-source";
    static final String PROCESSOR = "market-processor";
    static final String BARS_SINK = "bars-sink";
    static final String INDICATORS_SINK = "indicators-sink";
    static final String LATEST_SINK = "latest-quotes-sink";
    static final String DEAD_LETTER_SINK = "dead-letter-sink";

    private MarketTopology() {
    }

    public static Topology build(StreamsSettings settings, Clock clock) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), JsonSerde.of(Quote.class), Topics.QUOTES.name());
        topology.addSource(BACKFILL_SOURCE, new StringDeserializer(), JsonSerde.of(Bar.class),
                Topics.BARS_BACKFILL.name());
        topology.addProcessor(PROCESSOR, () -> new MarketProcessor(settings, clock), SOURCE, BACKFILL_SOURCE);
        topology.addStateStore(store(FORMING_BARS_STORE, StoreSerde.formingBars(), true), PROCESSOR);
        topology.addStateStore(store(BAR_HISTORY_STORE, StoreSerde.bars(), false), PROCESSOR);
        topology.addStateStore(store(TRADING_DAYS_STORE, StoreSerde.tradingDays(), true), PROCESSOR);
        topology.addSink(BARS_SINK, (key, bar, context) -> Topics.bars(bar.interval()).name(),
                new StringSerializer(), JsonSerde.of(Bar.class), new SymbolPartitioner<>(), PROCESSOR);
        topology.addSink(INDICATORS_SINK, Topics.INDICATORS.name(), new StringSerializer(),
                JsonSerde.of(IndicatorSnapshot.class), new SymbolPartitioner<>(), PROCESSOR);
        topology.addSink(LATEST_SINK, Topics.QUOTES_LATEST.name(), new StringSerializer(),
                JsonSerde.of(LatestQuote.class), new SymbolPartitioner<>(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, Topics.QUOTES_DLQ.name(), new StringSerializer(),
                JsonSerde.of(DeadLetter.class), PROCESSOR);
        return topology;
    }

    /**
     * The Streams configuration of this topology: exactly-once, dead letters for undeserializable input,
     * and failure on any error producing output. Continuing after a failed send would commit the input
     * offsets and state of output that never reached its topic: a silent gap in bars that no restart
     * repairs. Failing stops the client, marks it unhealthy, and a restart reprocesses the records.
     *
     * <p>Membership is static ({@link StaticMembership}) with a short session, so that a restarted
     * instance gets its tasks back in about a second instead of waiting for its old session to expire.
     * The exactly-once producers keep Kafka Streams' own settings: one transactional id per stream thread
     * ({@code application.id-<process id>-<thread>}, the process id kept in the state directory), and a
     * transaction timeout of 10 s, after which the broker aborts the open transaction of an instance that
     * died, so that read-committed consumers are held up at most that long.
     */
    public static Properties streamsProperties(StreamsSettings settings, DeadLetterPublisher deadLetters,
                                               Clock clock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.numStreamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, StaticMembership.instanceId(settings));
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndFailProcessingExceptionHandler.class);
        props.put(DeadLetterExceptionHandler.PUBLISHER_CONFIG, deadLetters);
        props.put(DeadLetterExceptionHandler.CLOCK_CONFIG, clock);
        return props;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values, boolean cached) {
        StoreBuilder<KeyValueStore<String, V>> builder = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withLoggingEnabled(Map.of());
        // A cache folds the many updates of a forming bar or trading day within one commit into one
        // changelog record; the history is written once per closed bar and gains nothing from it.
        return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
    }
}
