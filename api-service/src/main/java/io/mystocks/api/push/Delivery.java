package io.mystocks.api.push;

/**
 * What a subscriber is sent next: an event, with how many earlier events of its stream were replaced
 * by it while the subscriber was not taking any; or a reset, the stream's latest value when the events
 * a resuming client missed are no longer kept.
 *
 * @param skipped events of the same stream dropped in favour of this one (conflation)
 * @param reason  why a reset was sent; null for events
 */
record Delivery(PushEvent event, long skipped, String reason) {

    static Delivery event(PushEvent event, long skipped) {
        return new Delivery(event, skipped, null);
    }

    static Delivery reset(PushEvent latest, String reason) {
        return new Delivery(latest, 0, reason);
    }

    boolean isReset() {
        return reason != null;
    }
}
