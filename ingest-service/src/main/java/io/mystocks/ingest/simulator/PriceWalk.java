package io.mystocks.ingest.simulator;

import io.mystocks.contracts.Market;
import io.mystocks.contracts.Quote;
import io.mystocks.ingest.universe.ListedSymbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The price path of one symbol: geometric Brownian motion in trading time, with rare jumps, held inside
 * the market's daily price band.
 *
 * <p>Design note: the path itself is a double, because it is a statistical process and is never shown;
 * only the quoted price, rounded to the tick size, is a {@link BigDecimal}, so that what consumers see is
 * exact. Keeping the unrounded path matters: a cheap stock moves less than a tick between quotes, and
 * rounding the state would freeze it.
 *
 * <p>Time is trading time: a year is 252 days of the market's session hours, so that the configured annual
 * volatility matches what an analyst would measure on daily bars. The step between two quotes is capped,
 * so that the night between two sessions is a modest gap rather than days of variance at once.
 */
final class PriceWalk {
    private static final int TRADING_DAYS = 252;
    private static final Duration MAX_STEP = Duration.ofMinutes(30);
    private static final double VOLUME_DISPERSION = 1.0;
    private static final int AMOUNT_SCALE = 2;

    private final ListedSymbol listed;
    private final WalkParameters walk;
    private final SplittableRandom random;
    private final BigDecimal tickSize;
    private final double tradingSecondsPerYear;
    private double price;
    private Instant previous;
    private LocalDate day;
    private double previousClose;

    PriceWalk(ListedSymbol listed, WalkParameters walk, long seed, BigDecimal tickSize) {
        this.listed = listed;
        this.walk = walk;
        this.random = new SplittableRandom(seed);
        this.tickSize = tickSize;
        this.tradingSecondsPerYear = TRADING_DAYS * sessionSeconds(listed.instrument().market());
        this.price = listed.referencePrice().doubleValue();
        this.previousClose = price;
    }

    Market market() {
        return listed.instrument().market();
    }

    /** The next quote at {@code now}: the path moved by the time since the previous quote. */
    Quote next(Instant now) {
        startDayIfNew(now);
        advance(now);
        BigDecimal quoted = onTick(price);
        long volume = lots() * listed.instrument().lotSize();
        BigDecimal amount = quoted.multiply(BigDecimal.valueOf(volume)).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
        return new Quote(listed.symbol(), now, quoted, volume, amount, QuoteGenerator.SOURCE);
    }

    private void startDayIfNew(Instant now) {
        LocalDate today = now.atZone(market().zone()).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            previousClose = price;
        }
    }

    private void advance(Instant now) {
        if (previous != null) {
            Duration elapsed = Duration.between(previous, now);
            double seconds = Math.clamp(elapsed.toMillis() / 1000.0, 0.0, MAX_STEP.toSeconds());
            double years = seconds / tradingSecondsPerYear;
            double sigma = walk.volatility();
            double logReturn = (walk.drift() - sigma * sigma / 2) * years
                    + sigma * Math.sqrt(years) * random.nextGaussian();
            if (random.nextDouble() < walk.jumpProbability()) {
                logReturn += walk.jumpVolatility() * random.nextGaussian();
            }
            price = keepInBand(price * Math.exp(logReturn));
        }
        previous = now;
    }

    private double keepInBand(double candidate) {
        BigDecimal band = market().priceLimit();
        if (band == null) {
            return candidate;
        }
        double limit = band.doubleValue();
        return Math.clamp(candidate, previousClose * (1 - limit), previousClose * (1 + limit));
    }

    private BigDecimal onTick(double value) {
        BigDecimal ticks = BigDecimal.valueOf(value).divide(tickSize, 0, RoundingMode.HALF_UP);
        return ticks.max(BigDecimal.ONE).multiply(tickSize);
    }

    /** Log-normal lots around the median: most quotes are small, a few are blocks. */
    private long lots() {
        double lots = walk.medianLots() * Math.exp(VOLUME_DISPERSION * random.nextGaussian());
        return Math.max(1, Math.round(lots));
    }

    private static double sessionSeconds(Market market) {
        return market.sessions().stream()
                .mapToLong(session -> Duration.between(session.open(), session.close()).toSeconds())
                .sum();
    }
}
