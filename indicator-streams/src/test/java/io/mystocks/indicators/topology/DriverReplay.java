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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Plays quotes through the whole topology on a test driver: topics, serdes, RocksDB stores and the wall-clock
 * tick, which fires as the driver's clock and the injected one move together to each quote's time.
 */
final class DriverReplay {
    private final StreamsSettings settings;
    private Map<Interval, List<Bar>> closedBars;
    private List<DeadLetter> deadLetters;

    DriverReplay(StreamsSettings settings) {
        this.settings = settings;
    }

    /**
     * Plays the quotes, in order, each at its own time on the clock, then moves the clock on by {@code after}.
     */
    DriverReplay play(List<Quote> quotes, Duration after) {
        MutableClock clock = new MutableClock(quotes.getFirst().timestamp());
        try (TopologyTestDriver driver = new TopologyTestDriver(MarketTopology.build(settings, clock),
                MarketTopology.streamsProperties(settings, (key, letter) -> { }, clock), clock.instant())) {
            TestInputTopic<String, Quote> input = driver.createInputTopic(Topics.QUOTES.name(),
                    new StringSerializer(), JsonSerde.of(Quote.class));
            for (Quote quote : quotes) {
                advance(driver, clock, Duration.between(clock.instant(), quote.timestamp()));
                input.pipeInput(quote.symbol(), quote, quote.timestamp());
            }
            advance(driver, clock, after);
            closedBars = read(driver);
            deadLetters = driver.createOutputTopic(Topics.QUOTES_DLQ.name(), new StringDeserializer(),
                    JsonSerde.of(DeadLetter.class)).readValuesToList();
        }
        return this;
    }

    /** The closed bars of every interval as read from its topic, by open time. */
    Map<Interval, List<Bar>> closedBars() {
        return closedBars;
    }

    List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    private static void advance(TopologyTestDriver driver, MutableClock clock, Duration step) {
        if (step.isPositive()) {
            clock.advance(step);
            driver.advanceWallClockTime(step);
        }
    }

    private static Map<Interval, List<Bar>> read(TopologyTestDriver driver) {
        Map<Interval, List<Bar>> closed = new EnumMap<>(Interval.class);
        for (Interval interval : Interval.values()) {
            List<Bar> published = driver.createOutputTopic(Topics.bars(interval).name(), new StringDeserializer(),
                    JsonSerde.of(Bar.class)).readValuesToList();
            closed.put(interval, published.stream().filter(Bar::closed).sorted(Comparator.comparing(Bar::openTime))
                    .toList());
        }
        return closed;
    }
}
