package io.mystocks.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pid files in the data directory's {@code run/} folder. A launcher killed with SIGKILL cannot stop its
 * children; services notice on their own, Redis does not. The next start of the same data directory
 * reads these files and stops whatever is still alive, after checking that the pid still denotes the
 * same process (same start time, expected command) and not a stranger that reused the number.
 */
final class PidFiles {
    private static final Logger log = LoggerFactory.getLogger(PidFiles.class);
    private static final String SUFFIX = ".pid";
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private PidFiles() {
    }

    /**
     * Records {@code process} under {@code name}.
     *
     * @param commandMark a piece of the command line that identifies the process, e.g. "redis-server"
     */
    static void record(Path runDir, String name, ProcessHandle process, String commandMark) {
        String start = process.info().startInstant().map(Instant::toString).orElse("-");
        try {
            Files.writeString(runDir.resolve(name + SUFFIX), String.join(System.lineSeparator(),
                    Long.toString(process.pid()), start, commandMark) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pid of " + name, e);
        }
    }

    static void remove(Path runDir, String name) {
        try {
            Files.deleteIfExists(runDir.resolve(name + SUFFIX));
        } catch (IOException e) {
            log.warn("Cannot delete the pid file of {} in {}", name, runDir, e);
        }
    }

    /**
     * Stops every recorded process that is still alive and still the one recorded, and deletes the files.
     *
     * @return what was stopped, e.g. "redis (pid 4711)"
     */
    static List<String> stopLeftovers(Path runDir, Duration grace) {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return stopped;
        }
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = file.getFileName().toString().replace(SUFFIX, "");
                leftover(file).ifPresent(process -> {
                    stop(process, grace);
                    stopped.add(name + " (pid " + process.pid() + ")");
                });
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pid files in " + runDir, e);
        }
        return stopped;
    }

    private static Optional<ProcessHandle> leftover(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 3) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
        String start = lines.get(1).trim();
        String mark = lines.get(2).trim();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> start.equals("-") || process.info().startInstant()
                        .map(Instant::toString).map(start::equals).orElse(true))
                .filter(process -> process.info().commandLine()
                        .or(() -> process.info().command())
                        .map(command -> command.contains(mark))
                        .orElse(false));
    }

    private static void stop(ProcessHandle process, Duration grace) {
        log.info("Stopping pid {} left running by an earlier launcher", process.pid());
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Pid {} did not stop within {} s; killing it", process.pid(), grace.toSeconds());
            process.destroyForcibly();
            awaitGone(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A killed process releases its ports only once it is gone; the new stack may want them. */
    private static void awaitGone(ProcessHandle process) {
        try {
            process.onExit().get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Pid {} is still there after SIGKILL", process.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
