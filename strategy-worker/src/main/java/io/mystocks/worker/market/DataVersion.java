package io.mystocks.worker.market;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies the bars a computation used, so that a result can be shown to come from the same data:
 * equal versions mean equal bars. The hash covers every bar's open time (epoch milliseconds), open, high,
 * low and close and volume, as big-endian 64-bit values, prices as IEEE doubles: a double tells apart
 * every two prices of up to 15 significant digits and makes 10.50 and 10.5 the same price.
 *
 * @param bars         how many bars
 * @param firstDate    the trading day of the first bar, or null when there are none
 * @param lastDate     the trading day of the last bar, or null when there are none
 * @param lastOpenTime the open time of the last bar, or null when there are none
 * @param sha256       hex SHA-256 of the bars
 */
public record DataVersion(String symbol, String interval, int bars, LocalDate firstDate, LocalDate lastDate,
                          Instant lastOpenTime, String sha256) {

    private static final int BYTES_PER_BAR = 6 * Long.BYTES;
    /** Bars hashed per update: a small buffer instead of one the size of the whole history. */
    private static final int BARS_PER_UPDATE = 64;

    public static DataVersion of(String symbol, Interval interval, List<Bar> bars) {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(BARS_PER_UPDATE * BYTES_PER_BAR);
        for (Bar bar : bars) {
            if (!buffer.hasRemaining()) {
                digest.update(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putLong(bar.openTime().toEpochMilli()).putDouble(price(bar.open())).putDouble(price(bar.high()))
                    .putDouble(price(bar.low())).putDouble(price(bar.close())).putLong(bar.volume());
        }
        digest.update(buffer.array(), 0, buffer.position());
        String hash = HexFormat.of().formatHex(digest.digest());
        if (bars.isEmpty()) {
            return new DataVersion(symbol, interval.code(), 0, null, null, null, hash);
        }
        Bar last = bars.getLast();
        return new DataVersion(symbol, interval.code(), bars.size(), tradingDay(bars.getFirst()), tradingDay(last),
                last.openTime(), hash);
    }

    /** The trading day a bar belongs to: its own label, or its open time's date in its market's zone. */
    public static LocalDate tradingDay(Bar bar) {
        return bar.tradingDay() != null ? bar.tradingDay()
                : LocalDate.ofInstant(bar.openTime(), Market.of(bar.symbol()).zone());
    }

    private static double price(BigDecimal value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
