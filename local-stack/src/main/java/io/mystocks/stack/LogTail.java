package io.mystocks.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file that may be large, read without loading the whole file. */
final class LogTail {
    private static final int WINDOW = 64 * 1024;

    private LogTail() {
    }

    /** Up to {@code count} last lines, or a one-line note when the file cannot be read. */
    static List<String> lastLines(Path file, int count) {
        try (InputStream in = Files.newInputStream(file)) {
            long start = Math.max(0, Files.size(file) - WINDOW);
            in.skipNBytes(start);
            List<String> lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"));
            // A window that starts inside the file starts inside a line: drop that fragment.
            int first = start > 0 && lines.size() > 1 ? 1 : 0;
            return lines.subList(Math.max(first, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The last lines, indented for printing under a heading. */
    static String indented(Path file, int count) {
        return String.join(System.lineSeparator(), lastLines(file, count).stream().map(l -> "    " + l).toList());
    }
}
