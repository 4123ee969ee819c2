package io.mystocks.indicators.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.contracts.Quote;
import io.mystocks.contracts.Topics;
import io.mystocks.indicators.MutableClock;
import io.mystocks.indicators.StreamsSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole topology on a test driver. The driver's wall clock, which fires the punctuator, and the
 * injected clock, which the punctuator reads, always move together.
 */
class MarketTopologyTest {
    /** 09:30 in Shanghai on a Monday: the CN morning session opens. */
    private static final Instant OPEN = Instant.parse("2026-03-02T01:30:00Z");
    private static final String SYMBOL = "600519";
    private static final Duration TICK = Duration.ofMillis(200);

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(OPEN);
    private final List<DeadLetter> published = new CopyOnWriteArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Quote> quotes;
    private TestInputTopic<String, byte[]> rawQuotes;
    private TestInputTopic<String, Bar> backfill;
    private TestOutputTopic<String, Bar> minuteBars;
    private TestOutputTopic<String, Bar> dailyBars;
    private TestOutputTopic<String, IndicatorSnapshot> indicators;
    private TestOutputTopic<String, LatestQuote> latest;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        start(StreamsSettings.defaults("unused:9092", stateDir.resolve("default")));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aMinuteBarAddsUpItsQuotesAndClosesAtOnceWhenTheNextMinuteTrades() {
        pipeAtItsTime(quote(5, "100.00", 100, "10000.00"));
        pipeAtItsTime(quote(20, "101.50", 200, "20300.00"));
        pipeAtItsTime(quote(40, "99.80", 300, "29940.00"));
        pipeAtItsTime(quote(59, "100.20", 100, "10020.00"));
        minuteBars.readRecordsToList();

        quotes.pipeInput(SYMBOL, quote(70, "100.50", 50, "5025.00"));

        List<Bar> emitted = minuteBars.readValuesToList();
        assertThat(emitted).hasSize(1);
        Bar closed = emitted.getFirst();
        assertThat(closed.closed()).isTrue();
        assertThat(closed.key()).isEqualTo(SYMBOL + "|" + OPEN);
        assertThat(closed.closeTime()).isEqualTo(OPEN.plusSeconds(60));
        assertThat(closed.open()).isEqualByComparingTo("100.00");
        assertThat(closed.high()).isEqualByComparingTo("101.50");
        assertThat(closed.low()).isEqualByComparingTo("99.80");
        assertThat(closed.close()).isEqualByComparingTo("100.20");
        assertThat(closed.volume()).isEqualTo(700);
        assertThat(closed.amount()).isEqualByComparingTo("70260.00");
        assertThat(closed.trades()).isEqualTo(4);
    }

