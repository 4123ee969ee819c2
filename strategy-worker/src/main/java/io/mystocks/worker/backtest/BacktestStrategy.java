package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Market;
import io.mystocks.worker.market.ClosedBars;
import io.mystocks.worker.market.DataVersion;
import io.mystocks.worker.market.MarketSnapshot;
import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.ParamSpec;
import io.mystocks.worker.strategy.ParamValues;
import io.mystocks.worker.strategy.Progress;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyDescriptor;
import io.mystocks.worker.strategy.StrategyRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A backtest strategy: binds the parameters when the job is planned, then reads each symbol's closed
 * bars from the market snapshot and runs {@link BacktestEngine} over them. A symbol without enough bars
 * in the range fails the job with a message that says what is missing and how it gets there.
 *
 * <p>Bars the read model still holds unchanged keep their data version, and their price series stays in
 * the shared {@link PriceSeriesCache}, so a job over them computes neither again.
 */
final class BacktestStrategy implements Strategy {
    private final RuleBook rule;
    private final PriceSeriesCache prices;
    private final StrategyDescriptor descriptor;

    BacktestStrategy(RuleBook rule, PriceSeriesCache prices) {
        this.rule = rule;
        this.prices = prices;
        List<ParamSpec> parameters = new ArrayList<>(rule.parameters());
        parameters.addAll(BacktestParams.COMMON);
        this.descriptor = new StrategyDescriptor(rule.id(), rule.title(), BacktestResult.KIND, rule.description(),
                parameters, tags(rule));
    }

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public StrategyRun plan(Map<String, Object> params) {
        Plan plan = bind(params);
        return (market, progress) -> run(plan, market, progress);
    }

    /** Binds and checks the parameters. */
    Plan bind(Map<String, Object> params) {
        ParamValues values = ParamValues.bind(rule.id(), descriptor.parameters(), BacktestParams.normalized(params));
        rule.check(values);
        BacktestParams common = BacktestParams.of(values);
        BacktestSpec spec = new BacktestSpec(rule.id(), values.applied(), series -> rule.rules(series, values),
                common.interval(), values.decimal(BacktestParams.INITIAL_CAPITAL), common.costs(),
                values.decimal(BacktestParams.RISK_FREE_RATE).doubleValue());
        return new Plan(spec, common, rule.warmUp(values) + 2);
    }

    BacktestResult run(Plan plan, MarketSnapshot market, Progress progress) {
        List<PricedBars> inputs = new ArrayList<>();
        for (String symbol : plan.common().symbols()) {
            inputs.add(load(plan, symbol, market));
        }
        progress.report(0.05, "loaded the bars of " + inputs.size() + " symbol(s)");
        return BacktestEngine.runPriced(plan.spec(), inputs, progress);
    }

    private PricedBars load(Plan plan, String symbol, MarketSnapshot market) {
        BacktestParams common = plan.common();
        ClosedBars held = market.history(symbol, common.interval());
        List<Bar> all = held.bars();
        Instrument instrument = market.instruments().get(symbol);
        if (all.isEmpty() && instrument == null && !market.instruments().isEmpty()) {
            throw new InvalidParamsException("unknown symbol " + symbol + ": it is not listed and has no "
                    + common.intervalWord() + " bars; check the symbol, or publish its history first");
        }
        List<Bar> bars = common.within(all);
        if (bars.isEmpty()) {
            throw new InvalidParamsException("no " + common.intervalWord() + " bars for " + symbol + " "
                    + common.range() + "; history backfill publishes them" + held(all));
        }
        if (bars.size() < plan.minimumBars()) {
            throw new InvalidParamsException("only " + bars.size() + " " + common.intervalWord() + " bars for "
                    + symbol + " " + common.range() + "; " + rule.id() + " with these parameters needs at least "
                    + plan.minimumBars() + "; widen start_date/end_date or backfill more history" + held(all));
        }
        Market home = Market.of(symbol);
        int lotSize = instrument != null && instrument.lotSize() > 0 ? instrument.lotSize() : home.lotSize();
        SymbolBars input = new SymbolBars(symbol,
                instrument != null && instrument.market() != null ? instrument.market() : home, lotSize, bars);
        // The range keeps the bars in order, so a range that dropped none kept the history itself.
        DataVersion version = bars.size() == all.size() ? held.version()
                : DataVersion.of(symbol, common.interval(), bars);
        return new PricedBars(input, version, prices.get(version, input.bars()));
    }

    /** What is held when a range came up short, so the user can pick a better one. */
    private static String held(List<Bar> all) {
        if (all.isEmpty()) {
            return "";
        }
        return " (held: " + all.size() + " bars from " + DataVersion.tradingDay(all.getFirst()) + " to "
                + DataVersion.tradingDay(all.getLast()) + ")";
    }

    private static List<String> tags(RuleBook rule) {
        List<String> tags = new ArrayList<>();
        tags.add(BacktestResult.KIND);
        tags.addAll(rule.tags());
        return tags;
    }

    /**
     * A job's bound parameters.
     *
     * @param minimumBars the fewest bars a symbol needs: the warm-up, one signal and one fill
     */
    record Plan(BacktestSpec spec, BacktestParams common, int minimumBars) {
    }
}
