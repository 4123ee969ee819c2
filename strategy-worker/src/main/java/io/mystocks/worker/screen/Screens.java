package io.mystocks.worker.screen;

import io.mystocks.contracts.Fundamentals;
import io.mystocks.worker.strategy.ParamSpec;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyDescriptor;
import java.time.Clock;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * The screening strategies {@code value}, {@code growth} and {@code balanced}.
 *
 * <p>Each scores every listed instrument that has fundamentals from 0 to 100; instruments without
 * fundamentals are skipped and counted. A score is the weighted sum of its parts. A part on a single
 * metric scores the metric's percentile rank within the screened universe: the worst value 0, the
 * best 100, ties sharing the mean of their ranks, a lone value 50 (see {@link PercentileRank}).
 * Ranking within the universe rather than against fixed thresholds keeps the screens meaningful
 * across markets whose valuations differ (A-shares and US listings) and over time; the price is that
 * a score says how a stock compares with the others, not how cheap it is in absolute terms. A value
 * that is not meaningful for its metric earns 0 for that part and takes no part in the ranking.
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
 * </table>
 *
 * <p>Every part in the result carries its input {@code value}, its {@code score} and its
 * {@code weight}, so a score can be recomputed by hand. The latest quote supplies each match's price;
 * it does not enter the score, because one intraday print says little about a company's quality.
 */
public final class Screens {
    public static final String VALUE = "value";
    public static final String GROWTH = "growth";
    public static final String BALANCED = "balanced";

    private static final DoublePredicate ANY = v -> true;
    private static final DoublePredicate POSITIVE = v -> v > 0;

    static final Scoring VALUE_SCORING = new Scoring(List.of(
            Factor.lowerIsBetter("pe", 0.30, Fundamentals::pe, POSITIVE),
            Factor.lowerIsBetter("pb", 0.25, Fundamentals::pb, POSITIVE),
            Factor.higherIsBetter("dividend_yield", 0.20, Fundamentals::dividendYield, v -> v >= 0),
            Factor.higherIsBetter("roe", 0.25, Fundamentals::roe, ANY)));

    static final Scoring GROWTH_SCORING = new Scoring(List.of(
            Factor.higherIsBetter("revenue_growth", 0.35, Fundamentals::revenueGrowth, ANY),
            Factor.higherIsBetter("profit_growth", 0.40, Fundamentals::profitGrowth, ANY),
            Factor.higherIsBetter("roe", 0.25, Fundamentals::roe, ANY)));

    static final Scoring BALANCED_SCORING = new Scoring(List.of(
            new Blend("value", 0.40, VALUE_SCORING),
            new Blend("growth", 0.40, GROWTH_SCORING),
            Factor.higherIsBetter("market_cap", 0.20, Fundamentals::marketCap, POSITIVE)));

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.integer(ScreenParams.TOP_N, ScreenParams.DEFAULT_TOP_N, 1, ScreenParams.MAX_TOP_N,
                    "how many of the best matches to return"),
            ParamSpec.number(ScreenParams.MIN_SCORE, "60", "0", "100", "the lowest score (0 to 100) that matches"));

    private static final StrategyDescriptor VALUE_DESCRIPTOR = descriptor(VALUE, "Value screen",
            "Ranks listed stocks on cheapness and quality: P/E 30 %, P/B 25 % (lower is better), dividend yield"
                    + " 20 %, ROE 25 %, each as a percentile rank within the universe.");
    private static final StrategyDescriptor GROWTH_DESCRIPTOR = descriptor(GROWTH, "Growth screen",
            "Ranks listed stocks on growth: revenue growth 35 %, profit growth 40 %, ROE 25 %, each as a"
                    + " percentile rank within the universe.");
    private static final StrategyDescriptor BALANCED_DESCRIPTOR = descriptor(BALANCED, "Balanced screen",
            "Blends the value score 40 % and the growth score 40 % with the market-cap rank 20 %.");

    private Screens() {
    }

    /** The value screen, stamping its results with the clock's time. */
    public static Strategy value(Clock clock) {
        return new Screen(VALUE_DESCRIPTOR, VALUE_SCORING, clock);
    }

    /** The growth screen, stamping its results with the clock's time. */
    public static Strategy growth(Clock clock) {
        return new Screen(GROWTH_DESCRIPTOR, GROWTH_SCORING, clock);
    }

    /** The balanced screen, stamping its results with the clock's time. */
    public static Strategy balanced(Clock clock) {
        return new Screen(BALANCED_DESCRIPTOR, BALANCED_SCORING, clock);
    }

    /** The descriptors of the three screens, as the strategy list shows them. */
    public static List<StrategyDescriptor> descriptors() {
        return List.of(VALUE_DESCRIPTOR, GROWTH_DESCRIPTOR, BALANCED_DESCRIPTOR);
    }

    private static StrategyDescriptor descriptor(String id, String name, String description) {
        return new StrategyDescriptor(id, name, ScreenResult.KIND, description, PARAMETERS,
                List.of(ScreenResult.KIND, "fundamentals"));
    }

    /** The three screens. */
    public static List<Strategy> all(Clock clock) {
        return List.of(value(clock), growth(clock), balanced(clock));
    }
}
