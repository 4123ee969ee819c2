package io.mystocks.contracts;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a service when the process that launched it is gone. The local stack starts every service as
 * a child process and passes its own pid in {@code MYSTOCKS_PARENT_PID}; if the launcher dies without
 * stopping its children (killed, terminal closed), each child notices within a second and exits,
 * so no process is left behind.
 */
public final class ParentWatch {
    /** The environment variable holding the launcher's process id. */
    public static final String PARENT_PID_ENV = "MYSTOCKS_PARENT_PID";

    private static final Logger log = LoggerFactory.getLogger(ParentWatch.class);

    private ParentWatch() {
    }

    /** Starts the watch when {@value #PARENT_PID_ENV} is set; does nothing otherwise. */
    public static void startIfRequested() {
        String pid = System.getenv(PARENT_PID_ENV);
        if (pid == null || pid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        if (parent.isEmpty()) {
            log.warn("Launcher process {} is already gone; exiting", pid);
            System.exit(0);
        }
        Thread watch = new Thread(() -> {
            while (parent.get().isAlive()) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
            log.warn("Launcher process {} is gone; shutting down", pid);
            System.exit(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
