package io.mystocks.indicators.topology;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.indicators.aggregation.FormingBar;
import io.mystocks.indicators.aggregation.TradingDay;
import java.nio.BufferUnderflowException;
import java.time.DateTimeException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the state stores and their changelogs: compact binary, since eight forming bars and a
 * trading day are written on every quote, and as JSON they made Jackson the largest part of the stream thread's
 * time. The stores are this service's own; the public topics keep their JSON ({@link JsonSerde}).
 *
 * <p>A value starts with its format byte: one per stored type for its layout in {@link StoreLayouts}, or
 * {@code '{'}, the first byte of the JSON that earlier versions wrote. Both are read, so a store or changelog
 * from before the upgrade needs no migration: every write is binary, and its JSON values give way key by key.
 * Any other first byte, a value of another store's type included, fails with a {@link SerializationException}
 * instead of a value read under the wrong layout. Versions that know only JSON cannot read the binary values;
 * going back to one needs its stores and changelogs reset.
 */
final class StoreSerde<V> implements Serde<V>, Serializer<V>, Deserializer<V> {
    // The format bytes of the binary layouts. A changed layout takes a new byte, and the old one stays readable.
    static final byte BAR_FORMAT = 1;
    static final byte FORMING_BAR_FORMAT = 2;
    static final byte TRADING_DAY_FORMAT = 3;
    static final byte JSON = '{';

    private final Class<V> type;
    private final byte format;
    private final BiConsumer<BinaryWriter, V> layout;
    private final Function<BinaryReader, V> reader;
    private final JsonSerde<V> json;

    private StoreSerde(Class<V> type, byte format, BiConsumer<BinaryWriter, V> layout,
                       Function<BinaryReader, V> reader) {
        this.type = type;
        this.format = format;
        this.layout = layout;
        this.reader = reader;
        this.json = JsonSerde.of(type);
    }

    static StoreSerde<Bar> bars() {
        return new StoreSerde<>(Bar.class, BAR_FORMAT, StoreLayouts::writeBar, StoreLayouts::readBar);
    }

    static StoreSerde<FormingBar> formingBars() {
        return new StoreSerde<>(FormingBar.class, FORMING_BAR_FORMAT,
                StoreLayouts::writeFormingBar, StoreLayouts::readFormingBar);
    }

    static StoreSerde<TradingDay> tradingDays() {
        return new StoreSerde<>(TradingDay.class, TRADING_DAY_FORMAT,
                StoreLayouts::writeTradingDay, StoreLayouts::readTradingDay);
    }

    @Override
    public byte[] serialize(String topic, V value) {
        if (value == null) {
            return null;
        }
        BinaryWriter out = new BinaryWriter();
        out.writeByte(format);
        layout.accept(out, value);
        return out.toByteArray();
    }

    @Override
    public V deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new SerializationException("empty " + type.getSimpleName() + " value on " + topic);
        }
        if (data[0] == format) {
            return binary(topic, data);
        }
        if (data[0] == JSON) {
            return json.deserialize(topic, data);
        }
        throw new SerializationException(String.format("unknown format byte 0x%02x of a %s value on %s: %s values"
                + " are binary (0x%02x) or JSON; another store or a newer version may have written it", data[0],
                type.getSimpleName(), topic, type.getSimpleName(), format));
    }

    private V binary(String topic, byte[] data) {
        try {
            BinaryReader in = new BinaryReader(data, 1);
            V value = reader.apply(in);
            in.end();
            return value;
        } catch (BufferUnderflowException | DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("not a valid binary " + type.getSimpleName() + " (" + data.length
                    + " bytes) on " + topic + ": " + reason(e), e);
        }
    }

    private static String reason(RuntimeException e) {
        return switch (e) {
            case BufferUnderflowException cutShort -> "it ends before its last field";
            case NullPointerException missing -> "no " + missing.getMessage();
            default -> e.getMessage();
        };
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the layouts are fixed.
    }

    @Override
    public void close() {
        // Holds no resources.
    }

    @Override
    public Serializer<V> serializer() {
        return this;
    }

    @Override
    public Deserializer<V> deserializer() {
        return this;
    }
}
