package io.mystocks.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class ConnectionLimitTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private final ConnectionLimit limit = new ConnectionLimit(2, TestWeb.envelopeWriter(clock),
            TestWeb.securityHeaders(), clock);
    private DisposableServer server;

    @BeforeEach
    void start() {
        server = limit.apply(HttpServer.create().host("127.0.0.1").port(0))
                .handle((request, response) -> response.header("Content-Type", "text/plain")
                        .sendString(Mono.just("ok")))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    @Test
    void aConnectionBeyondTheLimitGetsA503EnvelopeAndIsClosedWhileTheOthersGoOn() throws IOException {
        try (Socket first = connect(); Socket second = connect()) {
            assertThat(get(first)).startsWith("HTTP/1.1 200").endsWith("ok");
            assertThat(get(second)).startsWith("HTTP/1.1 200").endsWith("ok");

            try (Socket third = connect()) {
                String refused = readToEnd(third.getInputStream());
                assertThat(refused).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                        .contains("\r\nRetry-After: 1\r\n", "\r\nConnection: close\r\n",
                                "\r\nX-Content-Type-Options: nosniff\r\n", "\r\nX-Request-ID: ")
                        .contains("{\"success\":false,\"code\":503,\"message\":\"the server has 2 connections open, "
                                + "its limit (mystocks.http.max-connections)");
                int bodyAt = refused.indexOf("\r\n\r\n") + 4;
                assertThat(refused).contains("\r\nContent-Length: "
                        + refused.substring(bodyAt).getBytes(StandardCharsets.UTF_8).length + "\r\n");
            }
            assertThat(limit.refused()).isEqualTo(1);

            // The connections within the limit were not disturbed.
            assertThat(get(first)).startsWith("HTTP/1.1 200").endsWith("ok");
        }
    }

    @Test
    void aClosedConnectionFreesItsPlace() throws Exception {
        try (Socket kept = connect()) {
            assertThat(get(kept)).startsWith("HTTP/1.1 200");
            try (Socket closed = connect()) {
                assertThat(get(closed)).startsWith("HTTP/1.1 200");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (limit.open() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(limit.open()).isEqualTo(1);
            try (Socket next = connect()) {
                assertThat(get(next)).startsWith("HTTP/1.1 200").endsWith("ok");
            }
            assertThat(limit.refused()).isZero();
        }
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new ConnectionLimit(0, TestWeb.envelopeWriter(clock), TestWeb.securityHeaders(),
                clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** One keep-alive GET; reads exactly the answer, whose length the server states. */
    private static String get(Socket socket) throws IOException {
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        String lengthLine = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow(() -> new IOException("no content-length in " + head));
        byte[] body = in.readNBytes(Integer.parseInt(lengthLine.substring(lengthLine.indexOf(':') + 1).trim()));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
