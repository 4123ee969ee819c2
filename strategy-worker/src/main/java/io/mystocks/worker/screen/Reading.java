package io.mystocks.worker.screen;

import java.util.Objects;

/**
 * What a metric read for one symbol: a value, or why there is none. A value may still be one that its
 * factor does not rank (the P/E of a loss maker); a symbol without one shows no value at all.
 *
 * @param value  the value; NaN when there is none
 * @param reason why there is no value, in words a user understands; null when there is one
 */
record Reading(double value, String reason) {

    Reading {
        if (reason != null && (reason.isBlank() || !Double.isNaN(value))) {
            throw new IllegalArgumentException("a reading without a value has a reason and a NaN value, not "
                    + value + " and \"" + reason + "\"");
        }
    }

    static Reading of(double value) {
        return new Reading(value, null);
    }

    static Reading unavailable(String reason) {
        return new Reading(Double.NaN, Objects.requireNonNull(reason, "reason"));
    }

    boolean present() {
        return reason == null;
    }
}
