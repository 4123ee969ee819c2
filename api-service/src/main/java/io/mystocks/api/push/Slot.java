package io.mystocks.api.push;

/**
 * One subscriber's place in one stream: where the stream hands it events, and where the subscriber's
 * {@link ConflatingBuffer} keeps the one event of the stream not yet sent. Its mutable fields belong to
 * that buffer and are read and written under its lock only.
 */
final class Slot {
    final Subscriber subscriber;
    final Stream stream;

    PushEvent pending;
    long skipped;
    boolean active = true;
    Slot previous;
    Slot next;

    Slot(Subscriber subscriber, Stream stream) {
        this.subscriber = subscriber;
        this.stream = stream;
    }
}
