package io.mystocks.api.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import reactor.netty.http.server.HttpServer;

/**
 * Caps the HTTP connections open at once. A connection beyond the cap gets a 503 envelope with
 * {@code Retry-After} and is closed without its request being read.
 *
 * <p>Design note: every connection holds a file descriptor, and so do the Kafka and Redis clients, the logs and
 * the JVM's own checks. A flood of connections (an open-model load test, a misbehaving client pool) used to
 * take every descriptor the process had; after that nothing could be opened, not even a file under
 * {@code /proc}, and a process that cannot open files cannot do its job. Keeping a margin below the descriptor
 * limit keeps the service answering the connections it has, and tells the rest why they were turned away.
 */
final class ConnectionLimit implements NettyServerCustomizer {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How often at most a flood of refused connections is logged. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final int maxConnections;
    private final EnvelopeWriter envelopes;
    private final SecurityHeaders securityHeaders;
    private final Clock clock;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);

    ConnectionLimit(int maxConnections, EnvelopeWriter envelopes, SecurityHeaders securityHeaders, Clock clock) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
        this.maxConnections = maxConnections;
        this.envelopes = envelopes;
        this.securityHeaders = securityHeaders;
        this.clock = clock;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> admit(channel));
    }

    /** Connections open now, refused ones not counted. */
    int open() {
        return open.get();
    }

    /** Connections refused since start. */
    long refused() {
        return refused.get();
    }

    private void admit(Channel channel) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refused.incrementAndGet();
            logRefused();
            channel.pipeline().addFirst(Refusal.NAME, new Refusal(refusal()));
            return;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
    }

    private void logRefused() {
        long now = clock.millis();
        long due = nextLogAt.get();
        if (now >= due && nextLogAt.compareAndSet(due, now + LOG_EVERY.toMillis())) {
            log.warn("Refusing connections beyond mystocks.http.max-connections={} with 503; {} refused since start",
                    maxConnections, refused.get());
        }
    }

    /** The whole HTTP/1.1 answer to a refused connection. */
    private byte[] refusal() {
        String requestId = RequestIds.generate();
        ApiError error = new ApiError(HttpStatus.SERVICE_UNAVAILABLE, "the server has " + maxConnections
                + " connections open, its limit (mystocks.http.max-connections); reuse connections (keep-alive) or "
                + "open fewer, and retry in " + RETRY_AFTER.toSeconds() + " s", List.of(), new HttpHeaders());
        byte[] body = envelopes.errorBody(error, requestId);
        StringBuilder head = new StringBuilder(512)
                .append("HTTP/1.1 503 Service Unavailable\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Retry-After: ").append(RETRY_AFTER.toSeconds()).append("\r\n")
                .append(RequestIds.HEADER).append(": ").append(requestId).append("\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochMilli(clock.millis()).atZone(ZoneOffset.UTC))).append("\r\n")
                .append("Connection: close\r\n");
        securityHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Answers once the connection is up, drops whatever the client sends, and closes. */
    private static final class Refusal extends ChannelInboundHandlerAdapter {
        static final String NAME = "mystocks.connectionLimit";

        private final byte[] answer;

        Refusal(byte[] answer) {
            this.answer = answer;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            context.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ReferenceCountUtil.release(message);
        }
    }
}
