package io.mystocks.api.push;

import java.util.concurrent.atomic.AtomicLong;

/** The memory budget for events kept for resuming, shared by every stream. */
final class Retention {
    final int ringSize;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    Retention(int ringSize, long maxBytes) {
        this.ringSize = ringSize;
        this.maxBytes = maxBytes;
    }

    void added(PushEvent event) {
        bytes.addAndGet(event.size());
        events.incrementAndGet();
    }

    void removed(PushEvent event) {
        bytes.addAndGet(-event.size());
        events.decrementAndGet();
    }

    boolean isOver() {
        return bytes.get() > maxBytes;
    }

    long bytes() {
        return bytes.get();
    }

    long events() {
        return events.get();
    }
}
