package io.mystocks.bench.api;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays the read mix over keep-alive connections from one event-loop thread, so that the load generator takes at
 * most one core of the machine it shares with the server. At a fixed rate every request has a scheduled start,
 * and its latency is counted from that start, not from when a connection was free to send it: a server that
 * falls behind shows as latency, not as fewer requests (no coordinated omission). Only requests scheduled after
 * the warm-up and before the end are recorded.
 */
final class ReadMixLoad {
    private static final byte[] SUCCESS = "{\"success\":true".getBytes(StandardCharsets.US_ASCII);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ReadMixOptions options;
    private final ReadMix mix;
    private final ReadMixRecorder recorder;
    private final SplittableRandom random = new SplittableRandom(42);
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
    private EventLoop loop;
    private long start;
    private long measureFrom;
    private long end;
    private long scheduled;
    private boolean stopped;
    private Runnable atEdges = () -> { };
    /** Counted down once the end has come and no request is in flight any more. */
    private final CountDownLatch drained = new CountDownLatch(1);
    private int inFlight;
    private final Map<String, Integer> lostConnections = new ConcurrentSkipListMap<>();

    ReadMixLoad(ReadMixOptions options, ReadMixRecorder recorder) {
        this.options = options;
        this.mix = new ReadMix(options.symbols());
        this.recorder = recorder;
    }

    /** Runs the warm-up and the measured time, then waits up to {@code drainMillis} for answers still due. */
    void run(long drainMillis) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            loop = group.next();
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new Connection());
                        }
                    });
            InetSocketAddress server = new InetSocketAddress(options.baseUrl().getHost(), port());
            for (int i = 0; i < options.connections(); i++) {
                bootstrap.connect(server, localAddress(i)).sync();
            }
            CountDownLatch done = new CountDownLatch(1);
            loop.execute(() -> begin(done));
            done.await();
            drained.await(drainMillis, TimeUnit.MILLISECONDS);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** Runs {@code action} on the load's thread when the measured time begins and again when it ends. */
    void atMeasureEdges(Runnable action) {
        atEdges = action;
    }

    /** When the measured time began and ended, in {@link System#nanoTime} terms. */
    long measuredFrom() {
        return measureFrom;
    }

    long measuredTo() {
        return end;
    }

    /** Requests scheduled but never sent because no connection came free before the end. */
    int unsent() {
        return waiting.size();
    }

    /**
     * Connections the server closed or answered unasked before the end, by reason: a server refusing
     * connections beyond its limit does so before any request, so no request of the mix counts it.
     */
    Map<String, Integer> lostConnections() {
        return Map.copyOf(lostConnections);
    }

    private void begin(CountDownLatch done) {
        start = System.nanoTime();
        measureFrom = start + options.warmup().toNanos();
        end = measureFrom + options.duration().toNanos();
        loop.schedule(atEdges, measureFrom - start, TimeUnit.NANOSECONDS);
        loop.schedule(() -> {
            stopped = true;
            atEdges.run();
            if (inFlight == 0) {
                drained.countDown();
            }
            done.countDown();
        }, end - start, TimeUnit.NANOSECONDS);
        if (options.rate() > 0) {
            loop.scheduleAtFixedRate(this::tick, 0, TICK_NANOS, TimeUnit.NANOSECONDS);
        } else {
            while (!idle.isEmpty()) {
                idle.poll().send(System.nanoTime());
            }
        }
    }

    /** Schedules the requests due by now at the fixed rate and sends those a free connection can take. */
    private void tick() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        long due = (long) ((now - start) * (options.rate() / 1e9));
        while (scheduled < due) {
            long at = start + (long) (scheduled * (1e9 / options.rate()));
            waiting.add(new long[] {at});
            scheduled++;
        }
        while (!waiting.isEmpty() && !idle.isEmpty()) {
            idle.poll().send(waiting.poll()[0]);
        }
    }

    /** A connection is free again: it takes the next scheduled request, or the next one at once without a rate. */
    private void free(Connection connection) {
        if (stopped) {
            return;
        }
        if (options.rate() == 0) {
            connection.send(System.nanoTime());
        } else if (!waiting.isEmpty()) {
            connection.send(waiting.poll()[0]);
        } else {
            idle.add(connection);
        }
    }

    private int port() {
        int port = options.baseUrl().getPort();
        return port > 0 ? port : 80;
    }

    private InetSocketAddress localAddress(int connection) {
        String host = options.baseUrl().getHost();
        if (!host.startsWith("127.") || options.localAddresses() == 1) {
            return new InetSocketAddress(0);
        }
        return new InetSocketAddress("127.0.0." + (1 + connection % options.localAddresses()), 0);
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private Channel channel;
        private int route;
        private long startedAt;
        private int status;
        private final byte[] opening = new byte[SUCCESS.length];
        private int openingLength;
        private boolean busy;
        private boolean gone;

        @Override
        public void channelActive(ChannelHandlerContext context) {
            channel = context.channel();
            idle.add(this);
        }

        void send(long intendedStart) {
            route = ReadMix.draw(random);
            startedAt = intendedStart;
            busy = true;
            inFlight++;
            status = 0;
            openingLength = 0;
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    mix.path(route, random));
            request.headers().set(HttpHeaderNames.HOST, options.baseUrl().getAuthority())
                    .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            channel.writeAndFlush(request);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpResponse response) {
                status = response.status().code();
            }
            if (message instanceof HttpContent content) {
                keepOpening(content.content());
            }
            if (message instanceof LastHttpContent && !busy) {
                // A server at its connection limit answers before any request, then closes.
                lost("answered " + status + " before any request");
                return;
            }
            if (message instanceof LastHttpContent) {
                boolean ok = status >= 200 && status < 300 && openingLength == SUCCESS.length
                        && Arrays.equals(opening, SUCCESS);
                long finished = System.nanoTime();
                settle();
                if (startedAt >= measureFrom && startedAt < end) {
                    recorder.record(route, finished - startedAt, ok, status);
                }
                free(this);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            lost(cause.getClass().getSimpleName());
            context.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            lost("closed by the server");
            idle.remove(this);
        }

        /**
         * The connection is gone, for the first reason seen: a request in flight on it failed, and it carries no
         * more. Counted as lost unless the run had ended.
         */
        private void lost(String reason) {
            if (gone) {
                return;
            }
            gone = true;
            if (!stopped) {
                lostConnections.merge(reason, 1, Integer::sum);
            }
            if (busy && startedAt >= measureFrom && startedAt < end) {
                recorder.failed(route, reason);
            }
            if (busy) {
                settle();
            }
        }

        /** The request in flight is over; the last one to end after the run's end releases the drain. */
        private void settle() {
            busy = false;
            inFlight--;
            if (stopped && inFlight == 0) {
                drained.countDown();
            }
        }

        private void keepOpening(ByteBuf content) {
            int take = Math.min(SUCCESS.length - openingLength, content.readableBytes());
            if (take > 0) {
                content.getBytes(content.readerIndex(), opening, openingLength, take);
                openingLength += take;
            }
        }
    }
}
