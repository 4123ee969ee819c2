package io.mystocks.stack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How supervision tests start {@link SleepingChild} and tell when it runs. */
final class ChildProcesses {
    private static final Pattern PID_LINE = Pattern.compile("^pid (\\d+)$", Pattern.MULTILINE);

    private ChildProcesses() {
    }

    static List<String> sleepingChild(String... args) {
        try {
            Path classes = Path.of(SleepingChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElseThrow(), "-Xmx16m", "-XX:TieredStopAtLevel=1",
                    "-cp", classes.toString(), SleepingChild.class.getName()));
            command.addAll(List.of(args));
            return command;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes", e);
        }
    }

    /** Waits until the child has printed its pid, which it does once its signal handling is in place. */
    static long awaitPid(Path log) {
        await().atMost(Duration.ofSeconds(20)).until(() -> pidIn(log) > 0);
        return pidIn(log);
    }

    private static long pidIn(Path log) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            Matcher matcher = PID_LINE.matcher(Files.readString(log));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }
}
