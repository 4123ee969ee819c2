package io.mystocks.worker.screen;

import io.mystocks.contracts.Fundamentals;
import io.mystocks.contracts.Interval;
import io.mystocks.worker.strategy.ParamSpec;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyDescriptor;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;

/**
 * The screening strategies {@code value}, {@code growth} and {@code balanced} on fundamentals, and
 * {@code momentum} and {@code low_volatility} on closed daily bars.
 *
 * <p>Each scores every listed instrument that has its input from 0 to 100; instruments without it (no
 * fundamentals, or no closed daily bar) are skipped and counted. A score is the weighted sum of its
 * parts. A part on a single metric scores the metric's percentile rank within the screened universe: the
 * worst value 0, the best 100, ties sharing the mean of their ranks, a lone value 50 (see
 * {@link PercentileRank}). Ranking within the universe rather than against fixed thresholds keeps the
 * screens meaningful across markets whose valuations and volatilities differ (A-shares and US listings)
 * and over time; the price is that a score says how a stock compares with the others, not how cheap or
 * how steady it is in absolute terms. A value that is not meaningful for its metric earns 0 for that part
 * and takes no part in the ranking; so does a missing one, such as a 12-month return of a stock listed
 * for six months, and its part shows no value but the reason. A stock is not given credit it has no
 * history to earn.
 *
 * <table>
 *   <caption>Parts and weights</caption>
 *   <tr><th>screen</th><th>part</th><th>weight</th><th>better</th><th>meaningful when</th></tr>
 *   <tr><td>value</td><td>pe</td><td>0.30</td><td>lower</td><td>&gt; 0 (loss makers earn 0)</td></tr>
 *   <tr><td></td><td>pb</td><td>0.25</td><td>lower</td><td>&gt; 0</td></tr>
 *   <tr><td></td><td>dividend_yield</td><td>0.20</td><td>higher</td><td>&ge; 0</td></tr>
 *   <tr><td></td><td>roe</td><td>0.25</td><td>higher</td><td>always; guards against value traps</td></tr>
 *   <tr><td>growth</td><td>revenue_growth</td><td>0.35</td><td>higher</td><td>always</td></tr>
 *   <tr><td></td><td>profit_growth</td><td>0.40</td><td>higher</td><td>always</td></tr>
 *   <tr><td></td><td>roe</td><td>0.25</td><td>higher</td><td>always; growth that earns its capital</td></tr>
 *   <tr><td>balanced</td><td>value</td><td>0.40</td><td>higher</td><td>the value score, rounded</td></tr>
 *   <tr><td></td><td>growth</td><td>0.40</td><td>higher</td><td>the growth score, rounded</td></tr>
 *   <tr><td></td><td>market_cap</td><td>0.20</td><td>higher</td><td>&gt; 0; larger companies are steadier</td></tr>
 *   <tr><td>momentum</td><td>momentum_12_1</td><td>0.40</td><td>higher</td><td>with 253 closes</td></tr>
 *   <tr><td></td><td>return_6m</td><td>0.25</td><td>higher</td><td>with 127 closes</td></tr>
 *   <tr><td></td><td>return_3m</td><td>0.15</td><td>higher</td><td>with 64 closes</td></tr>
 *   <tr><td></td><td>close_vs_sma_200</td><td>0.20</td><td>higher</td><td>with 200 closes</td></tr>
 *   <tr><td>low_volatility</td><td>volatility_60d</td><td>0.30</td><td>lower</td><td>with 61 closes</td></tr>
 *   <tr><td></td><td>volatility_252d</td><td>0.40</td><td>lower</td><td>with 253 closes</td></tr>
 *   <tr><td></td><td>max_drawdown_252d</td><td>0.30</td><td>lower</td><td>with 253 closes</td></tr>
 * </table>
 *
 * <p><b>Momentum</b> (see {@link PriceFactors}; a year is 252 trading days, a month 21):
 * {@code momentum_12_1} is the return from the close 252 bars ago to the close 21 bars ago, the
 * best-documented form of price momentum, which leaves out the latest month because returns over a few
 * weeks tend to reverse; it carries the most weight. {@code return_6m} and {@code return_3m} (126 and 63
 * bars up to the latest close) give weight to the recent trend, so a turn shows sooner, and less of it
 * because shorter returns are noisier. {@code close_vs_sma_200}, the latest close over its 200-day simple
 * average less 1, rewards a stock still in its long uptrend and marks one whose past gains have rolled
 * over.
 *
 * <p><b>Low volatility</b>: {@code volatility_60d} and {@code volatility_252d} are the sample standard
 * deviations of the latest 60 and 252 daily log returns, annualised by the square root of 252; the year
 * weighs more because it is the steadier estimate, the quarter shows a change of regime.
 * {@code max_drawdown_252d} is the largest fall from a close to a later one over the latest 252 days: the
 * loss a holder lived through, which a standard deviation understates when it came in one crash. Beta is left
 * out: the universe mixes CN and US listings that trade on different days, and a beta to an equal-weighted
 * blend of both markets would say little about either.
 *
 * <p>Every part in the result carries its input {@code value} (or a {@code reason} in place of a missing
 * one), its {@code score} and its {@code weight}, so a score can be recomputed by hand. The latest quote
 * supplies each match's price; it does not enter the score, because one intraday print says little about
 * a company's quality, and the technical screens measure closed bars only.
 */
