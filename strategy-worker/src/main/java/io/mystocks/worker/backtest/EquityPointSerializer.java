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
 */
final class EquityPointSerializer extends ValueSerializer<EquityPoint> {
    private static final int ISO_DATE_LENGTH = 10;

    @Override
    public void serialize(EquityPoint point, JsonGenerator gen, SerializationContext context) {
        gen.writeStartObject(point);
        gen.writeName("date");
        writeDate(point.date(), gen, context);
        gen.writeNumberProperty("equity", point.equity());
        gen.writeNumberProperty("drawdown", point.drawdown());
        gen.writeEndObject();
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
