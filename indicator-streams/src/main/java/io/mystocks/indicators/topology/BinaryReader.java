package io.mystocks.indicators.topology;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the fields {@link BinaryWriter} wrote, in the same order. A value that is cut short fails with a
 * {@link java.nio.BufferUnderflowException}, a malformed field with an {@link IllegalArgumentException} naming
 * it; {@link StoreSerde} turns both into a serialization error. Not thread-safe: one per value.
 */
final class BinaryReader {
    private final ByteBuffer buffer;

    /** Reads {@code data} from {@code offset}, past the bytes that precede the fields. */
    BinaryReader(byte[] data, int offset) {
        this.buffer = ByteBuffer.wrap(data, offset, data.length - offset);
    }

    byte readByte() {
        return buffer.get();
    }

    boolean readBoolean() {
        byte value = buffer.get();
        return switch (value) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new IllegalArgumentException("a boolean is 0 or 1, was " + value);
        };
    }

    long readLong() {
        return buffer.getLong();
    }

    String readString() {
        return new String(bytes(buffer.getInt(), "string"), StandardCharsets.UTF_8);
    }

    Instant readInstant() {
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        if (nanos < 0 || nanos > 999_999_999) {
            // Instant.ofEpochSecond would carry them into the seconds: a different time, not an error.
            throw new IllegalArgumentException("nanoseconds of an instant must be 0 to 999,999,999, were " + nanos);
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    LocalDate readDate() {
        return present("date") ? LocalDate.ofEpochDay(buffer.getLong()) : null;
    }

    BigDecimal readDecimal() {
        byte form = buffer.get();
        return switch (form) {
            case BinaryWriter.ABSENT -> null;
            case BinaryWriter.COMPACT_DECIMAL -> {
                int scale = buffer.getInt();
                yield BigDecimal.valueOf(buffer.getLong(), scale);
            }
            case BinaryWriter.BIG_DECIMAL -> {
                int scale = buffer.getInt();
                yield new BigDecimal(new BigInteger(bytes(buffer.getInt(), "decimal")), scale);
            }
            default -> throw new IllegalArgumentException("unknown decimal form " + form);
        };
    }

    /** Fails unless every byte was read: trailing bytes mean the layout is not the one that wrote the value. */
    void end() {
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(buffer.remaining() + " bytes left over after the last field");
        }
    }

    private boolean present(String field) {
        byte marker = buffer.get();
        return switch (marker) {
            case BinaryWriter.ABSENT -> false;
            case BinaryWriter.PRESENT -> true;
            default -> throw new IllegalArgumentException("unknown presence marker " + marker + " of a " + field);
        };
    }

    private byte[] bytes(int length, String field) {
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("a " + field + " of " + length + " bytes, with " + buffer.remaining()
                    + " left");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
