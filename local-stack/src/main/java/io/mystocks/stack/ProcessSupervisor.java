package io.mystocks.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's child processes: each started in its own session with its output appended to a log
 * file, and all stopped together. A child that dies on its own is reported, and the others keep running.
 */
final class ProcessSupervisor {
    private static final Logger log = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(5);

    /** A running child and the file that collects its output. */
    record Child(String name, Process process, Path logFile) {
    }

    /** What {@link #stopAll} did. */
    record StopReport(int stopped, List<String> killed, Duration took) {
    }

    private final Clock clock;
    private final Consumer<Child> onUnexpectedExit;
    private final List<Child> children = new ArrayList<>();
    private boolean stopping;

    ProcessSupervisor(Clock clock, Consumer<Child> onUnexpectedExit) {
        this.clock = clock;
        this.onUnexpectedExit = onUnexpectedExit;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code environment} added to this process's own.
     *
     * @throws IllegalStateException when {@link #stopAll} has begun: nothing new starts after that
     */
    synchronized Child start(String name, List<String> command, Map<String, String> environment, Path workDir,
                             Path logFile) {
        if (stopping) {
            throw new IllegalStateException("not starting " + name + ": the stack is stopping");
        }
        try {
            Files.writeString(logFile, "---- " + name + " starting at " + Instant.now(clock) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(ProcessGroups.detached(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            Child child = new Child(name, process, logFile);
            children.add(child);
            process.onExit().thenRun(() -> exited(child));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with " + command, e);
        }
    }

    synchronized List<Child> children() {
        return List.copyOf(children);
    }

    /**
     * Stops every child: SIGTERM to all at once, then a shared {@code grace} period to exit, then SIGKILL to
     * whatever is left, their descendants included. Returns once every child is gone.
     */
    StopReport stopAll(Duration grace) {
        Instant started = clock.instant();
        List<Child> running;
        synchronized (this) {
            stopping = true;
            running = List.copyOf(children);
        }
        List<ProcessHandle> descendants = running.stream()
                .flatMap(child -> child.process().descendants())
                .toList();
        running.forEach(child -> child.process().destroy());
        List<String> killed = new ArrayList<>();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Child child : running) {
            if (!awaitExit(child.process(), deadline - System.nanoTime())) {
                log.warn("{} did not stop within {} s; killing it", child.name(), grace.toSeconds());
                child.process().destroyForcibly();
                killed.add(child.name());
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        running.forEach(child -> awaitExit(child.process(), REAP_TIMEOUT.toNanos()));
        return new StopReport(running.size(), List.copyOf(killed), Duration.between(started, clock.instant()));
    }

    private void exited(Child child) {
        boolean expected;
        synchronized (this) {
            expected = stopping;
        }
        if (!expected) {
            onUnexpectedExit.accept(child);
        }
    }

    private static boolean awaitExit(Process process, long nanos) {
        try {
            return process.waitFor(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
