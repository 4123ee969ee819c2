package io.mystocks.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a loopback port is taken, the address every service of the stack listens on. */
final class PortCheck {
    private static final int CONNECT_TIMEOUT_MS = 200;

    private PortCheck() {
    }

    /** True when something listens on {@code 127.0.0.1:port} or the port cannot be bound there. */
    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException nobodyListens) {
            return !bindable(port);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
