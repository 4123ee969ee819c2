package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.worker.market.DataVersion;
import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.ParamSpec;
import io.mystocks.worker.strategy.ParamValues;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters every backtest takes besides its rule's own, and what they mean once bound.
 *
 * @param symbols   1 to 20 distinct symbols, sharing the capital equally
 * @param startDate the first trading day to use, or null for the oldest bar held
 * @param endDate   the last trading day to use, or null for the newest closed bar
 */
record BacktestParams(List<String> symbols, Interval interval, LocalDate startDate, LocalDate endDate,
                      Costs costs) {
    static final String SYMBOLS = "symbols";
    static final String INTERVAL = "interval";
    static final String START_DATE = "start_date";
    static final String END_DATE = "end_date";
    static final String INITIAL_CAPITAL = "initial_capital";
    static final String RISK_FREE_RATE = "risk_free_rate";

    static final List<ParamSpec> COMMON = List.of(
            ParamSpec.symbols(SYMBOLS, List.of("600519"), 1, 20,
                    "symbols to trade; the capital is split equally between them"),
            ParamSpec.choice(INTERVAL, "1d", List.of("1d", "1w", "1M"),
                    "bar interval; daily, weekly and monthly are accepted too"),
            ParamSpec.date(START_DATE, "first trading day to use; default: the oldest bar held"),
            ParamSpec.date(END_DATE, "last trading day to use; default: the newest closed bar"),
            ParamSpec.number(INITIAL_CAPITAL, "1000000", "1000", "1000000000000",
                    "starting cash, in the symbols' currency"),
            ParamSpec.number("commission", "0.0003", "0", "0.01", "commission rate on the traded value, both sides"),
            ParamSpec.number("min_commission", "0", "0", "1000",
                    "least commission per fill, such as 5 for a CN broker; 0 for none"),
            ParamSpec.number("stamp_tax", null, "0", "0.01",
                    "tax rate on the value sold; default 0.001 for CN symbols and 0 for US symbols"),
            ParamSpec.number("slippage", "0.001", "0", "0.05",
                    "fill price distance from the open, against the trader, as a fraction"),
            ParamSpec.number(RISK_FREE_RATE, "0", "0", "0.2", "annual risk-free rate for Sharpe and Sortino"));

    /** Maps the interval's aliases (daily, weekly, monthly, 1day...) to its code before binding. */
    static Map<String, Object> normalized(Map<String, Object> raw) {
        Object interval = raw.get(INTERVAL);
        if (!(interval instanceof String text)) {
            return raw;
        }
        Optional<Interval> parsed = Interval.parse(text).filter(i -> !i.isIntraday());
        if (parsed.isEmpty()) {
            return raw;
        }
        Map<String, Object> copy = new HashMap<>(raw);
        copy.put(INTERVAL, parsed.get().code());
        return copy;
    }

    /**
     * @throws InvalidParamsException when the dates are out of order
     */
    static BacktestParams of(ParamValues values) {
        LocalDate start = values.date(START_DATE);
        LocalDate end = values.date(END_DATE);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidParamsException("start_date must not be after end_date; got " + start + " and " + end);
        }
        Costs costs = new Costs(values.decimal("commission"), values.decimal("min_commission"),
                values.decimal("stamp_tax"), values.decimal("slippage"));
        Interval interval = Interval.parse(values.text(INTERVAL)).orElseThrow();
        return new BacktestParams(values.list(SYMBOLS), interval, start, end, costs);
    }

    /** The range in words, for messages: "between 2024-01-01 and 2024-06-30", "since ...", "in all". */
    String range() {
        if (startDate != null && endDate != null) {
            return "between " + startDate + " and " + endDate;
        }
        if (startDate != null) {
            return "since " + startDate;
        }
        return endDate != null ? "up to " + endDate : "at all";
    }

    /** Whether a trading day is inside the range. */
    boolean contains(LocalDate day) {
        return (startDate == null || !day.isBefore(startDate)) && (endDate == null || !day.isAfter(endDate));
    }

    /** The bars whose trading day is inside the range, in their order: without a range, the list itself. */
    List<Bar> within(List<Bar> bars) {
        if (startDate == null && endDate == null) {
            return bars;
        }
        return bars.stream().filter(bar -> contains(DataVersion.tradingDay(bar))).toList();
    }

    /** The interval as a word: daily, weekly or monthly. */
    String intervalWord() {
        return switch (interval) {
            case W1 -> "weekly";
            case MN1 -> "monthly";
            default -> "daily";
        };
    }
}
