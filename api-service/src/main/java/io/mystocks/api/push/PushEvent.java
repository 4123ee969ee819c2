package io.mystocks.api.push;

/**
 * One record as it is pushed: serialised once, shared by every subscriber and by the resume ring.
 *
 * @param sequence the hub-wide sequence, see {@link EventId}
 * @param json     the record in the contracts' JSON (snake_case), an object
 */
record PushEvent(long sequence, Channel channel, String symbol, String json) {

    /** Bytes of memory the event holds, roughly: what the retention budget counts. */
    long size() {
        return 64L + json.length() + symbol.length();
    }
}
