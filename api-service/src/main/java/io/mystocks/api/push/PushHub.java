package io.mystocks.api.push;

import io.mystocks.api.market.MarketListener;
import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.LatestQuote;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import reactor.core.scheduler.Scheduler;

/**
 * The in-process hub of realtime records: the read model's feed publishes every quote, bar and
 * indicator snapshot it applies, and each subscribed connection receives those of its streams.
 *
 * <p>Design note: one thread publishes (the feed; {@link #publish} is serialised anyway), and every
 * event takes the next value of one hub-wide sequence, so event ids are ordered across streams and a
 * client's last id is a resume point for all its streams at once (see {@link EventId}). Memory is
 * bounded three ways: per subscriber, at most one pending event per stream (conflation); per stream,
 * a ring of {@code ring-size} events, kept only while the stream has subscribers and for
 * {@code retain-idle} after; over all streams, {@code max-retained} of event data.
 */
final class PushHub implements MarketListener {
    private final PushProperties properties;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Retention retention;
    private final String epoch;
    private final ConcurrentHashMap<String, Stream[]> streams = new ConcurrentHashMap<>();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Rate published = new Rate();
    private final Rate delivered = new Rate();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong disconnectedSlow = new AtomicLong();
    private final AtomicLong conflatedByClosed = new AtomicLong();
    private long sequence;
    private volatile long lastSequence;
    private long lastTick;

    PushHub(PushProperties properties, Clock clock, Scheduler scheduler) {
        this.properties = properties;
        this.clock = clock;
        this.scheduler = scheduler;
        this.retention = new Retention(properties.ringSize(), properties.maxRetained().toBytes());
        this.epoch = Long.toString(clock.millis(), Character.MAX_RADIX);
        this.lastTick = clock.millis();
    }

    @Override
    public void onQuote(LatestQuote quote) {
        publish(Channel.QUOTES, quote.symbol(), quote);
    }

    @Override
    public void onBar(Bar bar) {
        publish(Channel.bars(bar.interval()), bar.symbol(), bar);
    }

    @Override
    public void onIndicators(String symbol, Interval interval, byte[] json) {
        publish(Channel.indicators(interval), symbol, json);
    }

    /**
     * Makes the record its stream's latest and hands it to the stream's subscribers.
     *
     * @param record a contracts record, or its JSON as bytes when it arrived encoded
     */
    synchronized void publish(Channel channel, String symbol, Object record) {
        long next = ++sequence;
        streams.compute(symbol, (key, symbolStreams) -> {
            Stream[] all = symbolStreams == null ? newStreams(key) : symbolStreams;
            all[channel.index()].publish(next, record);
            return all;
        });
        lastSequence = next;
        published.add(1);
    }

    /** A new subscriber; it joins the hub when its deliveries are subscribed to, and runs onStart then. */
    Subscriber open(Subscriber.Transport transport, Consumer<Subscriber> onStart) {
        return new Subscriber(this, transport, scheduler, onStart);
    }

    /** The epoch of this hub's event ids. */
    String epoch() {
        return epoch;
    }

    String eventId(PushEvent event) {
        return EventId.format(epoch, event.sequence());
    }

    /** Checks stalled subscribers, drops idle rings and ticks the rates; run by the sweeper. */
    void sweep() {
        long now = clock.millis();
        long deadline = now - properties.stallTimeout().toMillis();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.stalledBefore(deadline)) {
                disconnectedSlow.incrementAndGet();
                subscriber.disconnectSlow();
            }
        }
        long retainMillis = properties.retainIdle().toMillis();
        for (String symbol : streams.keySet()) {
            streams.computeIfPresent(symbol, (key, all) -> {
                boolean unused = true;
                for (Stream stream : all) {
                    stream.sweep(now, retainMillis);
                    unused &= stream.isUnused();
                }
                return unused ? null : all;
            });
        }
        published.tick(now - lastTick);
        delivered.tick(now - lastTick);
        lastTick = now;
    }

    /** The push layer's state for {@code GET /api/socketio-status}, snake_case. */
    Map<String, Object> status() {
        Map<String, long[]> channels = new LinkedHashMap<>();
        Channel.values().forEach(channel -> channels.put(channel.name(), new long[2]));
        long retainedStreams = 0;
        for (Stream[] all : streams.values()) {
            for (Stream stream : all) {
                int count = stream.subscribers();
                long[] figures = channels.get(stream.channel.name());
                figures[0] += count > 0 ? 1 : 0;
                figures[1] += count;
                retainedStreams += stream.retained() > 0 ? 1 : 0;
            }
        }
        return PushStatus.of(this, channels, retainedStreams);
    }

    long connections(Subscriber.Transport transport) {
        return subscribers.stream().filter(s -> s.transport == transport).count();
    }

    long subscriptions(Subscriber.Transport transport) {
        return subscribers.stream().filter(s -> s.transport == transport).mapToLong(Subscriber::streams).sum();
    }

    long conflated() {
        long open = subscribers.stream().mapToLong(Subscriber::conflated).sum();
        return open + conflatedByClosed.get();
    }

    long queued() {
        return subscribers.stream().mapToLong(Subscriber::queued).sum();
    }

    Rate published() {
        return published;
    }

    Rate delivered() {
        return delivered;
    }

    long replayedEvents() {
        return replayed.get();
    }

    long resets() {
        return resets.get();
    }

    long disconnectedSlow() {
        return disconnectedSlow.get();
    }

    long lastSequence() {
        return lastSequence;
    }

    Retention retention() {
        return retention;
    }

    PushProperties properties() {
        return properties;
    }

    void attach(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    void detach(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            conflatedByClosed.addAndGet(subscriber.conflated());
        }
    }

    /**
     * Adds the subscriber to a stream, atomically with respect to the sweeper dropping unused streams.
     *
     * @param after  where the client resumes, or null
     * @param replay receives what a resuming client missed on this stream
     */
    Slot join(Subscriber subscriber, StreamKey key, EventId after, List<Delivery> replay) {
        Slot[] joined = new Slot[1];
        boolean ownEpoch = after != null && epoch.equals(after.epoch());
        long resumeAfter = ownEpoch ? after.sequence() : -1;
        streams.compute(key.symbol(), (symbol, symbolStreams) -> {
            Stream[] all = symbolStreams == null ? newStreams(symbol) : symbolStreams;
            Stream stream = all[key.channel().index()];
            joined[0] = new Slot(subscriber, stream);
            stream.subscribe(joined[0], resumeAfter, after != null && !ownEpoch, replay);
            return all;
        });
        return joined[0];
    }

    void replayed(List<Delivery> deliveries) {
        long resetCount = deliveries.stream().filter(Delivery::isReset).count();
        resets.addAndGet(resetCount);
        replayed.addAndGet(deliveries.size() - resetCount);
    }

    void delivered(long count) {
        if (count > 0) {
            delivered.add(count);
        }
    }

    long nowMillis() {
        return clock.millis();
    }

    private Stream[] newStreams(String symbol) {
        Stream[] all = new Stream[Channel.COUNT];
        for (Channel channel : Channel.values()) {
            all[channel.index()] = new Stream(channel, symbol, retention);
        }
        return all;
    }

    /** Symbols with streams in the hub. */
    int symbols() {
        return streams.size();
    }

    /** Every subscriber now connected; for tests. */
    List<Subscriber> subscribers() {
        return new ArrayList<>(subscribers);
    }
}
