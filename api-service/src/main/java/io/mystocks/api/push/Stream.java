package io.mystocks.api.push;

import io.mystocks.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One channel of one symbol: its latest value, its subscribers, and, while it has or recently had
 * subscribers, a ring of its newest events for clients that resume. Everything is guarded by the
 * stream's lock; events are handed to subscribers under it, so that a subscriber joining concurrently
 * gets every event exactly once, either replayed or live.
 *
 * <p>{@code floor} is the sequence after which every event of the stream is in the ring: the latest
 * sequence when the ring was made, then the sequence of the newest event it dropped.
 */
final class Stream {
    static final String GAP = "the events after your last id are no longer kept; this is the latest value";
    static final String OTHER_EPOCH = "your last id is from another run or replica of the API; this is the "
            + "latest value";
    private static final Slot[] NO_SLOTS = new Slot[0];

    final Channel channel;
    final String symbol;
    private final Retention retention;

    private Object latest;
    private long latestSequence;
    private PushEvent latestEvent;
    private PushEvent[] ring;
    private int start;
    private int size;
    private long floor;
    private Slot[] slots = NO_SLOTS;
    private long idleSince;

    Stream(Channel channel, String symbol, Retention retention) {
        this.channel = channel;
        this.symbol = symbol;
        this.retention = retention;
    }

    /**
     * Makes the value the stream's latest and, when anyone listens or may resume, serialises it once,
     * keeps it in the ring and offers it to every subscriber.
     *
     * @return the number of subscribers offered the event
     */
    synchronized int publish(long sequence, Object value) {
        latest = value;
        latestSequence = sequence;
        latestEvent = null;
        if (ring == null && slots.length == 0) {
            return 0;
        }
        PushEvent event = new PushEvent(sequence, channel, symbol, json(value));
        latestEvent = event;
        if (ring != null) {
            append(event);
        }
        for (Slot slot : slots) {
            slot.subscriber.offer(slot, event);
        }
        return slots.length;
    }

    /**
     * Adds a subscriber. With {@code after} at or above 0 the client resumes after that sequence:
     * the stream's events after it are added to {@code replay}, or a reset with the latest value when
     * they are no longer all kept.
     *
     * @param after        the sequence of the client's last event, or -1 for a fresh subscription
     * @param unknownEpoch the client's last id is from another epoch: any latest value is a reset
     */
    synchronized void subscribe(Slot slot, long after, boolean unknownEpoch, List<Delivery> replay) {
        if (ring == null) {
            ring = new PushEvent[retention.ringSize];
            start = 0;
            size = 0;
            floor = latestSequence;
        }
        if (latest != null) {
            if (unknownEpoch) {
                replay.add(Delivery.reset(latestEvent(), OTHER_EPOCH));
            } else if (after >= 0 && latestSequence > after) {
                resume(after, replay);
            }
        }
        slots = Arrays.copyOf(slots, slots.length + 1);
        slots[slots.length - 1] = slot;
        idleSince = 0;
    }

    synchronized void unsubscribe(Slot slot, long nowMillis) {
        int index = Arrays.asList(slots).indexOf(slot);
        if (index < 0) {
            return;
        }
        Slot[] fewer = new Slot[slots.length - 1];
        System.arraycopy(slots, 0, fewer, 0, index);
        System.arraycopy(slots, index + 1, fewer, index, slots.length - index - 1);
        slots = fewer;
        if (slots.length == 0) {
            idleSince = nowMillis;
        }
    }

    /** Drops the ring of a stream nobody has listened to for {@code retainMillis}. */
    synchronized void sweep(long nowMillis, long retainMillis) {
        if (ring != null && slots.length == 0 && nowMillis - idleSince >= retainMillis) {
            while (size > 0) {
                evictOldest();
            }
            ring = null;
        }
    }

    /** Nothing was ever published, nobody listens and nothing is kept: the stream may be forgotten. */
    synchronized boolean isUnused() {
        return latest == null && slots.length == 0 && ring == null;
    }

    synchronized int subscribers() {
        return slots.length;
    }

    synchronized int retained() {
        return size;
    }

    private void resume(long after, List<Delivery> replay) {
        if (after < floor) {
            replay.add(Delivery.reset(latestEvent(), GAP));
            return;
        }
        for (int i = 0; i < size; i++) {
            PushEvent event = ring[(start + i) % ring.length];
            if (event.sequence() > after) {
                replay.add(Delivery.event(event, 0));
            }
        }
    }

    private PushEvent latestEvent() {
        if (latestEvent == null) {
            latestEvent = new PushEvent(latestSequence, channel, symbol, json(latest));
        }
        return latestEvent;
    }

    /** A record's JSON: written once here, or as it arrived when it came encoded. */
    private static String json(Object value) {
        return value instanceof byte[] encoded ? new String(encoded, StandardCharsets.UTF_8)
                : Json.mapper().writeValueAsString(value);
    }

    private void append(PushEvent event) {
        if (size == ring.length) {
            evictOldest();
        }
        ring[(start + size) % ring.length] = event;
        size++;
        retention.added(event);
        while (size > 1 && retention.isOver()) {
            evictOldest();
        }
    }

    private void evictOldest() {
        PushEvent oldest = ring[start];
        ring[start] = null;
        start = (start + 1) % ring.length;
        size--;
        floor = oldest.sequence();
        retention.removed(oldest);
    }
}