public final class Screens {
    public static final String VALUE = "value";
    public static final String GROWTH = "growth";
    public static final String BALANCED = "balanced";
    public static final String MOMENTUM = "momentum";
    public static final String LOW_VOLATILITY = "low_volatility";

    private static final DoublePredicate ANY = v -> true;
    private static final DoublePredicate POSITIVE = v -> v > 0;
    private static final int YEAR = PriceFactors.TRADING_DAYS_PER_YEAR;
    private static final int HALF_YEAR = 126;
    private static final int QUARTER = 63;
    private static final int MONTH = 21;
    private static final int LONG_AVERAGE = 200;
    private static final int RECENT_VOLATILITY = 60;

    private static final ScreenInput<Fundamentals> FUNDAMENTALS =
            (symbol, market) -> Optional.ofNullable(market.fundamentals().get(symbol));
    private static final ScreenInput<DailyCloses> DAILY_CLOSES =
            (symbol, market) -> DailyCloses.of(market.closedBars(symbol, Interval.D1));

    static final Scoring<Fundamentals> VALUE_SCORING = new Scoring<>(List.of(
            Factor.lowerIsBetter("pe", 0.30, Fundamentals::pe, POSITIVE),
            Factor.lowerIsBetter("pb", 0.25, Fundamentals::pb, POSITIVE),
            Factor.higherIsBetter("dividend_yield", 0.20, Fundamentals::dividendYield, v -> v >= 0),
            Factor.higherIsBetter("roe", 0.25, Fundamentals::roe, ANY)));

    static final Scoring<Fundamentals> GROWTH_SCORING = new Scoring<>(List.of(
            Factor.higherIsBetter("revenue_growth", 0.35, Fundamentals::revenueGrowth, ANY),
            Factor.higherIsBetter("profit_growth", 0.40, Fundamentals::profitGrowth, ANY),
            Factor.higherIsBetter("roe", 0.25, Fundamentals::roe, ANY)));

    static final Scoring<Fundamentals> BALANCED_SCORING = new Scoring<>(List.of(
            new Blend<>("value", 0.40, VALUE_SCORING),
            new Blend<>("growth", 0.40, GROWTH_SCORING),
            Factor.higherIsBetter("market_cap", 0.20, Fundamentals::marketCap, POSITIVE)));

    static final Scoring<DailyCloses> MOMENTUM_SCORING = new Scoring<>(List.of(
            Factor.higherIsBetter("momentum_12_1", 0.40, closes -> PriceFactors.change(closes, YEAR, MONTH)),
            Factor.higherIsBetter("return_6m", 0.25, closes -> PriceFactors.change(closes, HALF_YEAR, 0)),
            Factor.higherIsBetter("return_3m", 0.15, closes -> PriceFactors.change(closes, QUARTER, 0)),
            Factor.higherIsBetter("close_vs_sma_200", 0.20,
                    closes -> PriceFactors.aboveAverage(closes, LONG_AVERAGE))));

