package io.mystocks.indicators.ta;

import java.util.List;
import java.util.function.Function;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.num.Num;

/**
 * The indicators computed for every symbol and interval, by their published names.
 *
 * <p>The warm-up of each is ta4j's count of unstable bars plus one: the number of bars after which its
 * first stable value exists. SMA_20 needs 20 bars; ta4j's EMA_20 ignores its first 20 bars and seeds
 * itself with the 21st close, so it needs 21; RSI_14 needs 15.
 */
final class IndicatorCatalogue {
    static final List<Definition> ALL = List.of(
            new Definition("SMA_20", close -> new SMAIndicator(close, 20)),
            new Definition("EMA_20", close -> new EMAIndicator(close, 20)),
            new Definition("RSI_14", close -> new RSIIndicator(close, 14)));

    private IndicatorCatalogue() {
    }

    /** An indicator over the close prices, under its published name. */
    record Definition(String name, Function<Indicator<Num>, Indicator<Num>> factory) {
    }
}
