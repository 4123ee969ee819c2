package io.mystocks.load.report;

import java.util.List;
import java.util.Locale;

/** A Markdown document built line by line, with the number formats the summary uses. */
final class Markdown {
    private final StringBuilder text = new StringBuilder();

    Markdown heading(int level, String title) {
        blank();
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    Markdown line(String line) {
        text.append(line).append('\n');
        return this;
    }

    Markdown bullet(String item) {
        return line("- " + item);
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        blank();
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
        return line("");
    }

    private void blank() {
        int length = text.length();
        if (length > 0 && !(text.charAt(length - 1) == '\n' && length > 1 && text.charAt(length - 2) == '\n')) {
            text.append('\n');
        }
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    static String millis(long value) {
        return count(value) + " ms";
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0.00 %" : String.format(Locale.ROOT, "%.2f %%", 100.0 * part / whole);
    }

    /** Pipes would end a table cell. */
    static String cell(String value) {
        return value.replace("|", "\\|").replace("\n", " ");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
