package io.mystocks.worker.screen;

import io.mystocks.contracts.Bar;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The closes of one symbol's closed daily bars, oldest first: what the technical screens measure. Every
 * factor is taken as of the latest closed bar, from it and the bars before it, so a forming bar never
 * enters a score. Closes are doubles: the factors are returns and statistics of returns, estimates that
 * only rank the symbols, and a double tells apart every two prices of up to 15 significant digits.
 */
final class DailyCloses {
    private final double[] closes;

    private DailyCloses(double[] closes) {
        this.closes = closes;
    }

    /**
     * The closes of {@code bars}, oldest first. A forming bar is left out, and so is a bar without a
     * positive close, which no trade could have printed and no return could be taken from.
     *
     * @return empty when no bar is left
     */
    static Optional<DailyCloses> of(List<Bar> bars) {
        double[] closes = bars.stream()
                .filter(bar -> bar.closed() && bar.close() != null && bar.close().signum() > 0)
                .mapToDouble(bar -> bar.close().doubleValue())
                .toArray();
        return closes.length == 0 ? Optional.empty() : Optional.of(new DailyCloses(closes));
    }

    /** Closes given directly, oldest first; each must be positive and finite. */
    static DailyCloses of(double... closes) {
        if (closes.length == 0) {
            throw new IllegalArgumentException("at least one close is needed");
        }
        for (double close : closes) {
            if (!(close > 0 && Double.isFinite(close))) {
                throw new IllegalArgumentException("closes must be positive and finite, not " + close);
            }
        }
        return new DailyCloses(Arrays.copyOf(closes, closes.length));
    }

    /** How many closes there are. */
    int size() {
        return closes.length;
    }

    /** The close {@code bars} bars before the latest one; 0 is the latest. */
    double barsAgo(int bars) {
        if (bars < 0 || bars >= closes.length) {
            throw new IndexOutOfBoundsException("no close " + bars + " bars ago in " + closes.length + " closes");
        }
        return closes[closes.length - 1 - bars];
    }
}