    @Test
    void theDailyBarSpansTheShanghaiDateAndAddsUpEveryQuote() {
        pipeAtItsTime(quote(5, "100.00", 100, "10000.00"));
        pipeAtItsTime(quote(20, "101.50", 200, "20300.00"));
        pipeAtItsTime(quote(40, "99.80", 300, "29940.00"));
        pipeAtItsTime(quote(59, "100.20", 100, "10020.00"));
        pipeAtItsTime(quote(70, "100.50", 50, "5025.00"));

        advance(TICK);

        Bar daily = last(dailyBars.readValuesToList());
        assertThat(daily.closed()).isFalse();
        assertThat(daily.tradingDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(daily.openTime()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(daily.closeTime()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        assertThat(daily.open()).isEqualByComparingTo("100.00");
        assertThat(daily.high()).isEqualByComparingTo("101.50");
        assertThat(daily.low()).isEqualByComparingTo("99.80");
        assertThat(daily.close()).isEqualByComparingTo("100.50");
        assertThat(daily.volume()).isEqualTo(750);
        assertThat(daily.amount()).isEqualByComparingTo("75285.00");
        assertThat(daily.trades()).isEqualTo(5);
    }

    @Test
    void formingBarsArePublishedOncePerTickNotOncePerQuote() {
        quotes.pipeInput(SYMBOL, quote(5, "100.00", 100, "10000.00"));
        quotes.pipeInput(SYMBOL, quote(6, "100.10", 100, "10010.00"));
        quotes.pipeInput(SYMBOL, quote(7, "100.20", 100, "10020.00"));
        assertThat(minuteBars.isEmpty()).isTrue();

        advance(TICK);

        List<KeyValue<String, Bar>> forming = minuteBars.readKeyValuesToList();
        assertThat(forming).hasSize(1);
        assertThat(forming.getFirst().key).isEqualTo(SYMBOL + "|" + OPEN);
        assertThat(forming.getFirst().value.closed()).isFalse();
        assertThat(forming.getFirst().value.trades()).isEqualTo(3);
        assertThat(indicators.readKeyValuesToList()).extracting(record -> record.key)
                .containsExactlyInAnyOrderElementsOf(Interval.codes().stream().map(code -> SYMBOL + "|" + code)
                        .toList());
        assertThat(latest.readKeyValuesToList()).extracting(record -> record.key).containsExactly(SYMBOL);
    }

    @Test
    void everyIntervalGoesToItsOwnTopic() {
        quotes.pipeInput(SYMBOL, quote(5, "100.00", 100, "10000.00"));

        advance(TICK);

        for (Interval interval : Interval.values()) {
            List<Bar> bars = driver.createOutputTopic(Topics.bars(interval).name(), new StringDeserializer(),
                    JsonSerde.of(Bar.class)).readValuesToList();
            assertThat(bars).as(interval.code()).singleElement()
                    .satisfies(bar -> assertThat(bar.interval()).isEqualTo(interval));
        }
    }

    @Test
    void theClockClosesAnIdleBarOnceItsGraceHasPassed() {
        pipeAtItsTime(quote(10, "100.00", 100, "10000.00"));

        advanceTo(OPEN.plusMillis(64_800));
        assertThat(minuteBars.readValuesToList()).noneMatch(Bar::closed);
        advanceTo(OPEN.plusSeconds(65));

        assertThat(minuteBars.readValuesToList()).singleElement().satisfies(bar -> {
            assertThat(bar.closed()).isTrue();
            assertThat(bar.openTime()).isEqualTo(OPEN);
            assertThat(bar.volume()).isEqualTo(100);
        });
    }

    @Test
    void aQuoteForABarTheClockAlreadyClosedIsDeadLettered() {
        pipeAtItsTime(quote(10, "100.00", 100, "10000.00"));
        advanceTo(OPEN.plusSeconds(66));

        quotes.pipeInput(SYMBOL, quote(50, "99.00", 10, "990.00"));

        assertThat(deadLetters.readKeyValuesToList()).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo(SYMBOL);
            assertThat(record.value.source()).isEqualTo(Topics.QUOTES.name() + "/0/1");
            assertThat(record.value.reasons().getFirst()).startsWith("late quote").contains("already closed");
            assertThat(record.value.payload()).contains("\"price\":99.00");
        });
    }

    @Test
    void aQuoteOlderThanTheFormingBarIsDeadLetteredAndChangesNoBar() {
        pipeAtItsTime(quote(70, "100.00", 100, "10000.00"));

        quotes.pipeInput(SYMBOL, quote(30, "90.00", 999, "89910.00"));
        advance(TICK);

        assertThat(deadLetters.readValuesToList()).singleElement()
                .satisfies(letter -> assertThat(letter.reasons().getFirst()).startsWith("late quote")
                        .contains("forming"));
        assertThat(last(minuteBars.readValuesToList()).volume()).isEqualTo(100);
        assertThat(last(latest.readValuesToList()).volume()).isEqualTo(100);
    }

    @Test
    void indicatorsMatchAHandComputedReferenceOnceWarmedUpAndAreNotReadyBefore() {
        double[] closes = new double[25];
        for (int minute = 0; minute < closes.length; minute++) {
            closes[minute] = 100 + minute * 0.5 + (minute % 3) * 0.25 - (minute % 4 == 0 ? 1.1 : 0);
            BigDecimal price = BigDecimal.valueOf(closes[minute]);
            pipeAtItsTime(quote(minute * 60 + 10, price.toPlainString(), 100, price.multiply(BigDecimal.TEN)
                    .toPlainString()));
        }

        advance(TICK);

        List<IndicatorSnapshot> snapshots = indicators.readValuesToList().stream()
                .filter(snapshot -> snapshot.interval() == Interval.M1).toList();
        IndicatorSnapshot early = snapshots.stream()
                .filter(snapshot -> snapshot.barOpenTime().equals(OPEN.plusSeconds(9 * 60))).findFirst().orElseThrow();
        assertThat(early.values().get("SMA_20").ready()).isFalse();
        assertThat(early.values().get("SMA_20").outputs()).isEmpty();
        assertThat(early.values().get("SMA_20").barsAvailable()).isEqualTo(10);
        IndicatorSnapshot current = last(snapshots);
        assertThat(current.barOpenTime()).isEqualTo(OPEN.plusSeconds(24 * 60));
        assertThat(current.barClosed()).isFalse();
        IndicatorValue sma = current.values().get("SMA_20");
        IndicatorValue ema = current.values().get("EMA_20");
        assertThat(sma.ready()).isTrue();
        assertThat(sma.barsAvailable()).isEqualTo(25);
        assertThat(sma.outputs().get("value")).isCloseTo(average(closes, 5, 25), within(1e-9));
        assertThat(ema.ready()).isTrue();
        assertThat(ema.outputs().get("value")).isCloseTo(emaSeededWithTheMean(closes, 20), within(1e-9));
        assertThat(current.values().get("RSI_14").ready()).isTrue();
    }

    @Test
    void theLatestQuoteComparesWithThePreviousTradingDaysClose() {
        pipeAtItsTime(quote(5, "100.00", 100, "10000.00"));
        pipeAtItsTime(quote(5 * 3600, "102.00", 100, "10200.00"));
        Instant nextMorning = OPEN.plus(Duration.ofDays(1)).plusSeconds(5);

        pipeAtItsTime(new Quote(SYMBOL, nextMorning, new BigDecimal("103.02"), 300, new BigDecimal("30906.00"),
                "test"));
        advance(TICK);

        LatestQuote quote = last(latest.readValuesToList());
        assertThat(quote.tradingDay()).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(quote.price()).isEqualByComparingTo("103.02");
        assertThat(quote.open()).isEqualByComparingTo("103.02");
        assertThat(quote.preClose()).isEqualByComparingTo("102.00");
        assertThat(quote.change()).isEqualByComparingTo("1.02");
        assertThat(quote.changePercent()).isEqualByComparingTo("1.00");
        assertThat(quote.volume()).isEqualTo(300);
        assertThat(quote.amount()).isEqualByComparingTo("30906.00");
        assertThat(quote.timestamp()).isEqualTo(nextMorning);
    }

    @Test
    void bytesThatAreNotAQuoteAreDeadLetteredAndTheStreamGoesOn() {
        rawQuotes.pipeInput(SYMBOL, "{not json".getBytes(StandardCharsets.UTF_8));

        quotes.pipeInput(SYMBOL, quote(5, "100.00", 100, "10000.00"));
        advance(TICK);

        assertThat(published).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo(Topics.QUOTES.name() + "/0/0");
            assertThat(letter.reasons().getFirst()).contains("not a valid Quote");
            assertThat(letter.payload()).isEqualTo("{not json");
            assertThat(letter.rejectedAt()).isEqualTo(OPEN);
        });
        assertThat(minuteBars.readValuesToList()).hasSize(1);
    }

    @Test
    void anInvalidQuoteIsDeadLetteredWithEveryReason() {
        quotes.pipeInput(SYMBOL, new Quote(SYMBOL, OPEN.plus(Duration.ofHours(1)), new BigDecimal("-1"), -5,
                BigDecimal.ZERO, "test"));

        assertThat(deadLetters.readValuesToList()).singleElement()
                .satisfies(letter -> assertThat(letter.reasons()).hasSize(3));
    }

    @Test
    void theHistoryKeepsOnlyTheConfiguredNumberOfClosedBars() {
        driver.close();
        start(new StreamsSettings("unused:9092", null, stateDir.resolve("small"), null, null, 30, null, null, null,
                null, null, null, List.of("SMA:timeperiod=20", "RSI:timeperiod=6"), null, null, null, null));

        advanceTo(OPEN.plusSeconds(35 * 60));
        for (int minute = 0; minute < 35; minute++) {
            quotes.pipeInput(SYMBOL, quote(minute * 60 + 10, "100.00", 1, "100.00"));
        }

        KeyValueStore<String, Bar> history = driver.getKeyValueStore(MarketTopology.BAR_HISTORY_STORE);
        List<Bar> minutes = new ArrayList<>();
        try (KeyValueIterator<String, Bar> entries = history.prefixScan(SYMBOL + "|1m|", new StringSerializer())) {
            entries.forEachRemaining(entry -> minutes.add(entry.value));
        }
        assertThat(minutes).hasSize(30);
        assertThat(minutes.getFirst().openTime()).isEqualTo(OPEN.plusSeconds(4 * 60));
        assertThat(last(minutes).openTime()).isEqualTo(OPEN.plusSeconds(33 * 60));
    }

    @Test
    void aBackfilledBarOlderThanTheFormingBarJoinsTheHistoryAndIsRepublishedClosed() {
        pipeAtItsTime(quote(70, "100.00", 100, "10000.00"));
        minuteBars.readRecordsToList();
        Bar earlier = minuteBar(0, "99.00", 500);

        backfill.pipeInput(SYMBOL, earlier);

        assertThat(minuteBars.readKeyValuesToList()).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo(SYMBOL + "|" + OPEN);
            assertThat(record.value).isEqualTo(earlier);
        });
        assertThat(history(SYMBOL + "|1m|")).containsExactly(earlier);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void backfilledHistoryRebuildsTheIndicatorsOfTheLiveSeriesAtTheNextTick() {
        double[] closes = new double[25];
        for (int minute = 0; minute < closes.length; minute++) {
            closes[minute] = 100 + minute * 0.5 - (minute % 4 == 0 ? 1.1 : 0);
        }
        pipeAtItsTime(quote(24 * 60 + 10, BigDecimal.valueOf(closes[24]).toPlainString(), 100, "10000.00"));
        advance(TICK);
        assertThat(last(minuteSnapshots()).values().get("SMA_20").ready()).isFalse();

        for (int minute = 0; minute < 24; minute++) {
            backfill.pipeInput(SYMBOL, minuteBar(minute, BigDecimal.valueOf(closes[minute]).toPlainString(), 100));
        }
        advance(TICK);

        IndicatorSnapshot current = last(minuteSnapshots());
        assertThat(current.barOpenTime()).isEqualTo(OPEN.plusSeconds(24 * 60));
        assertThat(current.barClosed()).isFalse();
        assertThat(current.values().get("SMA_20").barsAvailable()).isEqualTo(25);
        assertThat(current.values().get("SMA_20").outputs().get("value"))
                .isCloseTo(average(closes, 5, 25), within(1e-9));
    }

    @Test
    void backfillingTheSameBarAgainOverwritesItInsteadOfAddingOne() {
        pipeAtItsTime(quote(130, "100.00", 100, "10000.00"));
        backfill.pipeInput(SYMBOL, minuteBar(0, "99.00", 500));
        backfill.pipeInput(SYMBOL, minuteBar(1, "99.50", 500));

        Bar corrected = minuteBar(0, "98.00", 700);
        backfill.pipeInput(SYMBOL, corrected);

        List<Bar> bars = history(SYMBOL + "|1m|");
        assertThat(bars).hasSize(2);
        assertThat(bars.getFirst()).isEqualTo(corrected);
    }

    @Test
    void aBackfillRunAgainIsRepublishedButWritesNothingMoreToTheStores() {
        List<Bar> run = List.of(dailyBar(LocalDate.parse("2026-02-26"), "101.00"),
                dailyBar(LocalDate.parse("2026-02-27"), "102.00"), minuteBar(0, "99.00", 500));
        run.forEach(bar -> backfill.pipeInput(SYMBOL, bar));
        TestOutputTopic<String, byte[]> historyChangelog = changelog(MarketTopology.BAR_HISTORY_STORE);
        TestOutputTopic<String, byte[]> daysChangelog = changelog(MarketTopology.TRADING_DAYS_STORE);
        assertThat(historyChangelog.readValuesToList()).hasSize(3);
        assertThat(daysChangelog.readValuesToList()).isNotEmpty();
        dailyBars.readValuesToList();

        run.forEach(bar -> backfill.pipeInput(SYMBOL, bar));

        assertThat(historyChangelog.isEmpty()).isTrue();
        assertThat(daysChangelog.isEmpty()).isTrue();
        assertThat(dailyBars.readValuesToList()).containsExactly(run.get(0), run.get(1));
        assertThat(history(SYMBOL + "|1d|")).containsExactly(run.get(0), run.get(1));
    }

    @Test
    void theStoresAndTheirChangelogsAreBinaryWhileTheTopicsStayJson() {
        pipeAtItsTime(quote(5, "100.00", 100, "10000.00"));
        pipeAtItsTime(quote(65, "100.50", 100, "10050.00"));
        advance(TICK);

        assertThat(changelog(MarketTopology.FORMING_BARS_STORE).readValuesToList())
                .isNotEmpty().allSatisfy(value -> assertThat(value[0]).isEqualTo(StoreSerde.FORMING_BAR_FORMAT));
        assertThat(changelog(MarketTopology.BAR_HISTORY_STORE).readValuesToList())
                .singleElement().satisfies(value -> assertThat(value[0]).isEqualTo(StoreSerde.BAR_FORMAT));
        assertThat(changelog(MarketTopology.TRADING_DAYS_STORE).readValuesToList())
                .isNotEmpty().allSatisfy(value -> assertThat(value[0]).isEqualTo(StoreSerde.TRADING_DAY_FORMAT));
        assertThat(driver.createOutputTopic(Topics.bars(Interval.M1).name(), new StringDeserializer(),
                new ByteArrayDeserializer()).readValuesToList())
                .isNotEmpty().allSatisfy(value -> assertThat(value[0]).isEqualTo((byte) '{'));
    }

    @Test
    void theHistoryKeepsTheNewestBarsWhenABackfillBringsMoreThanItHolds() {
        driver.close();
        start(new StreamsSettings("unused:9092", null, stateDir.resolve("small"), null, null, 30, null, null, null,
                null, null, null, List.of("SMA:timeperiod=20"), null, null, null, null));
        advanceTo(OPEN.plusSeconds(40 * 60));

        for (int minute = 39; minute >= 0; minute--) {
            backfill.pipeInput(SYMBOL, minuteBar(minute, "100.00", 1));
        }

        List<Bar> bars = history(SYMBOL + "|1m|");
        assertThat(bars).hasSize(30);
        assertThat(bars.getFirst().openTime()).isEqualTo(OPEN.plusSeconds(10 * 60));
        assertThat(last(bars).openTime()).isEqualTo(OPEN.plusSeconds(39 * 60));
    }

    @Test
    void aBackfilledBarThatOverlapsOrFollowsTheFormingBarIsDeadLetteredAndChangesNothing() {
        pipeAtItsTime(quote(70, "100.00", 100, "10000.00"));
        advance(TICK);
        minuteBars.readRecordsToList();
        indicators.readRecordsToList();

        backfill.pipeInput(SYMBOL, minuteBar(1, "90.00", 999));
        backfill.pipeInput(SYMBOL, minuteBar(2, "90.00", 999));
        advance(TICK);

        assertThat(deadLetters.readValuesToList()).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.reasons().getFirst()).isEqualTo("backfill bar overlaps live data");
            assertThat(letter.source()).startsWith(Topics.BARS_BACKFILL.name() + "/0/");
            assertThat(letter.payload()).contains("\"volume\":999");
        });
        assertThat(history(SYMBOL + "|1m|")).isEmpty();
        assertThat(minuteBars.isEmpty()).isTrue();
        assertThat(indicators.isEmpty()).isTrue();
    }

    @Test
    void aBackfilledDailyBarGivesTheFirstLiveQuoteItsChangeFromThePreviousClose() {
        Bar friday = dailyBar(LocalDate.parse("2026-02-27"), "102.00");
        backfill.pipeInput(SYMBOL, dailyBar(LocalDate.parse("2026-02-26"), "101.00"));
        backfill.pipeInput(SYMBOL, friday);

        pipeAtItsTime(quote(5, "103.02", 300, "30906.00"));
        advance(TICK);

        LatestQuote quote = last(latest.readValuesToList());
        assertThat(quote.tradingDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(quote.preClose()).isEqualByComparingTo("102.00");
        assertThat(quote.change()).isEqualByComparingTo("1.02");
        assertThat(quote.changePercent()).isEqualByComparingTo("1.00");
        assertThat(quote.volume()).isEqualTo(300);
        assertThat(dailyBars.readValuesToList()).filteredOn(Bar::closed).containsExactly(
                dailyBar(LocalDate.parse("2026-02-26"), "101.00"), friday);
    }

    @Test
    void aDailyBarBackfilledAfterTheLiveDayStartedStillSetsItsPreviousClose() {
        pipeAtItsTime(quote(5, "103.02", 300, "30906.00"));
        advance(TICK);
        assertThat(last(latest.readValuesToList()).preClose()).isNull();

        backfill.pipeInput(SYMBOL, dailyBar(LocalDate.parse("2026-02-27"), "102.00"));
        backfill.pipeInput(SYMBOL, dailyBar(LocalDate.parse("2026-02-26"), "99.00"));
        advance(TICK);

        LatestQuote quote = last(latest.readValuesToList());
        assertThat(quote.preClose()).isEqualByComparingTo("102.00");
        assertThat(quote.changePercent()).isEqualByComparingTo("1.00");
        assertThat(quote.volume()).isEqualTo(300);
    }

    @Test
    void aSeriesWithOnlyBackfilledBarsPublishesIndicatorsAsOfItsLastBar() {
        LocalDate day = LocalDate.parse("2026-01-05");
        for (int i = 0; i < 30; i++) {
            backfill.pipeInput(SYMBOL, dailyBar(day.plusDays(i), "100.00"));
        }

        advance(TICK);

        IndicatorSnapshot daily = last(indicators.readValuesToList().stream()
                .filter(snapshot -> snapshot.interval() == Interval.D1).toList());
        assertThat(daily.barOpenTime()).isEqualTo(dailyBar(day.plusDays(29), "100.00").openTime());
        assertThat(daily.barClosed()).isTrue();
        assertThat(daily.values().get("SMA_20").outputs().get("value")).isCloseTo(100.0, within(1e-9));
        assertThat(last(latest.readValuesToList()).tradingDay()).isEqualTo(day.plusDays(29));
    }

    @Test
    void aLiveQuoteOlderThanTheBackfilledHistorySeesOnlyTheBarsBeforeIt() {
        for (int minute = 0; minute < 10; minute++) {
            backfill.pipeInput(SYMBOL, minuteBar(minute, "100.00", 1));
        }

        pipeAtItsTime(quote(5 * 60 + 10, "101.00", 100, "10100.00"));
        advance(TICK);

        IndicatorSnapshot current = last(minuteSnapshots());
        assertThat(current.barOpenTime()).isEqualTo(OPEN.plusSeconds(5 * 60));
        assertThat(current.values().get("SMA_5").barsAvailable()).isEqualTo(6);
    }

    @Test
    void aBackfilledBarThatIsOpenOffTheGridOrUnderAnotherKeyIsDeadLetteredWithEveryReason() {
        Bar minute = minuteBar(0, "100.00", 10);
        Bar forming = new Bar(SYMBOL, Interval.M1, OPEN.plusSeconds(30), OPEN.plusSeconds(90), minute.tradingDay(),
                minute.open(), minute.high(), minute.low(), minute.close(), 10, minute.amount(), 1, false);

        backfill.pipeInput("600000", forming);

        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(letter -> assertThat(letter.reasons())
                .hasSize(3).anySatisfy(reason -> assertThat(reason).contains("keyed by symbol"))
                .anySatisfy(reason -> assertThat(reason).contains("not closed"))
                .anySatisfy(reason -> assertThat(reason).contains("not on the market's grid")));
        assertThat(history(SYMBOL + "|1m|")).isEmpty();
    }

    @Test
    void seriesLeftOverWhenTheEmitBudgetRunsOutArePublishedFirstAtTheNextTick() {
        List<String> symbols = List.of("600000", "600001", "600002");
        for (String symbol : symbols) {
            quotes.pipeInput(symbol, new Quote(symbol, OPEN.plusSeconds(5), new BigDecimal("10.00"), 100,
                    new BigDecimal("1000.00"), "test"));
        }
        clock.stepPerRead(Duration.ofMillis(1));

        advance(TICK);
        List<String> first = keys(indicators);
        List<String> latestFirst = keys(latest);
        advance(TICK);
        advance(TICK);
        List<String> later = keys(indicators);

        assertThat(first).hasSizeBetween(1, 23);
        assertThat(latestFirst).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(later).doesNotContainAnyElementsOf(first);
        assertThat(concat(first, later)).hasSize(24).doesNotHaveDuplicates();
    }

    private static List<String> keys(TestOutputTopic<String, ?> topic) {
        return topic.readKeyValuesToList().stream().map(record -> record.key).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private List<IndicatorSnapshot> minuteSnapshots() {
        return indicators.readValuesToList().stream().filter(snapshot -> snapshot.interval() == Interval.M1)
                .toList();
    }

    private List<Bar> history(String prefix) {
        KeyValueStore<String, Bar> store = driver.getKeyValueStore(MarketTopology.BAR_HISTORY_STORE);
        List<Bar> bars = new ArrayList<>();
        try (KeyValueIterator<String, Bar> entries = store.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> bars.add(entry.value));
        }
        return bars;
    }

    /** A closed 1m bar of the morning session, {@code minute} minutes after the open, at one price. */
    private static Bar minuteBar(int minute, String price, long volume) {
        BigDecimal close = new BigDecimal(price);
        Instant open = OPEN.plusSeconds(minute * 60L);
        return new Bar(SYMBOL, Interval.M1, open, open.plusSeconds(60), LocalDate.parse("2026-03-02"), close, close,
                close, close, volume, close.multiply(BigDecimal.valueOf(volume)), 1, true);
    }

    /** A closed daily bar of a Shanghai date that opened one percent below its close. */
    private static Bar dailyBar(LocalDate day, String price) {
        BigDecimal close = new BigDecimal(price);
        BigDecimal open = close.multiply(new BigDecimal("0.99"));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return new Bar(SYMBOL, Interval.D1, day.atStartOfDay(shanghai).toInstant(),
                day.plusDays(1).atStartOfDay(shanghai).toInstant(), day, open, close, open, close, 10_000,
                close.multiply(BigDecimal.valueOf(10_000)), 50, true);
    }

    private void start(StreamsSettings settings) {
        DeadLetterPublisher publisher = (key, letter) -> published.add(letter);
        driver = new TopologyTestDriver(MarketTopology.build(settings, clock),
                MarketTopology.streamsProperties(settings, publisher, clock), clock.instant());
        quotes = driver.createInputTopic(Topics.QUOTES.name(), new StringSerializer(), JsonSerde.of(Quote.class));
        rawQuotes = driver.createInputTopic(Topics.QUOTES.name(), new StringSerializer(), new ByteArraySerializer());
        backfill = driver.createInputTopic(Topics.BARS_BACKFILL.name(), new StringSerializer(),
                JsonSerde.of(Bar.class));
        minuteBars = output(Topics.bars(Interval.M1).name(), Bar.class);
        dailyBars = output(Topics.bars(Interval.D1).name(), Bar.class);
        indicators = output(Topics.INDICATORS.name(), IndicatorSnapshot.class);
        latest = output(Topics.QUOTES_LATEST.name(), LatestQuote.class);
        deadLetters = output(Topics.QUOTES_DLQ.name(), DeadLetter.class);
    }

    /** The raw values the default application id's store writes to its changelog. */
    private TestOutputTopic<String, byte[]> changelog(String store) {
        return driver.createOutputTopic(StreamsSettings.DEFAULT_APPLICATION_ID + "-" + store + "-changelog",
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private <V> TestOutputTopic<String, V> output(String topic, Class<V> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), JsonSerde.of(type));
    }

    /** Moves both clocks to the quote's time, as a live feed would, then pipes it. */
    private void pipeAtItsTime(Quote quote) {
        advanceTo(quote.timestamp());
        quotes.pipeInput(SYMBOL, quote, quote.timestamp());
    }

    private void advanceTo(Instant time) {
        Duration step = Duration.between(clock.instant(), time);
        if (step.isPositive()) {
            advance(step);
        }
    }

    private void advance(Duration step) {
        clock.advance(step);
        driver.advanceWallClockTime(step);
    }

    private static Quote quote(int second, String price, long volume, String amount) {
        return new Quote(SYMBOL, OPEN.plusSeconds(second), new BigDecimal(price), volume, new BigDecimal(amount),
                "test");
    }

    private static <T> T last(List<T> values) {
        assertThat(values).isNotEmpty();
        return values.getLast();
    }

    private static double average(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** EMA as TA-Lib: seeded with the mean of the first {@code length} closes, then k = 2 / (length + 1). */
    private static double emaSeededWithTheMean(double[] closes, int length) {
        double k = 2.0 / (length + 1);
        double ema = average(closes, 0, length);
        for (int i = length; i < closes.length; i++) {
            ema += (closes[i] - ema) * k;
        }
        return ema;
    }
}
