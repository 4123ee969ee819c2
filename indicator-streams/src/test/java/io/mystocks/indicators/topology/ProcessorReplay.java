package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import io.mystocks.indicators.MutableClock;
import io.mystocks.indicators.StreamsSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Plays quotes through the topology's {@link MarketProcessor} on a mock processor context, with in-memory stores
 * under the topology's names and serdes, and its wall-clock tick fired whenever the clock has moved a tick on.
 * A closed bar forwarded to the bar sink passes the bar serde, as on the way to its topic.
 *
 * <p>This is for tapes too long for the test driver, which commits, flushes RocksDB and writes a checkpoint
 * after every record: several milliseconds each. What it leaves out, the source, the quote serde and the RocksDB
 * stores, does the same for every quote, and a sample of the tape still goes through the driver.
 */
final class ProcessorReplay {
    private static final JsonSerde<Bar> BARS = JsonSerde.of(Bar.class);

    private final StreamsSettings settings;
    private final Map<Interval, List<Bar>> closedBars = new EnumMap<>(Interval.class);
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    ProcessorReplay(StreamsSettings settings) {
        this.settings = settings;
        for (Interval interval : Interval.values()) {
            closedBars.put(interval, new ArrayList<>());
        }
    }

    /**
     * Plays the quotes, in order, each at its own time on the clock, then moves the clock on by {@code after} and
     * ticks once more.
     */
    ProcessorReplay play(List<Quote> quotes, Duration after) {
        MutableClock clock = new MutableClock(quotes.getFirst().timestamp());
        MockProcessorContext<String, Object> context = new MockProcessorContext<>();
        MarketProcessor processor = started(context, clock);
        Punctuator tick = context.scheduledPunctuators().getFirst().getPunctuator();
        Instant nextTick = clock.instant().plus(settings.emitInterval());

        for (Quote quote : quotes) {
            if (quote.timestamp().isAfter(clock.instant())) {
                clock.set(quote.timestamp());
            }
            if (!clock.instant().isBefore(nextTick)) {
                tick.punctuate(clock.instant().toEpochMilli());
                nextTick = clock.instant().plus(settings.emitInterval());
                collect(context);
            }
            processor.process(new Record<>(quote.symbol(), quote, quote.timestamp().toEpochMilli()));
        }
        clock.advance(after);
        tick.punctuate(clock.instant().toEpochMilli());
        collect(context);
        processor.close();
        return this;
    }

    /** The closed bars of every interval, by open time. */
    Map<Interval, List<Bar>> closedBars() {
        Map<Interval, List<Bar>> sorted = new EnumMap<>(Interval.class);
        closedBars.forEach((interval, bars) -> sorted.put(interval,
                bars.stream().sorted(Comparator.comparing(Bar::openTime)).toList()));
        return sorted;
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private void collect(MockProcessorContext<String, Object> context) {
        for (var forward : context.forwarded(MarketTopology.BARS_SINK)) {
            Bar bar = (Bar) forward.record().value();
            if (bar.closed()) {
                String topic = Topics.bars(bar.interval()).name();
                closedBars.get(bar.interval()).add(BARS.deserialize(topic, BARS.serialize(topic, bar)));
            }
        }
        for (var forward : context.forwarded(MarketTopology.DEAD_LETTER_SINK)) {
            deadLetters.add((DeadLetter) forward.record().value());
        }
        context.resetForwards();
    }

    private MarketProcessor started(MockProcessorContext<String, Object> context, MutableClock clock) {
        addStore(context, MarketTopology.FORMING_BARS_STORE, StoreSerde.formingBars());
        addStore(context, MarketTopology.BAR_HISTORY_STORE, StoreSerde.bars());
        addStore(context, MarketTopology.TRADING_DAYS_STORE, StoreSerde.tradingDays());
        MarketProcessor processor = new MarketProcessor(settings, clock);
        processor.init(context);
        return processor;
    }

    private static <V> void addStore(MockProcessorContext<String, Object> context, String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
