package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import io.mystocks.indicators.StreamsSettings;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
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
 * The market-data topology: quotes in; bars of every interval, indicator snapshots, latest quotes and
 * dead letters out. Built here, apart from Spring, so that tests drive exactly what runs.
 *
 * <pre>
 * market.quotes ──> market-processor ──> market.bars.{interval}   (key symbol|openTime)
 *                    │ forming-bars       analytics.indicators     (key symbol|interval)
 *                    │ bar-history        market.quotes.latest     (key symbol)
 *                    │ trading-days       market.quotes.dlq        (late or invalid quotes)
 * </pre>
 *
 * <p>All three stores are persistent (RocksDB) and changelogged, so a task restores them on any
 * instance; every output and store write of a quote is one exactly-once transaction.
 */
public final class MarketTopology {
    /** The latest bar (forming or just closed) per {@code symbol|interval}. */
    public static final String FORMING_BARS_STORE = "forming-bars";
    /** The last closed bars per {@code symbol|interval}, one entry per bar. */
    public static final String BAR_HISTORY_STORE = "bar-history";
    /** The current trading day per symbol. */
    public static final String TRADING_DAYS_STORE = "trading-days";

    static final String SOURCE = "quotes-source";
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
        topology.addProcessor(PROCESSOR, () -> new MarketProcessor(settings, clock), SOURCE);
        topology.addStateStore(store(FORMING_BARS_STORE, FormingBar.class, true), PROCESSOR);
        topology.addStateStore(store(BAR_HISTORY_STORE, Bar.class, false), PROCESSOR);
        topology.addStateStore(store(TRADING_DAYS_STORE, TradingDay.class, true), PROCESSOR);
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
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndFailProcessingExceptionHandler.class);
        props.put(DeadLetterExceptionHandler.PUBLISHER_CONFIG, deadLetters);
        props.put(DeadLetterExceptionHandler.CLOCK_CONFIG, clock);
        return props;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Class<V> type, boolean cached) {
        StoreBuilder<KeyValueStore<String, V>> builder = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), JsonSerde.of(type))
                .withLoggingEnabled(Map.of());
        // A cache folds the many updates of a forming bar or trading day within one commit into one
        // changelog record; the history is written once per closed bar and gains nothing from it.
        return cached ? builder.withCachingEnabled() : builder.withCachingDisabled();
    }
}
