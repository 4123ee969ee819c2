package io.mystocks.api.market;

import static io.mystocks.api.market.MarketFixtures.dailyBar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.IndicatorSnapshot;
import io.mystocks.contracts.IndicatorValue;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Json;
import io.mystocks.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class MarketStoreTest {
    private static final String BARS_1D = Topics.bars(Interval.D1).name();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final MarketStore store = new MarketStore(3);

    @Test
    void readsEveryMarketTopic() {
        assertThat(store.topics()).contains(Topics.QUOTES_LATEST.name(), Topics.INSTRUMENTS.name(),
                Topics.FUNDAMENTALS.name(), Topics.INDICATORS.name(), Topics.bars(Interval.M1).name(),
                Topics.bars(Interval.MN1).name())
                .hasSize(4 + Interval.values().length);
    }

    @Test
    void latestQuoteAndInstrumentReplacePreviousValuesAndTombstonesDeleteThem() {
        store.apply(Topics.QUOTES_LATEST.name(), "600519", json(MarketFixtures.quote("600519", "1700.10")));
        store.apply(Topics.QUOTES_LATEST.name(), "600519", json(MarketFixtures.quote("600519", "1711.00")));
        store.apply(Topics.INSTRUMENTS.name(), "600519", json(MarketFixtures.moutai()));

        assertThat(store.quote("600519").price()).isEqualByComparingTo("1711.00");
        assertThat(store.instrument("600519").name()).isEqualTo("贵州茅台");
        assertThat(store.knows("600519")).isTrue();

        store.apply(Topics.QUOTES_LATEST.name(), "600519", null);

        assertThat(store.quote("600519")).isNull();
    }

    @Test
    void anIndicatorSnapshotIsDecodedWhenFirstReadAndItsJsonKeptAsPublished() {
        IndicatorSnapshot snapshot = new IndicatorSnapshot("600519", Interval.D1, Instant.parse("2026-12-01T01:30:00Z"),
                true, Map.of("RSI_14", new IndicatorValue(Map.of("value", 55.5), 15, 300, true)),
                Instant.parse("2026-12-01T07:00:01Z"));
        byte[] published = json(snapshot);

        Object stored = store.apply(Topics.INDICATORS.name(), "600519|1d", published);

        assertThat(stored).isInstanceOf(KeptSnapshot.class);
        assertThat(((KeptSnapshot) stored).json()).isSameAs(published);
        assertThat(store.indicators("600519", Interval.D1)).isEqualTo(snapshot);
        assertThat(store.indicators("600519", Interval.D1)).as("decoded once").isSameAs(
                store.indicators("600519", Interval.D1));
        assertThat(store.indicators("600519", Interval.W1)).isNull();
    }

    @Test
    void aSnapshotThatDoesNotDecodeOrIsOfAnotherSeriesReadsAsNone() {
        store.apply(Topics.INDICATORS.name(), "600519|1d", "{\"symbol\": 7}".getBytes(StandardCharsets.UTF_8));
        IndicatorSnapshot other = new IndicatorSnapshot("000001", Interval.D1, Instant.parse("2026-12-01T01:30:00Z"),
                true, Map.of(), Instant.parse("2026-12-01T07:00:01Z"));
        store.apply(Topics.INDICATORS.name(), "600519|1w", json(other));

        assertThat(store.indicators("600519", Interval.D1)).isNull();
        assertThat(store.indicators("600519", Interval.W1)).isNull();
    }

    @Test
    void aSnapshotRecordThatIsNotOfASeriesOrNotAnObjectIsRefusedOnArrival() {
        byte[] object = "{}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.apply(Topics.INDICATORS.name(), "600519", object))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol|interval");
        assertThatThrownBy(() -> store.apply(Topics.INDICATORS.name(), "600519|7m", object))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.apply(Topics.INDICATORS.name(), "600519|1d",
                "[1]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class);
    }

    @Test
    void fundamentalsAreKeptPerSymbol() {
        Fundamentals sample = new Fundamentals("600519", 28.5, 9.1, 0.31, 0.15, 0.17, 0.015, 2.1e12,
                LocalDate.of(2026, 9, 30), true);

        Object stored = store.apply(Topics.FUNDAMENTALS.name(), "600519", json(sample));

        assertThat(stored).isEqualTo(sample);
        assertThat(store.fundamentals("600519")).isEqualTo(sample);
        assertThat(store.figures()).containsEntry("fundamentals", 1);
    }

    @Test
    void barVersionChangesWithEveryStoredBar() {
        long before = store.barVersion("600519", Interval.D1);
        applyBar(dailyBar("600519", DAY, "10", "11", "9", "10.5"));
        long afterFirst = store.barVersion("600519", Interval.D1);

        applyBar(dailyBar("600519", DAY, "10", "12", "9", "11.5"));

        assertThat(before).isZero();
        assertThat(afterFirst).isPositive();
        assertThat(store.barVersion("600519", Interval.D1)).isGreaterThan(afterFirst);
    }

    @Test
    void seriesKeepsOnlyTheNewestBarsUpToItsCapacity() {
        for (int i = 0; i < 5; i++) {
            applyBar(dailyBar("600519", DAY.plusDays(i), "10", "11", "9", "10." + i));
        }

        BarSeries.Window window = store.bars("600519", Interval.D1, null, null, 10);

        assertThat(window.bars()).extracting(Bar::tradingDay)
                .containsExactly(DAY.plusDays(2), DAY.plusDays(3), DAY.plusDays(4));
        assertThat(store.figures()).containsEntry("bars", 3L).containsEntry("bar_series", 1);
    }

    @Test
    void laterVersionOfABarReplacesTheFormingOne() {
        applyBar(dailyBar("600519", DAY, "10", "11", "9", "10.5"));
        applyBar(dailyBar("600519", DAY, "10", "12", "9", "11.5"));

        BarSeries.Window window = store.bars("600519", Interval.D1, null, null, 10);

        assertThat(window.bars()).singleElement()
                .satisfies(bar -> assertThat(bar.close()).isEqualByComparingTo("11.5"));
        assertThat(store.figures()).containsEntry("bars", 1L);
    }

    @Test
    void windowReturnsTheNewestBarsOldestFirstWithTheBarBefore() {
        for (int i = 0; i < 3; i++) {
            applyBar(dailyBar("600519", DAY.plusDays(i), "10", "11", "9", "1" + i));
        }

        BarSeries.Window window = store.bars("600519", Interval.D1, null, null, 2);

        assertThat(window.bars()).extracting(Bar::tradingDay).containsExactly(DAY.plusDays(1), DAY.plusDays(2));
        assertThat(window.previous().tradingDay()).isEqualTo(DAY);
    }

    @Test
    void barTombstoneRemovesThatBar() {
        Bar bar = dailyBar("600519", DAY, "10", "11", "9", "10");
        applyBar(bar);

        store.apply(BARS_1D, bar.key(), null);

        assertThat(store.bars("600519", Interval.D1, null, null, 10).bars()).isEmpty();
        assertThat(store.figures()).containsEntry("bars", 0L);
    }

    @Test
    void unreadableValueFailsWithoutChangingTheStore() {
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.apply(Topics.QUOTES_LATEST.name(), "600519", poison))
                .isInstanceOf(SerializationException.class);
        assertThat(store.quote("600519")).isNull();
    }

    @Test
    void barOnTheWrongIntervalTopicIsRejected() {
        Bar daily = dailyBar("600519", DAY, "10", "11", "9", "10");

        assertThatThrownBy(() -> store.apply(Topics.bars(Interval.W1).name(), daily.key(), json(daily)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storeIsNotReadyUntilTheFeedSaysSo() {
        assertThat(store.isReady()).isFalse();

        store.markReady();

        assertThat(store.isReady()).isTrue();
    }

    private void applyBar(Bar bar) {
        store.apply(BARS_1D, bar.key(), json(bar));
    }

    static byte[] json(Object value) {
        return Json.mapper().writeValueAsBytes(value);
    }
}
