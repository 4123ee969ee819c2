package io.mystocks.api.push;

/**
 * The events a subscriber has not been sent yet: at most one per stream, so its memory is bounded by
 * the number of streams it subscribed to however slowly it reads. A newer event of a stream replaces
 * the pending one, which is counted as skipped and reported with the event that replaced it.
 *
 * <p>Design note: streams wait in a queue ordered by their pending event's sequence. A replaced event
 * moves its stream to the tail, and events arrive in sequence order (one publisher), so the queue stays
 * sorted and a subscriber receives sequences in increasing order. That is what makes resuming from the
 * last received id exact: every event below it was either sent or replaced by one that was.
 */
final class ConflatingBuffer {
    private Slot head;
    private Slot tail;
    private int queued;
    private long conflated;

    /** Queues the event of the slot's stream, replacing one still pending. False once the slot is removed. */
    synchronized boolean offer(Slot slot, PushEvent event) {
        if (!slot.active) {
            return false;
        }
        if (slot.pending != null) {
            slot.skipped++;
            conflated++;
            unlink(slot);
        } else {
            queued++;
        }
        slot.pending = event;
        linkLast(slot);
        return true;
    }

    /** The oldest pending event with its skipped count, or null when nothing is pending. */
    synchronized Delivery poll() {
        Slot slot = head;
        if (slot == null) {
            return null;
        }
        unlink(slot);
        queued--;
        Delivery delivery = Delivery.event(slot.pending, slot.skipped);
        slot.pending = null;
        slot.skipped = 0;
        return delivery;
    }

    /** Stops the slot's stream from queueing and drops its pending event. */
    synchronized void remove(Slot slot) {
        slot.active = false;
        if (slot.pending != null) {
            unlink(slot);
            queued--;
            slot.pending = null;
        }
    }

    /** Events waiting: never more than the number of streams subscribed to. */
    synchronized int queued() {
        return queued;
    }

    /** Events replaced before they could be sent, since the buffer was made. */
    synchronized long conflated() {
        return conflated;
    }

    private void linkLast(Slot slot) {
        slot.previous = tail;
        slot.next = null;
        if (tail == null) {
            head = slot;
        } else {
            tail.next = slot;
        }
        tail = slot;
    }

    private void unlink(Slot slot) {
        if (slot.previous == null) {
            head = slot.next;
        } else {
            slot.previous.next = slot.next;
        }
        if (slot.next == null) {
            tail = slot.previous;
        } else {
            slot.next.previous = slot.previous;
        }
        slot.previous = null;
        slot.next = null;
    }
}
