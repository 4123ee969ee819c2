package io.mystocks.worker.backtest;

import io.mystocks.worker.backtest.BacktestResult.EquityPoint;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes an equity point exactly as the shared mapper writes the record by itself,
 * {@code {"date":"2024-01-02","equity":1000000.0,"drawdown":0.0}}, without looking its components up
 * through reflection, boxing the doubles or formatting the date through a string: a result carries up to
 * a thousand points, and they were most of the cost of writing it. A test holds the two forms equal.
 *
 * <p>Design note: the equity is in cents and the drawdown in millionths ({@link EquityPoint#of}), so both
 * are written from their scaled integer, with the digits {@link Double#toString} would give: that general
 * shortest-digits search, and the string it builds, was half the time of writing a curve. Values outside
 * the plain notation of {@code Double.toString} (below 0.001 or from 10 million) go through it as before.
 */
final class EquityPointSerializer extends ValueSerializer<EquityPoint> {
    private static final int ISO_DATE_LENGTH = 10;
    private static final double PLAIN_FROM = 1e-3;
    private static final double PLAIN_BELOW = 1e7;
    /** Sign, seven integer digits, the point and up to six decimals. */
    private static final int MAX_FIXED_LENGTH = 15;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    @Override
    public void serialize(EquityPoint point, JsonGenerator gen, SerializationContext context) {
        gen.writeStartObject(point);
        gen.writeName("date");
        writeDate(point.date(), gen, context);
        gen.writeName("equity");
        writeFixed(point.equity(), EquityPoint.EQUITY_DECIMALS, gen);
        gen.writeName("drawdown");
        writeFixed(point.drawdown(), EquityPoint.DRAWDOWN_DECIMALS, gen);
        gen.writeEndObject();
    }

    /**
     * Writes {@code value}, which holds at most {@code decimals} decimals, as {@code Double.toString} does:
     * its integer part, the point, and the decimals without trailing zeros but at least one.
     */
    static void writeFixed(double value, int decimals, JsonGenerator gen) {
        double magnitude = Math.abs(value);
        long scale = POWERS_OF_TEN[decimals];
        long scaled = Math.round(magnitude * scale);
        boolean plain = magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW || value == 0 && !isNegativeZero(value);
        if (!plain || (double) scaled / scale != magnitude) {
            gen.writeNumber(value);
            return;
        }
        char[] text = new char[MAX_FIXED_LENGTH];
        int length = 0;
        if (value < 0) {
            text[length++] = '-';
        }
        length = appendDigits(text, length, scaled / scale);
        text[length++] = '.';
        long fraction = scaled % scale;
        int shown = decimals;
        while (shown > 1 && fraction % 10 == 0) {
            fraction /= 10;
            shown--;
        }
        for (int i = length + shown - 1; i >= length; i--) {
            text[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        gen.writeNumber(text, 0, length + shown);
    }

    private static int appendDigits(char[] text, int at, long value) {
        int width = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            width++;
        }
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static boolean isNegativeZero(double value) {
        return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
    }

    /** As {@link LocalDate#toString()}: years 0 to 9999 as four digits; the rare others through it. */
    private static void writeDate(LocalDate date, JsonGenerator gen, SerializationContext context) {
        if (date == null || date.getYear() < 0 || date.getYear() > 9999) {
            context.writeValue(gen, date);
            return;
        }
        char[] text = new char[ISO_DATE_LENGTH];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        gen.writeString(text, 0, ISO_DATE_LENGTH);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
