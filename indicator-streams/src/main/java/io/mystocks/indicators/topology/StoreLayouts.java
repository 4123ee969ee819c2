package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The binary layout of each value the state stores hold: its fields in the order of the record's components.
 * A layout is fixed once values of it exist in stores and changelogs; changing one means a new format byte in
 * {@link StoreSerde}, with the old layout still read.
 */
final class StoreLayouts {
    /**
     * Intervals by wire id, the position here. Not the enum's ordinal, so that reordering the enum cannot change
     * what stored bytes mean; a new interval goes at the end.
     */
    private static final List<Interval> INTERVAL_IDS = List.of(Interval.M1, Interval.M5, Interval.M15,
            Interval.M30, Interval.H1, Interval.D1, Interval.W1, Interval.MN1);

    private StoreLayouts() {
    }

    static void writeBar(BinaryWriter out, Bar bar) {
        out.writeString(bar.symbol());
        out.writeByte(intervalId(bar.interval()));
        out.writeInstant(bar.openTime());
        out.writeInstant(bar.closeTime());
        out.writeDate(bar.tradingDay());
        out.writeDecimal(bar.open());
        out.writeDecimal(bar.high());
        out.writeDecimal(bar.low());
        out.writeDecimal(bar.close());
        out.writeLong(bar.volume());
        out.writeDecimal(bar.amount());
        out.writeLong(bar.trades());
        out.writeBoolean(bar.closed());
    }

    static Bar readBar(BinaryReader in) {
        return new Bar(in.readString(), interval(in.readByte()), in.readInstant(), in.readInstant(), in.readDate(),
                in.readDecimal(), in.readDecimal(), in.readDecimal(), in.readDecimal(), in.readLong(),
                in.readDecimal(), in.readLong(), in.readBoolean());
    }

    static void writeFormingBar(BinaryWriter out, FormingBar value) {
        writeBar(out, value.bar());
        out.writeInstant(value.firstQuoteAt());
        out.writeInstant(value.lastQuoteAt());
    }

    static FormingBar readFormingBar(BinaryReader in) {
        return new FormingBar(readBar(in), in.readInstant(), in.readInstant());
    }

    static void writeTradingDay(BinaryWriter out, TradingDay day) {
        out.writeString(day.symbol());
        out.writeDate(day.day());
        out.writeDecimal(day.open());
        out.writeDecimal(day.high());
        out.writeDecimal(day.low());
        out.writeDecimal(day.close());
        out.writeLong(day.volume());
        out.writeDecimal(day.amount());
        out.writeLong(day.trades());
        out.writeDecimal(day.preClose());
        out.writeDate(day.preCloseDay());
        out.writeInstant(day.firstQuoteAt());
        out.writeInstant(day.lastQuoteAt());
        out.writeBoolean(day.backfilled());
    }

    static TradingDay readTradingDay(BinaryReader in) {
        return new TradingDay(in.readString(), in.readDate(), in.readDecimal(), in.readDecimal(), in.readDecimal(),
                in.readDecimal(), in.readLong(), in.readDecimal(), in.readLong(), in.readDecimal(), in.readDate(),
                in.readInstant(), in.readInstant(), in.readBoolean());
    }

    private static int intervalId(Interval interval) {
        int id = INTERVAL_IDS.indexOf(interval);
        if (id < 0) {
            throw new SerializationException("interval " + interval + " has no wire id in the store layout");
        }
        return id;
    }

    private static Interval interval(byte id) {
        if (id < 0 || id >= INTERVAL_IDS.size()) {
            throw new IllegalArgumentException("unknown interval id " + id);
        }
        return INTERVAL_IDS.get(id);
    }
}
