package io.mystocks.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mystocks.api.MutableClock;
import io.mystocks.api.OfflineApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real SSE client that stops reading: the socket's back-pressure reaches the hub, the client's backlog
 * stays one event, the value it gets once it reads again is the latest one with the count of those it
 * skipped, and after the stall timeout (2 s here) it is disconnected.
 *
 * <p>Nothing here depends on how fast the machine is. The hub runs on a clock only the test moves, so a
 * stall times out when the test lets it, not when a busy machine happens to delay the client, the sweeper
 * or the thread that drains the subscriber; the sweeper runs on its own schedule and is awaited. Whether the
 * subscriber is stalled is read from the subscriber itself, and each step is repeated until it holds:
 * how many quotes it takes to fill the socket buffers depends on the kernel, not on the test.
 */
class SlowClientIT extends OfflineApplication {
    private static final String SYMBOL = "688001";
    /** Only a bound on a failing run: every wait below ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern SKIPPED = Pattern.compile("\"skipped\":(\\d+)");

    @LocalServerPort
    private int port;

    @Autowired
    private PushHub hub;

    @Autowired
    private MutableClock clock;

    private int published;

    @Test
    void clientThatStopsReadingGetsTheLatestValueWithItsSkippedCountThenIsDisconnected() throws IOException {
        long disconnectedBefore = hub.disconnectedSlow();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(Math.toIntExact(PATIENCE.toMillis()));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/stream?symbols=" + SYMBOL + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Subscriber subscriber = await().atMost(PATIENCE).until(() -> hub.subscribers().stream()
                    .filter(s -> s.transport == Subscriber.Transport.SSE && s.streams() > 0).findFirst()
                    .orElse(null), s -> s != null);

            String latest = publishLatestWhileStalled(subscriber);
            long conflated = hub.conflated();
            String delivered = readUntil(socket.getInputStream(), latest);

            assertThat(conflated).isPositive();
            assertThat(skippedBefore(delivered, latest)).isPositive();

            patiently().until(() -> {
                publishBatch();
                if (subscriber.stalledBefore(clock.millis() + 1)) {
                    clock.advance(hub.properties().stallTimeout().plusMillis(1));
                }
                return subscriber.isClosed();
            });
            readUntil(socket.getInputStream(), "\r\n0\r\n\r\n");

            assertThat(hub.disconnectedSlow()).isEqualTo(disconnectedBefore + 1);
            assertThat(hub.subscriptions(Subscriber.Transport.SSE)).isZero();
        }
    }

    /**
     * Publishes until a value is published while the subscriber is stalled with an event pending and no
     * event was sent in between: that value then replaced the pending one, so it must reach the client with a
     * skipped count. A send sets the stall's start to the clock's time (or clears it), and the clock is
     * moved on just before the value, so a stall that began earlier and still holds proves that nothing was
     * sent. Returns the price of that value.
     */
    private String publishLatestWhileStalled(Subscriber subscriber) {
        String[] latest = new String[1];
        patiently().until(() -> {
            publishBatch();
            if (!subscriber.stalledBefore(clock.millis() + 1)) {
                return false;
            }
            clock.advance(Duration.ofMillis(1));
            latest[0] = "4242." + (published++ % 90 + 10);
            hub.onQuote(PushFixtures.quote(SYMBOL, latest[0]));
            return subscriber.stalledBefore(clock.millis());
        });
        return latest[0];
    }

    /** Polls without pausing: the quotes published between two polls are what fills the socket. */
    private static ConditionFactory patiently() {
        return await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }

    /** A thousand quotes of the symbol, none of them a value the test looks for; memory stays one event. */
    private void publishBatch() {
        for (int i = 0; i < 1_000; i++) {
            hub.onQuote(PushFixtures.quote(SYMBOL, "1" + (published++ % 1000) + ".00"));
            assertThat(hub.queued()).isLessThanOrEqualTo(1);
        }
    }

    /** Reads the response until {@code text} has arrived; the socket's timeout bounds a failing run. */
    private static String readUntil(InputStream in, String text) throws IOException {
        StringBuilder received = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int read = in.read(buffer);
            assertThat(read).as("the server ended the connection before sending %s", text).isPositive();
            int searchFrom = Math.max(0, received.length() - text.length());
            received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            if (received.indexOf(text, searchFrom) >= 0) {
                return received.toString();
            }
        }
    }

    /** The skipped count of the SSE event that carries {@code price}, 0 without one. */
    private static long skippedBefore(String received, String price) {
        int at = received.lastIndexOf("\"" + price + "\"");
        if (at < 0) {
            at = received.lastIndexOf(price);
        }
        int event = received.lastIndexOf("data:", at);
        Matcher skipped = SKIPPED.matcher(received.substring(event, at));
        return skipped.find() ? Long.parseLong(skipped.group(1)) : 0;
    }

    /** The hub's clock, which only the test moves. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StoppedClock {

        @Bean
        @Primary
        MutableClock pushClock() {
            return new MutableClock(Instant.parse("2026-12-03T02:00:00Z"));
        }
    }
}
