package io.mystocks.api.push;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * One connection's subscription to the hub, seen from Reactor as a {@code Flux<Delivery>} that emits
 * only as fast as the connection takes: replayed events first, then live ones from its
 * {@link ConflatingBuffer}. Emission runs on a worker of its own, never on the publishing thread, and
 * only while downstream demand is outstanding, so nothing piles up outside the bounded buffer.
 * A subscriber that has had events waiting without demand for longer than the stall timeout is
 * disconnected by the hub's sweeper, through the callback its transport set.
 */
final class Subscriber {
    /** How the client is connected. */
    enum Transport { SSE, WS }

    final Transport transport;
    private final PushHub hub;
    private final ConflatingBuffer buffer = new ConflatingBuffer();
    private final ArrayDeque<Delivery> replay = new ArrayDeque<>();
    private final Map<StreamKey, Slot> slots = new HashMap<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final Scheduler.Worker worker;
    private final Consumer<Subscriber> onStart;
    private volatile FluxSink<Delivery> sink;
    private volatile Runnable onSlow = () -> { };
    private volatile long stalledSince;
    private volatile boolean closed;

    Subscriber(PushHub hub, Transport transport, Scheduler scheduler, Consumer<Subscriber> onStart) {
        this.hub = hub;
        this.transport = transport;
        this.worker = scheduler.createWorker();
        this.onStart = onStart;
    }

    /** The deliveries; subscribe once. The subscriber joins the hub on subscription and leaves on cancel. */
    Flux<Delivery> deliveries() {
        return Flux.create(emitter -> {
            sink = emitter;
            emitter.onRequest(n -> signal());
            emitter.onDispose(this::close);
            hub.attach(this);
            onStart.accept(this);
            signal();
        });
    }

    /** What to do when the hub finds the subscriber stalled; runs on the sweeper's thread. */
    void onSlow(Runnable action) {
        this.onSlow = action;
    }

    /**
     * Subscribes to the streams not subscribed yet, replaying what a resuming client missed.
     *
     * @param after where the client resumes, or null for a fresh subscription
     * @return how many streams were added
     */
    int subscribe(Collection<StreamKey> keys, EventId after) {
        List<Delivery> missed = new ArrayList<>();
        int added = 0;
        synchronized (this) {
            if (closed) {
                return 0;
            }
            for (StreamKey key : keys) {
                if (slots.containsKey(key)) {
                    continue;
                }
                slots.put(key, hub.join(this, key, after, missed));
                added++;
            }
        }
        if (!missed.isEmpty()) {
            missed.sort(Comparator.comparingLong(d -> d.event().sequence()));
            synchronized (replay) {
                replay.addAll(missed);
            }
            hub.replayed(missed);
            signal();
        }
        return added;
    }

    /** Leaves the given streams; returns how many it had subscribed to. */
    synchronized int unsubscribe(Collection<StreamKey> keys) {
        int removed = 0;
        for (StreamKey key : keys) {
            Slot slot = slots.remove(key);
            if (slot != null) {
                leave(slot);
                removed++;
            }
        }
        return removed;
    }

    /** The streams subscribed to. */
    synchronized Set<StreamKey> keys() {
        return new HashSet<>(slots.keySet());
    }

    synchronized int streams() {
        return slots.size();
    }

    /** The distinct symbols subscribed to, with those of {@code more} added. */
    synchronized Set<String> symbolsWith(Collection<StreamKey> more) {
        Set<String> symbols = new HashSet<>();
        slots.keySet().forEach(key -> symbols.add(key.symbol()));
        more.forEach(key -> symbols.add(key.symbol()));
        return symbols;
    }

    /** Called by a stream, under its lock, with a new event. */
    void offer(Slot slot, PushEvent event) {
        if (buffer.offer(slot, event)) {
            signal();
        }
    }

    int queued() {
        return buffer.queued();
    }

    long conflated() {
        return buffer.conflated();
    }

    /** Whether the subscriber has had events waiting without demand since before {@code deadlineMillis}. */
    boolean stalledBefore(long deadlineMillis) {
        long since = stalledSince;
        return since != 0 && since < deadlineMillis;
    }

    /**
     * Disconnects a subscriber that stopped taking events: the transport's action (a WebSocket closes
     * with a reason), then the deliveries complete, which ends an SSE response.
     */
    void disconnectSlow() {
        if (!closed) {
            onSlow.run();
            close();
        }
    }

    /** Leaves every stream and the hub, and completes the deliveries; idempotent. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            slots.values().forEach(this::leave);
            slots.clear();
        }
        synchronized (replay) {
            replay.clear();
        }
        worker.dispose();
        hub.detach(this);
        FluxSink<Delivery> emitter = sink;
        if (emitter != null) {
            emitter.complete();
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void leave(Slot slot) {
        slot.stream.unsubscribe(slot, hub.nowMillis());
        buffer.remove(slot);
    }

    private void signal() {
        if (wip.getAndIncrement() == 0 && !closed) {
            try {
                worker.schedule(this::drain);
            } catch (RejectedExecutionException closing) {
                // The subscriber closed meanwhile and disposed its worker: nothing is left to send.
            }
        }
    }

    /** Emits while there is demand; loops when signalled meanwhile (the usual work-in-progress pattern). */
    private void drain() {
        int missed = 1;
        do {
            FluxSink<Delivery> emitter = sink;
            if (emitter != null && !closed) {
                long sent = 0;
                Delivery next;
                while (emitter.requestedFromDownstream() > 0 && (next = next()) != null) {
                    emitter.next(next);
                    sent++;
                }
                hub.delivered(sent);
                trackStall(sent > 0, emitter.requestedFromDownstream() <= 0 && hasPending());
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private Delivery next() {
        synchronized (replay) {
            Delivery replayed = replay.poll();
            if (replayed != null) {
                return replayed;
            }
        }
        return buffer.poll();
    }

    private boolean hasPending() {
        synchronized (replay) {
            if (!replay.isEmpty()) {
                return true;
            }
        }
        return buffer.queued() > 0;
    }

    /** A stall starts when events wait without demand, and ends when anything is sent. */
    private void trackStall(boolean progressed, boolean waiting) {
        if (!waiting) {
            stalledSince = 0;
        } else if (progressed || stalledSince == 0) {
            stalledSince = hub.nowMillis();
        }
    }
}
