package io.mystocks.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds ports that nothing listens on, so that several stacks and test runs can share a machine. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port that was free on the loopback address a moment ago. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** {@code preferred} if it is free now, otherwise another free port. */
    public static int preferring(int preferred) {
        if (preferred > 0) {
            try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return preferred;
            } catch (IOException taken) {
                return next();
            }
        }
        return next();
    }
}
