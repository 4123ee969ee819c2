package io.mystocks.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts child processes in a session of their own where the system allows it. A terminal's Ctrl-C
 * signals the whole foreground process group; children outside it are stopped by the launcher instead,
 * in order: services first, then Redis, then the broker.
 *
 * <p>{@code setsid} replaces itself with the command when the caller does not lead a process group,
 * which holds for every process a JVM starts, so the child keeps the pid the JVM knows.
 */
final class ProcessGroups {
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private ProcessGroups() {
    }

    /** The command, prefixed so that it runs in a new session when {@code setsid} exists. */
    static List<String> detached(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> prefixed = new ArrayList<>(command.size() + 1);
        prefixed.add(SETSID.get().toString());
        prefixed.addAll(command);
        return prefixed;
    }
}
