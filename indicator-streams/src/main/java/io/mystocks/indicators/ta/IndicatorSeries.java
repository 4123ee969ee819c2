package io.mystocks.indicators.ta;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.IndicatorValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;
import org.ta4j.core.num.NumFactory;

/**
 * A ta4j bar series of one symbol and interval, the closed bars of its history followed by the
 * forming bar, with the indicators of {@link IndicatorCatalogue} over it. ta4j caches every indicator
 * value of a closed bar, so an update costs one new value per indicator.
 *
 * <p>Indicators use ta4j's double numbers: their outputs are statistics published as doubles, and
 * doubles keep the arithmetic cheap; the bars themselves stay exact decimals.
 *
 * <p>A value is published only once the indicator has warmed up and is finite; before that its
 * {@code outputs} are empty and {@code ready} is false. JSON has no NaN, and a number before the warm-up
 * would invite being read as a signal.
 *
 * <p>Not thread-safe: one stream task owns it.
 */
public final class IndicatorSeries {
    private static final String VALUE = "value";

    private final BarSeries series;
    private final Map<String, Indicator<Num>> indicators = new LinkedHashMap<>();
    private boolean hasForming;

    private IndicatorSeries(int maxBars) {
        this.series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance())
                .withMaxBarCount(maxBars).build();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        for (IndicatorCatalogue.Definition definition : IndicatorCatalogue.ALL) {
            indicators.put(definition.name(), definition.factory().apply(close));
        }
    }

    /**
     * A series of closed bars, oldest first, and the forming bar after them if there is one.
     *
     * @param historySize how many closed bars to keep; one more slot holds the forming bar
     */
    public static IndicatorSeries of(List<Bar> closed, Bar forming, int historySize) {
        IndicatorSeries result = new IndicatorSeries(historySize + 1);
        for (Bar bar : closed) {
            if (!result.appendClosed(bar)) {
                throw new IllegalArgumentException("closed bars are not in time order at " + bar.key());
            }
        }
        if (forming != null && !result.putForming(forming)) {
            throw new IllegalArgumentException("forming bar " + forming.key() + " does not follow the history");
        }
        return result;
    }

    /**
     * Appends a bar that just closed: it replaces the forming bar of the same start, or follows the last
     * closed bar. False when it fits neither, and the series must be rebuilt from the store.
     */
    public boolean appendClosed(Bar bar) {
        if (hasForming) {
            if (!isLast(bar)) {
                return false;
            }
            series.addBar(toTa4j(bar), true);
            hasForming = false;
            return true;
        }
        if (!follows(bar)) {
            return false;
        }
        series.addBar(toTa4j(bar));
        return true;
    }

    /**
     * Sets the forming bar: replaces the forming bar of the same start, or follows the last closed bar.
     * False when it fits neither, and the series must be rebuilt from the store.
     */
    public boolean putForming(Bar bar) {
        if (hasForming) {
            if (!isLast(bar)) {
                return false;
            }
            series.addBar(toTa4j(bar), true);
            return true;
        }
        if (!follows(bar)) {
            return false;
        }
        series.addBar(toTa4j(bar));
        hasForming = true;
        return true;
    }

    public int barCount() {
        return series.getBarCount();
    }

    /** Every indicator's value at the latest bar, by name. */
    public Map<String, IndicatorValue> values() {
        if (series.isEmpty()) {
            return Map.of();
        }
        int end = series.getEndIndex();
        int available = series.getBarCount();
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        indicators.forEach((name, indicator) -> values.put(name, valueOf(indicator, end, available)));
        return values;
    }

    private static IndicatorValue valueOf(Indicator<Num> indicator, int index, int available) {
        int warmup = indicator.getCountOfUnstableBars() + 1;
        Num value = indicator.getValue(index);
        double number = Num.isNaNOrNull(value) ? Double.NaN : value.doubleValue();
        if (available < warmup || !Double.isFinite(number)) {
            return new IndicatorValue(Map.of(), warmup, available, false);
        }
        return IndicatorValue.of(Map.of(VALUE, number), warmup, available);
    }

    private boolean isLast(Bar bar) {
        return !series.isEmpty() && series.getLastBar().getBeginTime().equals(bar.openTime());
    }

    private boolean follows(Bar bar) {
        return series.isEmpty() || !bar.openTime().isBefore(series.getLastBar().getEndTime());
    }

    private org.ta4j.core.Bar toTa4j(Bar bar) {
        NumFactory num = series.numFactory();
        return new BaseBar(Duration.between(bar.openTime(), bar.closeTime()), bar.openTime(), bar.closeTime(),
                num.numOf(bar.open()), num.numOf(bar.high()), num.numOf(bar.low()), num.numOf(bar.close()),
                num.numOf(bar.volume()), num.numOf(bar.amount()), bar.trades());
    }
}
