package io.mystocks.worker.backtest;

import io.mystocks.worker.backtest.BacktestResult.Benchmark;
import io.mystocks.worker.backtest.BacktestResult.BlockedOrders;
import io.mystocks.worker.backtest.BacktestResult.EquityPoint;
import io.mystocks.worker.backtest.BacktestResult.ExecutionModel;
import io.mystocks.worker.backtest.BacktestResult.Fees;
import io.mystocks.worker.backtest.BacktestResult.Metrics;
import io.mystocks.worker.backtest.BacktestResult.OpenPosition;
import io.mystocks.worker.backtest.BacktestResult.Summary;
import io.mystocks.worker.backtest.BacktestResult.SymbolReport;
import io.mystocks.worker.backtest.BacktestResult.Trade;
import io.mystocks.worker.market.DataVersion;
import io.mystocks.worker.strategy.Progress;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a backtest over the closed bars of one or more symbols; pure, with no I/O, so that it is tested
 * and benchmarked on its own.
 *
 * <p>The initial capital is split equally between the symbols (rounded down to the cent; the remainder
 * stays as cash). Each symbol's share trades on its own ({@link Sleeve}): signals at a bar's close,
 * fills at the next bar's open, so no decision sees a later bar. The portfolio curve sums the shares
 * per trading day ({@link PortfolioCurve}), and every figure of the result comes from that curve and the
 * closed trades. Indicators run on ta4j's double numbers: they only decide when to trade, while fills,
 * fees and cash stay exact decimals.
 */
public final class BacktestEngine {
    /** The most points of the equity curve a result carries. */
    public static final int MAX_CURVE_POINTS = 1_000;

    private BacktestEngine() {
    }

    /**
     * @param symbols each symbol's closed bars, oldest first, at least two each
     * @param progress told after each symbol; may stop the run by throwing
     */
    public static BacktestResult run(BacktestSpec spec, List<SymbolBars> symbols, Progress progress) {
        Objects.requireNonNull(spec, "spec");
        List<PricedBars> priced = symbols.stream().map(symbol -> new PricedBars(symbol,
                DataVersion.of(symbol.symbol(), spec.interval(), symbol.bars()),
                PriceSeries.of(symbol.symbol(), symbol.bars()))).toList();
        return runPriced(spec, priced, progress);
    }

    /** As {@link #run}, over bars whose data versions and price series are known already. */
    static BacktestResult runPriced(BacktestSpec spec, List<PricedBars> symbols, Progress progress) {
        Objects.requireNonNull(spec, "spec");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one symbol");
        }
        BigDecimal count = BigDecimal.valueOf(symbols.size());
        BigDecimal allocation = spec.initialCapital().divide(count, 2, RoundingMode.DOWN);
        BigDecimal unallocated = spec.initialCapital().subtract(allocation.multiply(count));

