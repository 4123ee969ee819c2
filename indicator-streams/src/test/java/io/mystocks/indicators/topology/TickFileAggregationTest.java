package io.mystocks.indicators.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Quote;
import io.mystocks.indicators.StreamsSettings;
import io.mystocks.indicators.topology.ReferenceBars.Exchange;
import io.mystocks.indicators.topology.ReferenceBars.Hours;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bars of a real tick file against an independent aggregation: the Bitstamp trades of {@link TickFile} replayed
 * as quotes of one symbol, and every closed bar of every interval held against {@link ReferenceBars}, which
 * aggregates the same quotes on its own, field by field and with exact decimals.
 *
 * <p>The trades keep their recorded times. Bitcoin trades around the clock, so most of them fall outside the
 * exchange's sessions; the topology puts those into bars of the local clock cut at the session edges, as the
 * README says, so every trade counts without being moved into session hours. The file spans two calendar weeks
 * and two months in either zone.
 *
 * <p>All 100,000 trades go through the topology's processor ({@link ProcessorReplay}) as a Shanghai symbol, whose
 * two sessions give the most bar edges. One trade in a thousand goes through the whole topology on the test
 * driver ({@link DriverReplay}), as a Shanghai and as a New York symbol: the driver costs milliseconds a record,
 * too slow for the whole file. In both the clock follows the trades as it would for a live feed, so a bar is
 * closed by the next trade or, when idle, by the clock; at the end the clock moves past the last month, which
 * closes the rest.
 */
class TickFileAggregationTest {
    private static final String US_SYMBOL = "BTCUSD";
    private static final String CN_SYMBOL = "600000";
    private static final Exchange NEW_YORK = new Exchange(ZoneId.of("America/New_York"),
            List.of(new Hours(LocalTime.of(9, 30), LocalTime.of(16, 0))));
    private static final Exchange SHANGHAI = new Exchange(ZoneId.of("Asia/Shanghai"),
            List.of(new Hours(LocalTime.of(9, 30), LocalTime.of(11, 30)),
                    new Hours(LocalTime.of(13, 0), LocalTime.of(15, 0))));
    /** One trade in this many goes through the test driver: 100 trades over the seven days. */
    private static final int DRIVER_SAMPLE_STRIDE = 1_000;
    /** How many differing bars a failure shows of each interval. */
    private static final int SHOWN_DIFFERENCES = 5;
    /** Longer than any month: moving the clock this far past the last trade closes every bar. */
    private static final Duration PAST_THE_LAST_MONTH = Duration.ofDays(40);

    @TempDir
    Path stateDir;

    static Stream<Arguments> exchanges() {
        return Stream.of(Arguments.of(US_SYMBOL, NEW_YORK), Arguments.of(CN_SYMBOL, SHANGHAI));
    }

    @Test
    void theTapeIsEveryTradeOfTheFileInTimeOrderWithVolumeInThousandthsOfACoin() {
        List<Quote> quotes = TickFile.quotes(US_SYMBOL);

        assertThat(quotes).hasSize(100_000).extracting(Quote::timestamp).isSorted();
        assertThat(quotes.getFirst()).satisfies(first -> {
            assertThat(first.timestamp()).isEqualTo(Instant.parse("2013-11-25T00:00:00Z"));
            assertThat(first.price()).isEqualByComparingTo("800.01");
            assertThat(first.volume()).isEqualTo(100);
            assertThat(first.amount()).isEqualTo(new BigDecimal("80.00"));
        });
        assertThat(quotes.getLast().timestamp()).isEqualTo(Instant.parse("2013-12-01T16:02:05Z"));
    }

    @Test
    void everyClosedBarOfTheWholeFileEqualsTheBarOfAnIndependentAggregation() {
        List<Quote> quotes = TickFile.quotes(CN_SYMBOL);
        Map<Interval, List<Bar>> expected = ReferenceBars.of(SHANGHAI, quotes);

        ProcessorReplay replay = new ProcessorReplay(settings()).play(quotes, PAST_THE_LAST_MONTH);

        assertThat(replay.deadLetters()).isEmpty();
        assertSameBars(replay.closedBars(), expected, quotes.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void aSampleOfTheFileThroughTheTopologyGivesTheBarsOfAnIndependentAggregation(String symbol,
                                                                                Exchange exchange) {
        List<Quote> all = TickFile.quotes(symbol);
        List<Quote> sample = IntStream.range(0, all.size()).filter(i -> i % DRIVER_SAMPLE_STRIDE == 0)
                .mapToObj(all::get).toList();
        Map<Interval, List<Bar>> expected = ReferenceBars.of(exchange, sample);

        DriverReplay replay = new DriverReplay(settings()).play(sample, PAST_THE_LAST_MONTH);

        assertThat(replay.deadLetters()).isEmpty();
        assertSameBars(replay.closedBars(), expected, sample.size());
    }

    /**
     * The defaults, but for what this test does not check and would only slow the replay. At the default tick of
     * 200 ms every second of the tape would publish every forming bar and snapshot, a million records; a tick a
     * minute still closes idle bars on time. The history and the indicators feed only the snapshots: the smallest
     * history and one cheap indicator.
     */
    private StreamsSettings settings() {
        return new StreamsSettings("unused:9092", null, stateDir, null, null, 30, Duration.ofMinutes(1), null, null,
                null, null, null, List.of("SMA:timeperiod=5"), null, null, null, null);
    }

    /** Every interval's bars equal, and each trade in exactly one bar of each interval. */
    private static void assertSameBars(Map<Interval, List<Bar>> actual, Map<Interval, List<Bar>> expected,
                                       long trades) {
        SoftAssertions softly = new SoftAssertions();
        for (Interval interval : Interval.values()) {
            List<Bar> bars = actual.get(interval);
            List<String> differences = differences(bars, expected.get(interval));
            softly.assertThat(differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size())))
                    .as("%s: %d of %d bars differ, the first of them", interval.code(), differences.size(),
                            expected.get(interval).size())
                    .isEmpty();
            softly.assertThat(bars.stream().mapToLong(Bar::trades).sum()).as(interval.code() + " trades")
                    .isEqualTo(trades);
        }
        softly.assertAll();
    }

    /** Each open time whose published bars are not exactly the expected one, with both sides. */
    private static List<String> differences(List<Bar> actual, List<Bar> expected) {
        Map<Instant, List<Bar>> published = actual.stream()
                .collect(Collectors.groupingBy(Bar::openTime, TreeMap::new, Collectors.toList()));
        Map<Instant, Bar> wanted = expected.stream()
                .collect(Collectors.toMap(Bar::openTime, bar -> bar, (first, second) -> first, TreeMap::new));
        Set<Instant> openTimes = new TreeSet<>(published.keySet());
        openTimes.addAll(wanted.keySet());
        List<String> differences = new ArrayList<>();
        for (Instant openTime : openTimes) {
            List<Bar> bars = published.getOrDefault(openTime, List.of());
            Bar bar = wanted.get(openTime);
            if (bars.size() != 1 || !bars.getFirst().equals(bar)) {
                differences.add(openTime + ": expected " + bar + ", published " + bars);
            }
        }
        return differences;
    }
}
