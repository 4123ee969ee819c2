package io.mystocks.load.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run was measured on: figures from one machine mean little without it.
 *
 * @param memoryMebibytes total memory, 0 when /proc/meminfo is not there
 */
public record Machine(int cores, String cpuModel, long memoryMebibytes, String os, String jdk) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMebibytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    private static String readCpuModel() {
        return procLines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static long readMemoryMebibytes() {
        return procLines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(0L);
    }

    /** The lines of a /proc file, none where there is no /proc (the summary still works there). */
    private static List<String> procLines(String file) {
        Path path = Path.of(file);
        try {
            return Files.isReadable(path) ? Files.readAllLines(path) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
