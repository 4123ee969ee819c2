package io.mystocks.api.push;

import java.util.Optional;

/**
 * The id of a pushed event: {@code <epoch>-<sequence>}. The sequence is one counter for the whole hub,
 * so a single id says where a client stands in every stream it subscribed to: on resume each stream
 * replays its events after that sequence. The epoch (the hub's start time in base 36) tells one run
 * of one replica from another; an id of another epoch cannot be resumed exactly.
 */
record EventId(String epoch, long sequence) {

    static String format(String epoch, long sequence) {
        return epoch + '-' + sequence;
    }

    /** Empty when the text is not an event id. */
    static Optional<EventId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int dash = trimmed.lastIndexOf('-');
        if (dash <= 0 || dash == trimmed.length() - 1 || trimmed.length() > 64) {
            return Optional.empty();
        }
        String epoch = trimmed.substring(0, dash);
        if (!epoch.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
            return Optional.empty();
        }
        try {
            long sequence = Long.parseLong(trimmed, dash + 1, trimmed.length(), 10);
            return sequence < 0 ? Optional.empty() : Optional.of(new EventId(epoch, sequence));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
