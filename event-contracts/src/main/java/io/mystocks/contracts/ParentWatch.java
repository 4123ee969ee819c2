package io.mystocks.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a service when the process that launched it is gone. The local stack starts every service as
 * a child process and passes its own pid in {@code MYSTOCKS_PARENT_PID}; if the launcher dies without
 * stopping its children (killed, terminal closed), each child notices within a second and exits,
 * so no process is left behind.
 *
 * <p>Design note: on Linux, {@link ProcessHandle#isAlive()} reads {@code /proc/<pid>/stat} and answers false
 * when it cannot open it, which is also what happens to a process that has run out of file descriptors (a
 * flood of client connections). Taken at its word, that made a busy service shut itself down with its
 * launcher alive. So a "not alive" is believed only when the launcher's {@code /proc} entry is gone as well,
 * which a {@code stat} tells without opening anything; where there is no {@code /proc}, the answer of
 * {@code isAlive} stands.
 */
public final class ParentWatch {
    /** The environment variable holding the launcher's process id. */
    public static final String PARENT_PID_ENV = "MYSTOCKS_PARENT_PID";

    private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);
    private static final Path PROC = Path.of("/proc");

    private ParentWatch() {
    }

    /** Starts the watch when {@value #PARENT_PID_ENV} is set; does nothing otherwise. */
    public static void startIfRequested() {
        String pid = System.getenv(PARENT_PID_ENV);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long parentPid = Long.parseLong(pid.trim());
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            log.warn("Launcher process {} is already gone; exiting", pid);
            System.exit(0);
        }
        BooleanSupplier entryExists = () -> listed(parentPid);
        boolean hasProc = hasProc();
        Thread watch = new Thread(() -> {
            boolean doubted = false;
            while (true) {
                Verdict verdict = verdict(parent.get().isAlive(), hasProc, entryExists);
                if (verdict == Verdict.GONE) {
                    break;
                }
                if (verdict == Verdict.UNCERTAIN && !doubted) {
                    log.warn("Cannot check launcher process {} (out of file descriptors?); its /proc entry is "
                            + "there, so it is taken to be alive", pid);
                }
                doubted = verdict == Verdict.UNCERTAIN;
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
            log.warn("Launcher process {} is gone; shutting down", pid);
            System.exit(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Whether this system lists processes under {@code /proc}. */
    static boolean hasProc() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** Whether {@code /proc} lists the process: a {@code stat}, which needs no file descriptor. */
    static boolean listed(long pid) {
        return Files.exists(PROC.resolve(Long.toString(pid)));
    }

    /**
     * What one check says about the launcher.
     *
     * @param alive       what {@link ProcessHandle#isAlive()} answered
     * @param hasProc     whether this system has {@code /proc}
     * @param entryExists whether the launcher's {@code /proc} entry exists; asked only when it decides
     */
    static Verdict verdict(boolean alive, boolean hasProc, BooleanSupplier entryExists) {
        if (alive) {
            return Verdict.ALIVE;
        }
        if (hasProc && entryExists.getAsBoolean()) {
            return Verdict.UNCERTAIN;
        }
        return Verdict.GONE;
    }

    enum Verdict {
        ALIVE,
        /** {@code isAlive} said no, but the process is still listed: it could not be read. */
        UNCERTAIN,
        GONE
    }
}
