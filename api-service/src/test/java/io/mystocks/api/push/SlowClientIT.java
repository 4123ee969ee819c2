package io.mystocks.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.api.OfflineApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real SSE client that stops reading: the socket's back-pressure reaches the hub, the client's
 * backlog stays one event, and it is disconnected after the stall timeout (2 s here).
 */
class SlowClientIT extends OfflineApplication {

    @LocalServerPort
    private int port;

    @Autowired
    private PushHub hub;

    @Test
    void clientThatStopsReadingIsConflatedThenDisconnected() throws IOException {
        long disconnectedBefore = hub.disconnectedSlow();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/stream?symbols=688001 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscriptions(Subscriber.Transport.SSE) > 0);

            int published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (hub.disconnectedSlow() == disconnectedBefore && System.nanoTime() < deadline) {
                for (int i = 0; i < 1_000; i++) {
                    hub.onQuote(PushFixtures.quote("688001", "1" + (published++ % 1000) + ".00"));
                }
                assertThat(hub.queued()).isLessThanOrEqualTo(1);
            }

            assertThat(hub.disconnectedSlow()).isEqualTo(disconnectedBefore + 1);
            assertThat(hub.conflated()).isPositive();
            assertThat(hub.subscriptions(Subscriber.Transport.SSE)).isZero();
        }
    }
}
