package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.ingest.simulator.WalkParameters;
import io.mystocks.ingest.universe.ListedSymbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the synthetic history of one symbol. Pure: the same symbol, walk, tick size and plan give the same
 * bars, whatever else the universe holds.
 *
 * <p>Design note: daily closes follow geometric Brownian motion with the simulator's drift and volatility,
 * generated <em>backwards</em> from the universe's reference price, so that the last close equals it and the
 * live simulator, which starts there, continues the history without a jump. Each day opens with a small
 * overnight gap from the previous close; its high and low reach beyond open and close by a half-normal
 * fraction of the daily volatility. The most recent {@code minuteDays} days are built from their 1-minute
 * bars instead: a Brownian bridge from the day's open to its close through every session minute, so that
 * those daily bars are exactly the sum of their minutes. Chinese prices stay within the 10 % band around the
 * previous close. Volume is whole board lots, busier at the open and the close; a bar's amount is its volume
 * times its typical price {@code (high + low + close) / 3}, rounded to cents, and for a daily bar built from
 * minutes the sum of theirs. The trade count is an estimate: the bar's lots over the median lots of one print.
 *
 * <p>Paths are doubles, a statistical process; every published price is rounded to the tick size as a
 * {@link BigDecimal}, and open, high, low and close are ordered after rounding.
 */
final class HistoryGenerator {
    private static final int TRADING_DAYS_PER_YEAR = 252;
    /** Median prints per minute in the history: the simulator's median lots per print scale up to a bar. */
    private static final int PRINTS_PER_MINUTE = 20;
    private static final double OVERNIGHT_SHARE = 0.25;
    private static final double RANGE_SHARE = 0.5;
    private static final double VOLUME_DISPERSION = 0.35;
    private static final int AMOUNT_SCALE = 2;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long STREAM_MIX = 0xBF58476D1CE4E5B9L;
    private static final long DAILY_STREAM = 1;
    private static final long MINUTE_STREAM = 2;

    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private final BigDecimal tickSize;
    private final double tick;

