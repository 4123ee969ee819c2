package io.mystocks.stack;

import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in for a service in supervision tests: prints its pid, then waits to be stopped. With the
 * argument {@code stubborn} it ignores SIGTERM, as a service stuck in its shutdown would.
 */
public final class SleepingChild {
    private SleepingChild() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                while (true) {
                    LockSupport.park();
                }
            }));
        }
        System.out.println("pid " + ProcessHandle.current().pid());
        System.out.flush();
        while (true) {
            LockSupport.park();
        }
    }
}
