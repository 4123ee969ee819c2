package io.mystocks.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU and memory samples of the processes around a run, as {@code bin/load-test} writes them once a second
 * from {@code /proc}. Header lines {@code # key=value} name the processes and the clock tick; then one CSV
 * line per sample: {@code epoch_ms}, then per process its CPU ticks (user + system, children of a tree
 * summed) and RSS in KiB, then the machine's busy and total ticks over all cores. A process that was not
 * found has empty fields.
 */
public final class ResourceSamples {
    /** The processes sampled, in column order. */
    public enum Process {
        API("API server (api-service)"),
        STACK("whole local stack (launcher, Kafka, Redis, services)"),
        GENERATOR("load generator (Maven + Gatling JVM)");

        private final String description;

        Process(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Map<String, String> header;
    private final List<long[]> rows;
    private final double ticksPerSecond;

    private ResourceSamples(Map<String, String> header, List<long[]> rows) {
        this.header = header;
        this.rows = rows;
        this.ticksPerSecond = Double.parseDouble(header.getOrDefault("clk_tck", "100"));
    }

    public static ResourceSamples read(Path file) throws IOException {
        Map<String, String> header = new HashMap<>();
        List<long[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                for (String pair : line.substring(1).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        header.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            } else if (!line.isBlank() && Character.isDigit(line.charAt(0))) {
                rows.add(parse(line));
            }
        }
        return new ResourceSamples(header, rows);
    }

    /** A header value, e.g. {@code api_pid}. */
    public Optional<String> header(String key) {
        return Optional.ofNullable(header.get(key)).filter(value -> !value.isBlank());
    }

    /** The samples taken between the two epoch times. */
    public ResourceSamples between(long fromMillis, long toMillis) {
        List<long[]> kept = rows.stream().filter(row -> row[0] >= fromMillis && row[0] <= toMillis).toList();
        return new ResourceSamples(header, kept);
    }

    public int size() {
        return rows.size();
    }

    /** CPU of a process over each interval between samples, in % of one core. */
    public Figures cpuPercent(Process process) {
        int column = 1 + process.ordinal() * 2;
        List<Double> values = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            long[] before = rows.get(i - 1);
            long[] after = rows.get(i);
            double seconds = (after[0] - before[0]) / 1000.0;
            if (seconds > 0 && before[column] >= 0 && after[column] >= before[column]) {
                values.add((after[column] - before[column]) / ticksPerSecond / seconds * 100);
            }
        }
        return Figures.of(values);
    }

    /** Resident memory of a process at each sample, in MiB. */
    public Figures rssMebibytes(Process process) {
        int column = 2 + process.ordinal() * 2;
        return Figures.of(rows.stream().filter(row -> row[column] >= 0).map(row -> row[column] / 1024.0).toList());
    }

    /** Busy share of the whole machine (all cores) over each interval, in %. */
    public Figures machineBusyPercent() {
        int busy = 1 + Process.values().length * 2;
        List<Double> values = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            long total = rows.get(i)[busy + 1] - rows.get(i - 1)[busy + 1];
            if (total > 0) {
                values.add(100.0 * (rows.get(i)[busy] - rows.get(i - 1)[busy]) / total);
            }
        }
        return Figures.of(values);
    }

    /** A process's share of the machine's whole CPU capacity over the samples, in %. */
    public Optional<Double> shareOfMachine(Process process) {
        int column = 1 + process.ordinal() * 2;
        int total = 2 + Process.values().length * 2;
        if (rows.size() < 2) {
            return Optional.empty();
        }
        long[] first = rows.getFirst();
        long[] last = rows.getLast();
        if (first[column] < 0 || last[column] < first[column] || last[total] <= first[total]) {
            return Optional.empty();
        }
        return Optional.of(100.0 * (last[column] - first[column]) / (last[total] - first[total]));
    }

    private static long[] parse(String line) {
        String[] fields = line.split(",", -1);
        int width = 3 + Process.values().length * 2;
        long[] row = new long[width];
        for (int i = 0; i < width; i++) {
            String field = i < fields.length ? fields[i].trim() : "";
            row[i] = field.isEmpty() ? -1 : Long.parseLong(field);
        }
        return row;
    }

    /** First, mean, maximum and last of a series; empty when nothing was sampled. */
    public record Figures(int count, double first, double mean, double max, double last) {
        static Figures of(List<Double> values) {
            if (values.isEmpty()) {
                return new Figures(0, 0, 0, 0, 0);
            }
            double sum = values.stream().mapToDouble(Double::doubleValue).sum();
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return new Figures(values.size(), values.getFirst(), sum / values.size(), max, values.getLast());
        }

        public boolean isEmpty() {
            return count == 0;
        }
    }
}
