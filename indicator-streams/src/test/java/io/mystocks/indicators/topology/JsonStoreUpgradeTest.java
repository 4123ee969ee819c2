package io.mystocks.indicators.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import io.mystocks.indicators.MutableClock;
import io.mystocks.indicators.StreamsSettings;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade on a store an earlier version filled: the processor runs first over stores whose values are JSON, as
 * that version wrote them, then a new processor runs over the same bytes with this version's store serde, and
 * goes on with the bars and the trading day where the first left off.
 */
class JsonStoreUpgradeTest {
    /** 09:30 in Shanghai on a Monday: the CN morning session opens. */
    private static final Instant OPEN = Instant.parse("2026-03-02T01:30:00Z");
    private static final String SYMBOL = "600519";

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(OPEN);
    private final Map<String, KeyValueStore<Bytes, byte[]>> storedBytes = new HashMap<>();

    @Test
    void barsAndTheTradingDayGoOnFromTheJsonValuesOfAnEarlierVersion() {
        MarketProcessor earlier = started(new MockProcessorContext<>(), JsonSerde.of(FormingBar.class),
                JsonSerde.of(Bar.class), JsonSerde.of(TradingDay.class));
        earlier.process(quote(5, "100.00", 100));
        earlier.process(quote(20, "101.50", 200));
        assertThat(firstByteOf(MarketTopology.FORMING_BARS_STORE, SYMBOL + "|1m")).isEqualTo(StoreSerde.JSON);

        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        MarketProcessor upgraded = started(context, StoreSerde.formingBars(), StoreSerde.bars(),
                StoreSerde.tradingDays());
        upgraded.process(quote(40, "99.80", 300));
        upgraded.process(quote(65, "100.20", 50));
        context.scheduledPunctuators().getFirst().getPunctuator().punctuate(clock.millis());

        Bar minute = closedMinuteBar(context);
        assertThat(minute.openTime()).isEqualTo(OPEN);
        assertThat(minute.open()).isEqualByComparingTo("100.00");
        assertThat(minute.high()).isEqualByComparingTo("101.50");
        assertThat(minute.low()).isEqualByComparingTo("99.80");
        assertThat(minute.close()).isEqualByComparingTo("99.80");
        assertThat(minute.volume()).isEqualTo(600);
        assertThat(minute.trades()).isEqualTo(3);
        assertThat(latestQuote(context).volume()).isEqualTo(650);
        assertThat(latestQuote(context).trades()).isEqualTo(4);
        assertThat(firstByteOf(MarketTopology.FORMING_BARS_STORE, SYMBOL + "|1d"))
                .isEqualTo(StoreSerde.FORMING_BAR_FORMAT);
        assertThat(firstByteOf(MarketTopology.TRADING_DAYS_STORE, SYMBOL)).isEqualTo(StoreSerde.TRADING_DAY_FORMAT);
    }

    private MarketProcessor started(MockProcessorContext<String, Object> context, Serde<FormingBar> formingBars,
                                    Serde<Bar> history, Serde<TradingDay> tradingDays) {
        addStore(context, MarketTopology.FORMING_BARS_STORE, formingBars);
        addStore(context, MarketTopology.BAR_HISTORY_STORE, history);
        addStore(context, MarketTopology.TRADING_DAYS_STORE, tradingDays);
        MarketProcessor processor = new MarketProcessor(StreamsSettings.defaults("unused:9092", stateDir), clock);
        processor.init(context);
        return processor;
    }

    /** A store over the bytes of the store of that name, which outlive the processor as RocksDB's would. */
    private <V> void addStore(MockProcessorContext<String, Object> context, String name, Serde<V> values) {
        KeyValueStore<Bytes, byte[]> bytes = storedBytes.computeIfAbsent(name,
                absent -> Stores.inMemoryKeyValueStore(name).get());
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(sameStore(bytes), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private byte firstByteOf(String store, String key) {
        return storedBytes.get(store).get(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8)))[0];
    }

    private Record<String, Object> quote(int second, String price, long volume) {
        Instant time = OPEN.plusSeconds(second);
        if (time.isAfter(clock.instant())) {
            clock.set(time);
        }
        BigDecimal amount = new BigDecimal(price).multiply(BigDecimal.valueOf(volume));
        return new Record<>(SYMBOL, new Quote(SYMBOL, time, new BigDecimal(price), volume, amount, "test"),
                time.toEpochMilli());
    }

    private static Bar closedMinuteBar(MockProcessorContext<String, Object> context) {
        List<Bar> closed = context.forwarded(MarketTopology.BARS_SINK).stream()
                .map(forward -> (Bar) forward.record().value())
                .filter(Bar::closed)
                .toList();
        assertThat(closed).hasSize(1);
        return closed.getFirst();
    }

    private static LatestQuote latestQuote(MockProcessorContext<String, Object> context) {
        List<LatestQuote> latest = context.forwarded(MarketTopology.LATEST_SINK).stream()
                .map(forward -> (LatestQuote) forward.record().value())
                .toList();
        assertThat(latest).hasSize(1);
        return latest.getFirst();
    }

    private static KeyValueBytesStoreSupplier sameStore(KeyValueStore<Bytes, byte[]> bytes) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return bytes.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return bytes;
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        };
    }
}