        List<Sleeve.Outcome> outcomes = new ArrayList<>(symbols.size());
        List<BuyAndHold.Curve> benchmarks = new ArrayList<>(symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            PricedBars priced = symbols.get(i);
            SymbolBars symbol = priced.input();
            if (symbol.bars().size() < 2) {
                throw new IllegalArgumentException(symbol.symbol() + " has fewer than two bars");
            }
            Execution execution = Execution.of(symbol, spec.costs());
            TradingRules rules = spec.rules().rules(priced.prices().series());
            outcomes.add(Sleeve.run(symbol, priced.prices(), rules, execution, allocation));
            benchmarks.add(BuyAndHold.run(symbol, priced.prices(), execution, allocation));
            progress.report(0.05 + 0.9 * (i + 1) / symbols.size(),
                    "backtested " + symbol.symbol() + " (" + (i + 1) + " of " + symbols.size() + ")");
        }
        List<DataVersion> data = symbols.stream().map(PricedBars::version).toList();
        return new Assembly(spec, outcomes, benchmarks, data, allocation, unallocated).result();
    }

    /** Puts the symbols' outcomes together into the result document. */
    private record Assembly(BacktestSpec spec, List<Sleeve.Outcome> outcomes, List<BuyAndHold.Curve> benchmarks,
                            List<DataVersion> data, BigDecimal allocation, BigDecimal unallocated) {

        BacktestResult result() {
            PortfolioCurve.Curve curve = combine(outcomes.stream().map(Sleeve.Outcome::equity).toList());
            PortfolioCurve.Curve benchmarkCurve = combine(benchmarks.stream().map(BuyAndHold.Curve::equity).toList());
            BigDecimal finalEquity = unallocated.add(outcomes.stream().map(Sleeve.Outcome::finalEquity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal benchmarkEquity = unallocated.add(benchmarks.stream().map(BuyAndHold.Curve::finalEquity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            List<Trade> trades = outcomes.stream().flatMap(o -> o.trades().stream())
                    .sorted(Comparator.comparing(Trade::entryDate).thenComparing(Trade::symbol)).toList();
            List<OpenPosition> open = outcomes.stream().map(Sleeve.Outcome::openPosition)
                    .filter(Objects::nonNull).toList();

            Statistics.Drawdown drawdown = Statistics.drawdown(curve.equity());
            Metrics metrics = metrics(curve, drawdown, finalEquity, trades);
            Benchmark benchmark = benchmark(benchmarkCurve, benchmarkEquity, metrics.totalReturn());
            Sampled sampled = sample(curve, drawdown);
            BacktestResult.Hashes hashes = new BacktestResult.Hashes(
                    Digests.sha256(Digests.canonicalInputs(spec.strategyId(), spec.params())),
                    Digests.sha256(data), Digests.sha256(trades));
            LocalDate[] days = curve.days();
            return new BacktestResult(spec.strategyId(), BacktestResult.KIND, spec.params(),
                    outcomes.stream().map(o -> o.input().symbol()).toList(), spec.interval().code(), days[0],
                    days[days.length - 1], days.length, spec.initialCapital(), finalEquity, summary(metrics), metrics,
                    benchmark, fees(), ExecutionModel.STANDARD, reports(), trades, open, sampled.points(),
                    days.length, sampled.step(), data, hashes);
        }

        private PortfolioCurve.Curve combine(List<double[]> equity) {
            return PortfolioCurve.combine(outcomes.stream().map(Sleeve.Outcome::days).toList(), equity,
                    allocation.doubleValue(), unallocated.doubleValue());
        }

        private Metrics metrics(PortfolioCurve.Curve curve, Statistics.Drawdown drawdown, BigDecimal finalEquity,
                                List<Trade> trades) {
            int periodsPerYear = spec.periodsPerYear();
            double riskFree = spec.riskFreeRate() / periodsPerYear;
            double[] returns = Statistics.periodReturns(curve.equity());
            LocalDate[] days = curve.days();
            double initial = spec.initialCapital().doubleValue();
            double totalReturn = ratio(finalEquity, spec.initialCapital());
            Double cagr = Statistics.annualizedReturn(initial, finalEquity.doubleValue(), days[0],
                    days[days.length - 1]);
            int end = drawdown.end(days.length);
            TradeFigures figures = TradeFigures.of(trades);
            return new Metrics(totalReturn, cagr, Statistics.volatility(returns, periodsPerYear),
                    Statistics.sharpe(returns, riskFree, periodsPerYear),
                    Statistics.sortino(returns, riskFree, periodsPerYear),
                    cagr == null || drawdown.max() == 0 ? null : cagr / drawdown.max(), drawdown.max(),
                    days[drawdown.peak()], days[drawdown.trough()],
                    drawdown.recovery() < 0 ? null : days[drawdown.recovery()], end - drawdown.peak(),
                    ChronoUnit.DAYS.between(days[drawdown.peak()], days[end]), figures.winRate(),
                    figures.profitFactor(), figures.expectancy(), trades.size(), figures.winners(),
                    figures.losers(), figures.averageBars(), figures.averageDays(), exposure(),
                    spec.riskFreeRate(), periodsPerYear, blocked());
        }

        private Benchmark benchmark(PortfolioCurve.Curve curve, BigDecimal finalEquity, double strategyReturn) {
            double[] returns = Statistics.periodReturns(curve.equity());
            int periodsPerYear = spec.periodsPerYear();
            LocalDate[] days = curve.days();
            double totalReturn = ratio(finalEquity, spec.initialCapital());
            return new Benchmark(totalReturn, Statistics.annualizedReturn(spec.initialCapital().doubleValue(),
                    finalEquity.doubleValue(), days[0], days[days.length - 1]),
                    Statistics.volatility(returns, periodsPerYear),
                    Statistics.sharpe(returns, spec.riskFreeRate() / periodsPerYear, periodsPerYear),
                    Statistics.drawdown(curve.equity()).max(), finalEquity, strategyReturn - totalReturn);
        }

        private static Summary summary(Metrics m) {
            return new Summary(m.totalReturn(), m.annualizedReturn(), m.maxDrawdown(), m.sharpeRatio(), m.winRate(),
                    m.totalTrades());
        }

        private Fees fees() {
            BigDecimal commission = sum(Sleeve.Outcome::commission);
            BigDecimal stampTax = sum(Sleeve.Outcome::stampTax);
            BigDecimal slippage = sum(Sleeve.Outcome::slippage);
            return new Fees(commission, stampTax, slippage, commission.add(stampTax).add(slippage));
        }

        private BigDecimal sum(Function<Sleeve.Outcome, BigDecimal> part) {
            return outcomes.stream().map(part).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        private double exposure() {
            long inMarket = outcomes.stream().mapToLong(Sleeve.Outcome::barsInMarket).sum();
            long bars = outcomes.stream().mapToLong(o -> o.days().length).sum();
            return (double) inMarket / bars;
        }

        private BlockedOrders blocked() {
            return outcomes.stream().map(Sleeve.Outcome::blockedOrders).reduce(BlockedOrders.NONE,
                    BlockedOrders::plus);
        }

        private List<SymbolReport> reports() {
            List<SymbolReport> reports = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                Sleeve.Outcome o = outcomes.get(i);
                Execution execution = o.execution();
                LocalDate[] days = o.days();
                reports.add(new SymbolReport(o.input().symbol(), execution.market().name(), execution.lotSize(),
                        execution.priceLimit(), execution.tPlusOne(), execution.stampTax(), days.length, days[0],
                        days[days.length - 1], allocation, o.finalEquity(), ratio(o.finalEquity(), allocation),
                        ratio(benchmarks.get(i).finalEquity(), allocation), o.trades().size(),
                        (double) o.barsInMarket() / days.length, o.blockedOrders()));
            }
            return reports;
        }

        private static double ratio(BigDecimal end, BigDecimal start) {
            return end.divide(start, MathContext.DECIMAL64).doubleValue() - 1;
        }

        /** Every {@code step}-th point and the last, at most {@link #MAX_CURVE_POINTS}. */
        private static Sampled sample(PortfolioCurve.Curve curve, Statistics.Drawdown drawdown) {
            int points = curve.days().length;
            int step = points <= MAX_CURVE_POINTS ? 1 : Math.ceilDiv(points - 1, MAX_CURVE_POINTS - 2);
            List<EquityPoint> sampled = new ArrayList<>(Math.min(points, MAX_CURVE_POINTS));
            for (int t = 0; t < points; t += step) {
                sampled.add(point(curve, drawdown, t));
            }
            if ((points - 1) % step != 0) {
                sampled.add(point(curve, drawdown, points - 1));
            }
            return new Sampled(sampled, step);
        }

        private static EquityPoint point(PortfolioCurve.Curve curve, Statistics.Drawdown drawdown, int t) {
            return EquityPoint.of(curve.days()[t], curve.equity()[t], drawdown.series()[t]);
        }
    }

    private record Sampled(List<EquityPoint> points, int step) {
    }

    /** The figures of the closed trades. */
    private record TradeFigures(Double winRate, Double profitFactor, Double expectancy, int winners, int losers,
                                Double averageBars, Double averageDays) {

        static TradeFigures of(List<Trade> trades) {
            if (trades.isEmpty()) {
                return new TradeFigures(null, null, null, 0, 0, null, null);
            }
            BigDecimal profit = BigDecimal.ZERO;
            BigDecimal loss = BigDecimal.ZERO;
            int winners = 0;
            int losers = 0;
            long bars = 0;
            long days = 0;
            for (Trade trade : trades) {
                if (trade.pnl().signum() > 0) {
                    winners++;
                    profit = profit.add(trade.pnl());
                } else if (trade.pnl().signum() < 0) {
                    losers++;
                    loss = loss.add(trade.pnl().negate());
                }
                bars += trade.holdingBars();
                days += ChronoUnit.DAYS.between(trade.entryDate(), trade.exitDate());
            }
            int count = trades.size();
            Double profitFactor = loss.signum() == 0 ? null : profit.divide(loss, MathContext.DECIMAL64).doubleValue();
            double expectancy = profit.subtract(loss).divide(BigDecimal.valueOf(count), MathContext.DECIMAL64)
                    .doubleValue();
            return new TradeFigures((double) winners / count, profitFactor, expectancy, winners, losers,
                    (double) bars / count, (double) days / count);
        }
    }
}
