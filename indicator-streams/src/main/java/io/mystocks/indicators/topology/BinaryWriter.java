package io.mystocks.indicators.topology;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes the fields of one stored value, big-endian and of fixed width, into a buffer that grows as needed.
 * {@link BinaryReader} reads them back in the same order. Not thread-safe: one per value.
 */
final class BinaryWriter {
    /** Enough for a forming bar or a trading day of a usual symbol, so that the buffer rarely grows. */
    private static final int INITIAL_CAPACITY = 192;

    static final byte ABSENT = 0;
    static final byte PRESENT = 1;
    /** A decimal whose unscaled value fits in a long: every price and turnover a feed sends. */
    static final byte COMPACT_DECIMAL = 1;
    static final byte BIG_DECIMAL = 2;

    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY);

    void writeByte(int value) {
        ensure(Byte.BYTES).put((byte) value);
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeLong(long value) {
        ensure(Long.BYTES).putLong(value);
    }

    /** UTF-8, after its length in bytes. */
    void writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(Integer.BYTES + bytes.length).putInt(bytes.length).put(bytes);
    }

    /** Epoch seconds and nanoseconds: exact for every instant, {@link Instant#MIN} to {@link Instant#MAX}. */
    void writeInstant(Instant value) {
        ensure(Long.BYTES + Integer.BYTES).putLong(value.getEpochSecond()).putInt(value.getNano());
    }

    /** A presence byte, then the epoch day. */
    void writeDate(LocalDate value) {
        if (value == null) {
            writeByte(ABSENT);
            return;
        }
        ensure(1 + Long.BYTES).put(PRESENT).putLong(value.toEpochDay());
    }

    /**
     * A form byte, then the scale and the unscaled value: a long when it fits, else its two's-complement
     * bytes. Value and scale both survive, so {@code 100.00} reads back as {@code 100.00}, not {@code 100}.
     */
    void writeDecimal(BigDecimal value) {
        if (value == null) {
            writeByte(ABSENT);
            return;
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE) {
            ensure(1 + Integer.BYTES + Long.BYTES).put(COMPACT_DECIMAL).putInt(value.scale())
                    .putLong(unscaled.longValue());
            return;
        }
        byte[] bytes = unscaled.toByteArray();
        ensure(1 + 2 * Integer.BYTES + bytes.length).put(BIG_DECIMAL).putInt(value.scale()).putInt(bytes.length)
                .put(bytes);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private ByteBuffer ensure(int bytes) {
        if (buffer.remaining() < bytes) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + bytes);
            buffer = ByteBuffer.allocate(capacity).put(buffer.flip());
        }
        return buffer;
    }
}
