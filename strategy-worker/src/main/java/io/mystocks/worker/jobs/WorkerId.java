package io.mystocks.worker.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names this worker process in job states as {@code host-pid}, so that a stuck job can be traced. */
final class WorkerId {

    private WorkerId() {
    }

    static String current() {
        return host() + "-" + ProcessHandle.current().pid();
    }

    private static String host() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The id only labels job states; a host without a resolvable name can still run jobs.
            return "unknown-host";
        }
    }
}
