package io.mystocks.indicators.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreSerdeTest {
    private static final String TOPIC = "mystocks-indicators-forming-bars-changelog";
    private static final Instant OPEN = Instant.parse("2026-03-02T01:30:00Z");
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    private final StoreSerde<Bar> bars = StoreSerde.bars();
    private final StoreSerde<FormingBar> formingBars = StoreSerde.formingBars();
    private final StoreSerde<TradingDay> tradingDays = StoreSerde.tradingDays();

    @Test
    void aFormingBarReadsBackEqualWithTheScaleOfEveryPrice() {
        FormingBar value = new FormingBar(minuteBar(), OPEN.plusSeconds(5), OPEN.plusSeconds(59));

        FormingBar read = roundTrip(formingBars, value);

        assertThat(read).isEqualTo(value);
        assertThat(read.bar().open().scale()).isEqualTo(2);
    }

    @Test
    void aTradingDayReadsBackEqualWithAndWithoutAPreviousClose() {
        TradingDay first = new TradingDay("AAPL", MONDAY, price("187.25"), price("189.00"), price("186.10"),
                price("188.40"), 12_000, price("2260800.00"), 37, null, null, OPEN, OPEN.plusSeconds(3600), false);
        TradingDay second = new TradingDay("AAPL", MONDAY.plusDays(1), null, null, null, price("190.00"), 0, null, 0,
                price("188.40"), MONDAY, OPEN, OPEN, true);

        assertThat(roundTrip(tradingDays, first)).isEqualTo(first);
        assertThat(roundTrip(tradingDays, second)).isEqualTo(second);
    }

    @Test
    void aBarWithoutPricesVolumeOrTradingDayReadsBackEqual() {
        Bar empty = new Bar("BRK.B", Interval.W1, OPEN, OPEN.plusSeconds(7 * 86_400), null, null, null, null, null, 0,
                null, 0, true);

        assertThat(roundTrip(bars, empty)).isEqualTo(empty);
    }

    @ParameterizedTest
    @EnumSource(Interval.class)
    void everyIntervalReadsBackAsItself(Interval interval) {
        Bar bar = new Bar("600519", interval, OPEN, OPEN.plusSeconds(60), MONDAY, price("1"), price("1"), price("1"),
                price("1"), 1, price("1"), 1, false);

        assertThat(roundTrip(bars, bar).interval()).isEqualTo(interval);
    }

    @ParameterizedTest
    @MethodSource("edgeDecimals")
    void decimalsKeepTheirValueAndScale(BigDecimal price) {
        Bar bar = withPrice(price);

        Bar read = roundTrip(bars, bar);

        assertThat(read.close()).isEqualTo(price);
        assertThat(read.close().scale()).isEqualTo(price.scale());
    }

    static Stream<BigDecimal> edgeDecimals() {
        return Stream.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("-1.5"),
                new BigDecimal("1E+12"), new BigDecimal("12345.6789012345678901234567890123456789"),
                new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE), 4),
                new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 4),
                new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), 4),
                new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE), -3),
                new BigDecimal(BigInteger.TEN.pow(200).negate(), Integer.MAX_VALUE),
                new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
    }

    @Test
    void farInstantsAndDatesReadBackExactly() {
        Bar bar = new Bar("AAPL", Interval.MN1, Instant.MIN, Instant.MAX, LocalDate.MAX, null, null, null, null,
                Long.MAX_VALUE, null, Long.MIN_VALUE, false);
        FormingBar value = new FormingBar(bar, Instant.ofEpochSecond(-1, 1), Instant.ofEpochSecond(0, 999_999_999));

        assertThat(roundTrip(formingBars, value)).isEqualTo(value);
        TradingDay day = new TradingDay("AAPL", LocalDate.MIN, null, null, null, price("1"), 0, null, 0, null,
                LocalDate.MAX, Instant.MIN, Instant.MAX, false);
        assertThat(roundTrip(tradingDays, day)).isEqualTo(day);
    }

    @Test
    void aSymbolOutsideAsciiReadsBackEqual() {
        Bar bar = new Bar("株式ÄÖ", Interval.D1, OPEN, OPEN.plusSeconds(86_400), MONDAY, null, null, null, null, 0,
                null, 0, false);

        assertThat(roundTrip(bars, bar).symbol()).isEqualTo("株式ÄÖ");
    }

    @Test
    void writesAreBinaryAndSmallerThanTheirJson() {
        FormingBar value = new FormingBar(minuteBar(), OPEN.plusSeconds(5), OPEN.plusSeconds(59));

        byte[] binary = formingBars.serialize(TOPIC, value);

        assertThat(binary[0]).isEqualTo(StoreSerde.FORMING_BAR_FORMAT);
        assertThat(binary.length).isLessThan(JsonSerde.of(FormingBar.class).serialize(TOPIC, value).length / 2);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(formingBars.serialize(TOPIC, null)).isNull();
        assertThat(formingBars.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void aFormingBarAndATradingDayWrittenAsJsonByEarlierVersionsAreStillRead() {
        String formingJson = """
                {"bar":{"symbol":"600519","interval":"M1","open_time":"2026-03-02T01:30:00Z",\
                "close_time":"2026-03-02T01:31:00Z","trading_day":"2026-03-02","open":100.00,"high":101.50,\
                "low":99.80,"close":100.20,"volume":700,"amount":70260.00,"trades":4,"closed":false},\
                "first_quote_at":"2026-03-02T01:30:05Z","last_quote_at":"2026-03-02T01:30:59Z"}""";
        String dayJson = """
                {"symbol":"600519","day":"2026-03-02","open":100.00,"high":101.50,"low":99.80,"close":100.20,\
                "volume":700,"amount":70260.00,"trades":4,"pre_close":98.00,"pre_close_day":"2026-02-27",\
                "first_quote_at":"2026-03-02T01:30:05Z","last_quote_at":"2026-03-02T01:30:59Z","backfilled":false}""";

        FormingBar forming = formingBars.deserialize(TOPIC, formingJson.getBytes(StandardCharsets.UTF_8));
        TradingDay day = tradingDays.deserialize(TOPIC, dayJson.getBytes(StandardCharsets.UTF_8));

        assertThat(forming).isEqualTo(new FormingBar(minuteBar(), OPEN.plusSeconds(5), OPEN.plusSeconds(59)));
        assertThat(day).isEqualTo(new TradingDay("600519", MONDAY, price("100.00"), price("101.50"), price("99.80"),
                price("100.20"), 700, price("70260.00"), 4, price("98.00"), LocalDate.parse("2026-02-27"),
                OPEN.plusSeconds(5), OPEN.plusSeconds(59), false));
    }

    @Test
    void aHistoryBarAsTheJsonSerdeWritesItIsStillRead() {
        Bar bar = minuteBar();

        assertThat(bars.deserialize(TOPIC, JsonSerde.of(Bar.class).serialize(TOPIC, bar))).isEqualTo(bar);
    }

    @ParameterizedTest
    @ValueSource(bytes = {0, StoreSerde.BAR_FORMAT, StoreSerde.TRADING_DAY_FORMAT, 0x7a, (byte) 0xff})
    void anUnknownFormatByteFailsNamingIt(byte format) {
        byte[] value = formingBars.serialize(TOPIC, new FormingBar(minuteBar(), OPEN, OPEN));
        value[0] = format;

        assertThatThrownBy(() -> formingBars.deserialize(TOPIC, value))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown format byte 0x%02x".formatted(format))
                .hasMessageContaining("FormingBar")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void anEmptyValueFails() {
        assertThatThrownBy(() -> tradingDays.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("empty TradingDay");
    }

    @Test
    void aValueCutShortAtAnyByteFailsInsteadOfReadingAsSomethingElse() {
        byte[] whole = formingBars.serialize(TOPIC, new FormingBar(minuteBar(), OPEN, OPEN));

        for (int length = 1; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> formingBars.deserialize(TOPIC, cut))
                    .as("the first %d of %d bytes", length, whole.length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("not a valid binary FormingBar");
        }
    }

    @Test
    void bytesLeftOverAfterTheLastFieldFail() {
        byte[] bar = bars.serialize(TOPIC, minuteBar());
        byte[] longer = Arrays.copyOf(bar, bar.length + 1);

        assertThatThrownBy(() -> bars.deserialize(TOPIC, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1 bytes left over");
    }

    @Test
    void aValueOfAnotherStoreFailsInsteadOfReadingAsABar() {
        byte[] day = tradingDays.serialize(TOPIC, new TradingDay("600519", MONDAY, null, null, null, price("1"), 0,
                null, 0, null, null, OPEN, OPEN, false));

        assertThatThrownBy(() -> bars.deserialize(TOPIC, day))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown format byte 0x03 of a Bar value");
    }

    private static <V> V roundTrip(StoreSerde<V> serde, V value) {
        return serde.deserialize(TOPIC, serde.serialize(TOPIC, value));
    }

    private static Bar minuteBar() {
        return new Bar("600519", Interval.M1, OPEN, OPEN.plusSeconds(60), MONDAY, price("100.00"), price("101.50"),
                price("99.80"), price("100.20"), 700, price("70260.00"), 4, false);
    }

    private static Bar withPrice(BigDecimal price) {
        return new Bar("600519", Interval.M1, OPEN, OPEN.plusSeconds(60), MONDAY, price, price, price, price, 0,
                price, 0, false);
    }

    private static BigDecimal price(String value) {
        return new BigDecimal(value);
    }
}