    static final Scoring<DailyCloses> LOW_VOLATILITY_SCORING = new Scoring<>(List.of(
            Factor.lowerIsBetter("volatility_60d", 0.30, closes -> PriceFactors.volatility(closes, RECENT_VOLATILITY)),
            Factor.lowerIsBetter("volatility_252d", 0.40, closes -> PriceFactors.volatility(closes, YEAR)),
            Factor.lowerIsBetter("max_drawdown_252d", 0.30, closes -> PriceFactors.maxDrawdown(closes, YEAR))));

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer(ScreenParams.TOP_N, ScreenParams.DEFAULT_TOP_N, 1, ScreenParams.MAX_TOP_N,
                    "how many of the best matches to return"),
            ParamSpec.number(ScreenParams.MIN_SCORE, "60", "0", "100", "the lowest score (0 to 100) that matches"));

    private static final StrategyDescriptor VALUE_DESCRIPTOR = descriptor(VALUE, "Value screen",
            "Ranks listed stocks on cheapness and quality: P/E 30 %, P/B 25 % (lower is better), dividend yield"
                    + " 20 %, ROE 25 %, each as a percentile rank within the universe.", "fundamentals");
    private static final StrategyDescriptor GROWTH_DESCRIPTOR = descriptor(GROWTH, "Growth screen",
            "Ranks listed stocks on growth: revenue growth 35 %, profit growth 40 %, ROE 25 %, each as a"
                    + " percentile rank within the universe.", "fundamentals");
    private static final StrategyDescriptor BALANCED_DESCRIPTOR = descriptor(BALANCED, "Balanced screen",
            "Blends the value score 40 % and the growth score 40 % with the market-cap rank 20 %.", "fundamentals");
    private static final StrategyDescriptor MOMENTUM_DESCRIPTOR = descriptor(MOMENTUM, "Momentum screen",
            "Ranks listed stocks on price momentum as of their latest closed daily bar: the return from 252 to 21"
                    + " trading days ago 40 %, the 6-month return 25 %, the 3-month return 15 %, the close against"
                    + " its 200-day average 20 %, each as a percentile rank within the universe; a part without"
                    + " enough bars scores 0.", "technical", "momentum");
    private static final StrategyDescriptor LOW_VOLATILITY_DESCRIPTOR = descriptor(LOW_VOLATILITY,
            "Low-volatility screen", "Ranks listed stocks on steadiness as of their latest closed daily bar:"
                    + " annualised volatility of daily log returns over 60 days 30 % and 252 days 40 %, maximum"
                    + " drawdown over 252 days 30 % (lower is better), each as a percentile rank within the"
                    + " universe; a part without enough bars scores 0.", "technical", "volatility");

    private Screens() {
    }

    /** The value screen, stamping its results with the clock's time. */
    public static Strategy value(Clock clock) {
        return new Screen<>(VALUE_DESCRIPTOR, FUNDAMENTALS, VALUE_SCORING, clock);
    }

    /** The growth screen, stamping its results with the clock's time. */
    public static Strategy growth(Clock clock) {
        return new Screen<>(GROWTH_DESCRIPTOR, FUNDAMENTALS, GROWTH_SCORING, clock);
    }

    /** The balanced screen, stamping its results with the clock's time. */
    public static Strategy balanced(Clock clock) {
        return new Screen<>(BALANCED_DESCRIPTOR, FUNDAMENTALS, BALANCED_SCORING, clock);
    }

    /** The momentum screen, stamping its results with the clock's time. */
    public static Strategy momentum(Clock clock) {
        return new Screen<>(MOMENTUM_DESCRIPTOR, DAILY_CLOSES, MOMENTUM_SCORING, clock);
    }

    /** The low-volatility screen, stamping its results with the clock's time. */
    public static Strategy lowVolatility(Clock clock) {
        return new Screen<>(LOW_VOLATILITY_DESCRIPTOR, DAILY_CLOSES, LOW_VOLATILITY_SCORING, clock);
    }

    /** The descriptors of the five screens, as the strategy list shows them. */
    public static List<StrategyDescriptor> descriptors() {
        return List.of(VALUE_DESCRIPTOR, GROWTH_DESCRIPTOR, BALANCED_DESCRIPTOR, MOMENTUM_DESCRIPTOR,
                LOW_VOLATILITY_DESCRIPTOR);
    }

    private static StrategyDescriptor descriptor(String id, String name, String description, String... tags) {
        List<String> all = Stream.concat(Stream.of(ScreenResult.KIND), Arrays.stream(tags)).toList();
        return new StrategyDescriptor(id, name, ScreenResult.KIND, description, PARAMETERS, all);
    }

    /** The five screens. */
    public static List<Strategy> all(Clock clock) {
        return List.of(value(clock), growth(clock), balanced(clock), momentum(clock), lowVolatility(clock));
    }
}