    HistoryGenerator(BigDecimal tickSize) {
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException("tick size must be positive, was " + tickSize);
        }
        this.tickSize = tickSize;
        this.tick = tickSize.doubleValue();
    }

    SymbolHistory generate(ListedSymbol listed, WalkParameters walk, BackfillPlan plan) {
        List<LocalDate> dates = TradingCalendar.dailyDays(listed.instrument().market(), plan.asOf(), plan.years());
        SymbolPath path = new SymbolPath(listed, walk, dates.size(), seed(plan, listed, DAILY_STREAM));
        SplittableRandom minuteRandom = new SplittableRandom(seed(plan, listed, MINUTE_STREAM));
        int firstMinuteDay = Math.max(0, dates.size() - plan.minuteDays());
        List<Bar> daily = new ArrayList<>(dates.size());
        List<Bar> minutes = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Day day = path.day(i, dates.get(i));
            if (i < firstMinuteDay) {
                daily.add(path.dailyBar(day));
            } else {
                List<Bar> dayMinutes = path.minuteBars(day, minuteRandom);
                minutes.addAll(dayMinutes);
                daily.add(path.aggregate(day, dayMinutes));
            }
        }
        return new SymbolHistory(listed.symbol(), daily, minutes);
    }

    /** A stream per plan seed, symbol and purpose: adding a symbol or minute days changes no other path. */
    private static long seed(BackfillPlan plan, ListedSymbol listed, long stream) {
        long hash = 1125899906842597L;
        for (byte b : listed.symbol().getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return plan.seed() ^ (hash * GOLDEN_GAMMA) ^ (stream * STREAM_MIX);
    }

    /** One trading day's prices before rounding, and how busy it was relative to a median day. */
    private record Day(LocalDate date, double previousClose, double open, double high, double low, double close,
                       double activity) {
    }

    /** The path of one symbol: daily closes drawn backwards from its reference price, and the bars around them. */
    private final class SymbolPath {
        private final ListedSymbol listed;
        private final WalkParameters walk;
        private final Market market;
        private final SplittableRandom random;
        private final double dailySigma;
        private final double band;
        private final double[] closes;
        private final double firstPreviousClose;
        private final long sessionMinutes;

        SymbolPath(ListedSymbol listed, WalkParameters walk, int days, long seed) {
            this.listed = listed;
            this.walk = walk;
            this.market = listed.instrument().market();
            this.random = new SplittableRandom(seed);
            this.dailySigma = walk.volatility() / Math.sqrt(TRADING_DAYS_PER_YEAR);
            this.band = market.priceLimit() == null ? Double.NaN : market.priceLimit().doubleValue();
            this.sessionMinutes = market.sessions().stream()
                    .mapToLong(session -> Duration.between(session.open(), session.close()).toMinutes()).sum();
            double drift = (walk.drift() - walk.volatility() * walk.volatility() / 2) / TRADING_DAYS_PER_YEAR;
            double[] returns = new double[days];
            for (int i = 0; i < days; i++) {
                returns[i] = clampReturn(drift + dailySigma * random.nextGaussian());
            }
            this.closes = new double[days];
            closes[days - 1] = listed.referencePrice().doubleValue();
            for (int i = days - 1; i > 0; i--) {
                closes[i - 1] = closes[i] / Math.exp(returns[i]);
            }
            this.firstPreviousClose = closes[0] / Math.exp(returns[0]);
        }

        Day day(int index, LocalDate date) {
            double previous = index == 0 ? firstPreviousClose : closes[index - 1];
            double close = closes[index];
            double open = inBand(previous * Math.exp(OVERNIGHT_SHARE * dailySigma * random.nextGaussian()),
                    previous);
            double reach = RANGE_SHARE * dailySigma;
            double high = inBand(Math.max(open, close) * Math.exp(Math.abs(random.nextGaussian()) * reach),
                    previous);
            double low = inBand(Math.min(open, close) * Math.exp(-Math.abs(random.nextGaussian()) * reach),
                    previous);
            double surprise = Math.abs(Math.log(close / previous)) / dailySigma;
            double activity = Math.exp(VOLUME_DISPERSION * random.nextGaussian()) * (0.8 + 0.4 * surprise);
            return new Day(date, previous, open, high, low, close, activity);
        }

        Bar dailyBar(Day day) {
            long lots = Math.max(1, Math.round(walk.medianLots() * PRINTS_PER_MINUTE * sessionMinutes
                    * day.activity()));
            return bar(Interval.D1, dayStart(day.date()), dayStart(day.date().plusDays(1)), day.date(), day.open(),
                    day.high(), day.low(), day.close(), lots);
        }

        /**
         * The session minutes of a day, a Brownian bridge from its open to its close. Each minute opens where
         * the one before closed; its high and low reach a little beyond.
         */
        List<Bar> minuteBars(Day day, SplittableRandom minuteRandom) {
            List<Instant> starts = TradingCalendar.sessionMinutes(market, day.date());
            int count = starts.size();
            double step = dailySigma / Math.sqrt(count);
            double[] noise = new double[count + 1];
            for (int k = 1; k <= count; k++) {
                noise[k] = noise[k - 1] + step * minuteRandom.nextGaussian();
            }
            double target = Math.log(day.close() / day.open());
            double[] prices = new double[count + 1];
            for (int k = 0; k <= count; k++) {
                double bridge = noise[k] - (double) k / count * (noise[count] - target);
                prices[k] = k == count ? day.close() : inBand(day.open() * Math.exp(bridge), day.previousClose());
            }
            List<Bar> bars = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                double reach = Math.abs(minuteRandom.nextGaussian()) * step * RANGE_SHARE;
                double high = inBand(Math.max(prices[k], prices[k + 1]) * Math.exp(reach), day.previousClose());
                double low = inBand(Math.min(prices[k], prices[k + 1]) * Math.exp(-reach), day.previousClose());
                double position = 2.0 * k / count - 1;
                double busy = (0.7 + 1.2 * position * position)
                        * Math.exp(VOLUME_DISPERSION * minuteRandom.nextGaussian());
                long lots = Math.max(1, Math.round(walk.medianLots() * PRINTS_PER_MINUTE * busy * day.activity()));
                Instant start = starts.get(k);
                bars.add(bar(Interval.M1, start, start.plusSeconds(60), day.date(), prices[k], high, low,
                        prices[k + 1], lots));
            }
            return bars;
        }

        /** The daily bar that sums up its minutes exactly. */
        Bar aggregate(Day day, List<Bar> minutes) {
            BigDecimal high = minutes.getFirst().high();
            BigDecimal low = minutes.getFirst().low();
            long volume = 0;
            long trades = 0;
            BigDecimal amount = BigDecimal.ZERO;
            for (Bar minute : minutes) {
                high = high.max(minute.high());
                low = low.min(minute.low());
                volume += minute.volume();
                trades += minute.trades();
                amount = amount.add(minute.amount());
            }
            return new Bar(listed.symbol(), Interval.D1, dayStart(day.date()), dayStart(day.date().plusDays(1)),
                    day.date(), minutes.getFirst().open(), high, low, minutes.getLast().close(), volume, amount,
                    trades, true);
        }

        private Bar bar(Interval interval, Instant start, Instant end, LocalDate date, double rawOpen,
                        double rawHigh, double rawLow, double rawClose, long lots) {
            BigDecimal open = onTick(rawOpen);
            BigDecimal close = onTick(rawClose);
            BigDecimal high = onTick(rawHigh).max(open).max(close);
            BigDecimal low = onTick(rawLow).min(open).min(close);
            long volume = lots * listed.instrument().lotSize();
            BigDecimal amount = high.add(low).add(close).multiply(BigDecimal.valueOf(volume))
                    .divide(THREE, AMOUNT_SCALE, RoundingMode.HALF_UP);
            long trades = Math.max(1, lots / walk.medianLots());
            return new Bar(listed.symbol(), interval, start, end, date, open, high, low, close, volume, amount, trades,
                    true);
        }

        private Instant dayStart(LocalDate date) {
            return date.atStartOfDay(market.zone()).toInstant();
        }

        private double clampReturn(double logReturn) {
            return Double.isNaN(band) ? logReturn : Math.clamp(logReturn, Math.log(1 - band), Math.log(1 + band));
        }

        private double inBand(double price, double previousClose) {
            return Double.isNaN(band) ? price
                    : Math.clamp(price, previousClose * (1 - band), previousClose * (1 + band));
        }
    }

    /** The price rounded to the nearest tick, at least one tick. */
    private BigDecimal onTick(double value) {
        return BigDecimal.valueOf(Math.max(1, Math.round(value / tick))).multiply(tickSize);
    }
}
