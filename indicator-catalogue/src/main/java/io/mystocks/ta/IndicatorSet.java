package io.mystocks.ta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instances a snapshot holds, by {@link IndicatorInstance#key() key}, in order. Specs name an instance
 * as {@code NAME} or {@code NAME:param=value,param=value}, such as {@code MA:timeperiod=5}.
 */
public final class IndicatorSet {
    private static final List<String> STANDARD_SPECS = List.of(
            "SMA:timeperiod=5", "SMA:timeperiod=10", "SMA:timeperiod=20", "SMA:timeperiod=30", "SMA:timeperiod=60",
            "EMA:timeperiod=12", "EMA:timeperiod=20", "EMA:timeperiod=26", "MACD",
            "RSI:timeperiod=6", "RSI:timeperiod=12", "RSI:timeperiod=14", "RSI:timeperiod=24",
            "KDJ", "BBANDS", "ATR", "ADX", "CCI", "WILLR", "ROC", "MOM", "OBV", "VWAP", "SAR", "MFI",
            "VOLUME_MA:timeperiod=5", "VOLUME_MA:timeperiod=10");
    private static final IndicatorSet STANDARD = parse(STANDARD_SPECS);

    private final List<IndicatorInstance> instances;
    private final int maxWarmupBars;

    private IndicatorSet(List<IndicatorInstance> instances) {
        this.instances = List.copyOf(instances);
        Set<String> keys = new HashSet<>();
        for (IndicatorInstance instance : instances) {
            if (!keys.add(instance.key())) {
                throw new IllegalArgumentException("instance " + instance.key() + " is in the set twice");
            }
        }
        this.maxWarmupBars = instances.stream().mapToInt(IndicatorInstance::warmupBars).max().orElse(0);
    }

    /**
     * What indicator-streams publishes for every symbol and interval: SMA 5/10/20/30/60, EMA 12/20/26, MACD,
     * RSI 6/12/14/24, KDJ, BBANDS, ATR, ADX (+DI, -DI), CCI, WILLR, ROC, MOM, OBV, VWAP, SAR, MFI and
     * VOLUME_MA 5/10, all at their defaults unless named.
     */
    public static IndicatorSet standard() {
        return STANDARD;
    }

    public static IndicatorSet of(List<IndicatorInstance> instances) {
        return new IndicatorSet(instances);
    }

    /**
     * A set from specs resolved against the standard catalogue.
     *
     * @throws IndicatorRequestException when a spec names an unknown indicator or parameter or a bad value
     */
    public static IndicatorSet parse(List<String> specs) {
        List<IndicatorInstance> instances = new ArrayList<>(specs.size());
        for (String spec : specs) {
            instances.add(resolve(spec));
        }
        return new IndicatorSet(instances);
    }

    public List<IndicatorInstance> instances() {
        return instances;
    }

    /** The longest warm-up of the set: a series shorter than this leaves some instance not ready. */
    public int maxWarmupBars() {
        return maxWarmupBars;
    }

    private static IndicatorInstance resolve(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : spec.substring(colon + 1).split(",")) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("indicator spec '" + spec + "': expected param=value, was '"
                            + pair + "'");
                }
                parameters.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return IndicatorCatalogue.standard().resolve(name, parameters);
    }
}
