package io.mystocks.ingest.replay;

import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one bar into four prints that rebuild it: the open at the bar's start, then the two extremes, then
 * the close near its end. A bar that closed at or above its open dips to its low first and then rallies to its
 * high; a falling bar does the reverse. Prints sit at 0, 1/3, 2/3 and 95 % of the bar; a bar given by its date
 * alone spans the market's sessions of that day, so its prints fall in trading hours.
 *
 * <p>Volume is split into four near-equal parts of whole board lots, odd shares going to the close. A given
 * amount is split in proportion to volume, the close taking the rounding remainder, so the four amounts add
 * up to the bar's; without one, each print's amount is its price times its volume.
 */
final class BarSplitter {
    private static final double[] POSITIONS = {0, 1.0 / 3, 2.0 / 3, 0.95};
    private static final int PARTS = POSITIONS.length;
    private static final int AMOUNT_SCALE = 2;

    private BarSplitter() {
    }

    /**
     * A bar to split.
     *
     * @param start  when the bar opens
     * @param length how long it lasts; ignored when {@code date} is set
     * @param date   the trading day of a bar given by its date alone, else null
     * @param amount the bar's turnover, or null to compute each print's
     */
    record SourceBar(String symbol, Instant start, Duration length, LocalDate date, BigDecimal open,
                     BigDecimal high, BigDecimal low, BigDecimal close, long volume, BigDecimal amount) {
    }

    static List<Tape.Print> split(SourceBar bar, int lotSize, Market market) {
        List<Instant> times = times(bar, market);
        boolean rising = bar.close().compareTo(bar.open()) >= 0;
        List<BigDecimal> prices = rising ? List.of(bar.open(), bar.low(), bar.high(), bar.close())
                : List.of(bar.open(), bar.high(), bar.low(), bar.close());
        long[] volumes = volumes(bar.volume(), lotSize);
        BigDecimal[] amounts = amounts(bar, prices, volumes);
        List<Tape.Print> prints = new ArrayList<>(PARTS);
        for (int i = 0; i < PARTS; i++) {
            prints.add(new Tape.Print(times.get(i), bar.symbol(), prices.get(i), volumes[i], amounts[i]));
        }
        return prints;
    }

    private static List<Instant> times(SourceBar bar, Market market) {
        List<Instant> times = new ArrayList<>(PARTS);
        for (double position : POSITIONS) {
            times.add(bar.date() == null
                    ? bar.start().plusNanos((long) (bar.length().toNanos() * position))
                    : inSessions(bar.date(), market, position));
        }
        return times;
    }

    /** The instant at this fraction of the day's session time, counting only the time the market is open. */
    private static Instant inSessions(LocalDate date, Market market, double position) {
        long total = market.sessions().stream()
                .mapToLong(session -> Duration.between(session.open(), session.close()).toSeconds()).sum();
        long remaining = (long) (total * position);
        for (Market.Session session : market.sessions()) {
            long length = Duration.between(session.open(), session.close()).toSeconds();
            if (remaining < length) {
                return date.atTime(session.open()).plusSeconds(remaining).atZone(market.zone()).toInstant();
            }
            remaining -= length;
        }
        return date.atTime(market.sessions().getLast().close()).atZone(market.zone()).toInstant();
    }

    private static long[] volumes(long volume, int lotSize) {
        long lots = volume / lotSize;
        long[] volumes = new long[PARTS];
        for (int i = 0; i < PARTS; i++) {
            long share = lots / PARTS + (i < lots % PARTS ? 1 : 0);
            volumes[i] = share * lotSize;
        }
        volumes[PARTS - 1] += volume - lots * lotSize;
        return volumes;
    }

    private static BigDecimal[] amounts(SourceBar bar, List<BigDecimal> prices, long[] volumes) {
        BigDecimal[] amounts = new BigDecimal[PARTS];
        if (bar.amount() == null) {
            for (int i = 0; i < PARTS; i++) {
                amounts[i] = prices.get(i).multiply(BigDecimal.valueOf(volumes[i]))
                        .setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
            }
            return amounts;
        }
        BigDecimal left = bar.amount();
        for (int i = 0; i < PARTS - 1; i++) {
            amounts[i] = bar.volume() == 0 ? BigDecimal.ZERO.setScale(AMOUNT_SCALE) : bar.amount()
                    .multiply(BigDecimal.valueOf(volumes[i]))
                    .divide(BigDecimal.valueOf(bar.volume()), AMOUNT_SCALE, RoundingMode.HALF_UP);
            left = left.subtract(amounts[i]);
        }
        amounts[PARTS - 1] = left;
        return amounts;
    }
}
