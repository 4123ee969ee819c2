package io.mystocks.worker.backtest;

import io.mystocks.worker.market.DataVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The result document of a backtest, stored as the job's result and serialised with the shared JSON
 * mapper (snake_case). Returns, drawdowns, rates and exposure are fractions (0.12 is 12 %), except a
 * trade's {@code return_pct}, which is in percent as the old clients expect. Money is exact to the cent;
 * statistics are doubles, null where undefined (no trades, no losses, no volatility). Dates are trading
 * days.
 *
 * @param params            the parameters as applied, defaults included
 * @param periods           points of the portfolio equity curve: one per trading day seen in the bars
 * @param summary           the figures old clients read
 * @param openPositions     positions still held at the end, marked at the last close; not in {@code trades}
 * @param equityCurve       the portfolio curve, downsampled to at most 1,000 points (every
 *                          {@code equity_curve_step}-th point and the last); statistics use every point
 * @param equityCurvePoints points of the full curve
 * @param data              the versions of the bars each symbol used
 */
public record BacktestResult(String strategyId, String kind, Map<String, Object> params, List<String> symbols,
                             String interval, LocalDate startDate, LocalDate endDate, int periods,
                             BigDecimal initialCapital, BigDecimal finalEquity, Summary summary, Metrics metrics,
                             Benchmark benchmark, Fees fees, ExecutionModel execution, List<SymbolReport> perSymbol,
                             List<Trade> trades, List<OpenPosition> openPositions, List<EquityPoint> equityCurve,
                             int equityCurvePoints, int equityCurveStep, List<DataVersion> data, Hashes hashes) {
    public static final String KIND = "backtest";

    public BacktestResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        symbols = List.copyOf(symbols);
        perSymbol = List.copyOf(perSymbol);
        trades = List.copyOf(trades);
        openPositions = List.copyOf(openPositions);
        equityCurve = List.copyOf(equityCurve);
        data = List.copyOf(data);
    }

    /** The old service's summary. */
    public record Summary(double totalReturn, Double annualizedReturn, double maxDrawdown, Double sharpeRatio,
                          Double winRate, int totalTrades) {
    }

    /**
     * Every figure of the portfolio.
     *
     * @param annualizedReturn          CAGR over the calendar days from the first to the last bar
     * @param volatility                sample standard deviation of period returns, annualised by
     *                                  {@code sqrt(periods_per_year)}
     * @param sharpeRatio               mean excess period return over its standard deviation, annualised
     * @param sortinoRatio              mean excess period return over the downside deviation (root mean square
     *                                  of the negative excess returns over all periods), annualised
     * @param calmarRatio               annualised return over maximum drawdown
     * @param maxDrawdown               the deepest fall from a peak of the equity curve
     * @param maxDrawdownPeak           the peak before the deepest fall
     * @param maxDrawdownTrough         the bottom of the deepest fall
     * @param maxDrawdownRecovery       when the equity regained the peak, or null if it has not
     * @param maxDrawdownDurationBars   periods from that peak to recovery, or to the end without one
     * @param maxDrawdownDurationDays   calendar days of the same stretch
     * @param winRate                   closed trades with a profit after fees, over closed trades
     * @param profitFactor              gross profit over gross loss of closed trades
     * @param expectancy                mean profit after fees per closed trade, in money
     * @param averageHoldingBars        mean bars from entry fill to exit fill
     * @param averageHoldingDays        mean calendar days from entry fill to exit fill
     * @param exposure                  fraction of symbol-bars that closed with a position held
     * @param blockedOrders             orders that could not fill when first tried
     */
    public record Metrics(double totalReturn, Double annualizedReturn, Double volatility, Double sharpeRatio,
                          Double sortinoRatio, Double calmarRatio, double maxDrawdown, LocalDate maxDrawdownPeak,
                          LocalDate maxDrawdownTrough, LocalDate maxDrawdownRecovery, int maxDrawdownDurationBars,
                          long maxDrawdownDurationDays, Double winRate, Double profitFactor, Double expectancy,
                          int totalTrades, int winningTrades, int losingTrades, Double averageHoldingBars,
                          Double averageHoldingDays, double exposure, double riskFreeRate, int periodsPerYear,
                          BlockedOrders blockedOrders) {
    }

    /**
     * Buying every symbol at the open of its first bar with the same allocation and the same costs on
     * that buy, and holding to the end.
     *
     * @param excessReturn the strategy's total return minus the benchmark's
     */
    public record Benchmark(double totalReturn, Double annualizedReturn, Double volatility, Double sharpeRatio,
                            double maxDrawdown, BigDecimal finalEquity, double excessReturn) {
    }

    /**
     * Costs paid by the strategy. Commission and stamp tax left the cash; slippage is what fills lost
     * against the opens, already inside the fill prices.
     *
     * @param total commission, stamp tax and slippage together
     */
    public record Fees(BigDecimal commission, BigDecimal stampTax, BigDecimal slippage, BigDecimal total) {
    }

    /** How the backtest traded, in words a client can show. */
    public record ExecutionModel(String signals, String fills, String allocation, String positionsAtEnd) {
        static final ExecutionModel STANDARD = new ExecutionModel(
                "evaluated on each bar's close, from the rules' warm-up on",
                "at the next bar's open with slippage; an order blocked by the price band or T+1 is tried again"
                        + " at each following open until it fills or the opposite signal cancels it",
                "initial capital split equally between the symbols; each symbol trades its own share, all in or"
                        + " all out, in whole board lots",
                "held positions are marked at the last close and listed in open_positions");
    }

    /** One symbol's part of the backtest. */
    public record SymbolReport(String symbol, String market, int lotSize, BigDecimal priceLimit, boolean tPlusOne,
                               BigDecimal stampTax, int bars, LocalDate firstDate, LocalDate lastDate,
                               BigDecimal allocation, BigDecimal finalEquity, double totalReturn,
                               double benchmarkReturn, int trades, double exposure, BlockedOrders blockedOrders) {
    }

    /**
     * Orders that could not fill when tried: a buy at or above the limit-up price or a sell at or below
     * the limit-down price ({@code price_limit}), a sell on the day of the buy ({@code t_plus_one}),
     * both tried again at the next open; a buy whose allocation pays for no whole lot
     * ({@code insufficient_cash}), dropped.
     */
    public record BlockedOrders(int priceLimit, int tPlusOne, int insufficientCash) {
        static final BlockedOrders NONE = new BlockedOrders(0, 0, 0);

        BlockedOrders plus(BlockedOrders other) {
            return new BlockedOrders(priceLimit + other.priceLimit, tPlusOne + other.tPlusOne,
                    insufficientCash + other.insufficientCash);
        }
    }

    /**
     * A closed round trip. Prices are the fills, slippage included.
     *
     * @param pnl         sell proceeds after commission and stamp tax minus the buy's cost with commission
     * @param returnPct   {@code pnl} over the buy's cost, in percent
     * @param fees        commission of both fills and the stamp tax
     * @param holdingBars bars from the entry fill to the exit fill
     */
    public record Trade(String symbol, LocalDate entryDate, LocalDate exitDate, BigDecimal entryPrice,
                        BigDecimal exitPrice, long quantity, BigDecimal pnl, double returnPct, BigDecimal fees,
                        int holdingBars) {
    }

    /**
     * A position still held at the end.
     *
     * @param unrealizedPnl market value minus the buy's cost with commission; selling would cost more
     */
    public record OpenPosition(String symbol, LocalDate entryDate, BigDecimal entryPrice, long quantity,
                               LocalDate lastDate, BigDecimal lastPrice, BigDecimal marketValue,
                               BigDecimal unrealizedPnl) {
    }

    /**
     * A point of the equity curve at a day's close, in cents; {@code drawdown} is the fall from the peak so far
     * as a fraction, to a millionth (the metrics keep the exact maximum).
     */
    @JsonSerialize(using = EquityPointSerializer.class)
    public record EquityPoint(LocalDate date, double equity, double drawdown) {
        static final int EQUITY_DECIMALS = 2;
        static final int DRAWDOWN_DECIMALS = 6;

        /** The point of an exact equity and drawdown, rounded as the curve shows them. */
        static EquityPoint of(LocalDate date, double equity, double drawdown) {
            return new EquityPoint(date, Math.round(equity * 100) / 100.0, Math.round(drawdown * 1e6) / 1e6);
        }
    }

    /**
     * SHA-256 digests (hex) showing that a rerun is identical: {@code inputs} of the strategy id and the
     * applied parameters as canonical JSON (sorted keys), {@code data} of the data versions, {@code trades}
     * of the trade list as JSON.
     */
    public record Hashes(String inputs, String data, String trades) {
    }
}
