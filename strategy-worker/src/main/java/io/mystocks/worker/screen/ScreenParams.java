package io.mystocks.worker.screen;

import io.mystocks.worker.strategy.InvalidParamsException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameters every screen takes. Numbers may arrive as JSON numbers or as numeric strings.
 *
 * @param topN     how many of the best matches to return, 1 to {@value #MAX_TOP_N}, default
 *                 {@value #DEFAULT_TOP_N}
 * @param minScore the lowest score that matches, 0 to 100, default {@value #DEFAULT_MIN_SCORE}
 */
record ScreenParams(int topN, double minScore) {
    static final String TOP_N = "top_n";
    static final String MIN_SCORE = "min_score";
    static final int DEFAULT_TOP_N = 20;
    static final int MAX_TOP_N = 500;
    static final double DEFAULT_MIN_SCORE = 60;

    private static final Set<String> NAMES = Set.of(TOP_N, MIN_SCORE);

    /**
     * @throws InvalidParamsException for an unknown parameter or a value out of range
     */
    static ScreenParams parse(String strategyId, Map<String, Object> params) {
        for (String name : params.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidParamsException("unknown parameter \"" + name + "\" for strategy " + strategyId
                        + "; it accepts " + TOP_N + " and " + MIN_SCORE);
            }
        }
        int topN = wholeNumber(params.get(TOP_N), TOP_N, DEFAULT_TOP_N, MAX_TOP_N);
        double minScore = number(params.get(MIN_SCORE), MIN_SCORE, DEFAULT_MIN_SCORE);
        return new ScreenParams(topN, minScore);
    }

    /** The parameters as they were applied, defaults included, under their JSON names. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(TOP_N, topN);
        map.put(MIN_SCORE, minScore);
        return map;
    }

    private static int wholeNumber(Object raw, String name, int fallback, int max) {
        if (raw == null) {
            return fallback;
        }
        BigDecimal value = decimal(raw);
        if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidParamsException(name + " must be a whole number from 1 to " + max + "; got "
                    + shown(raw));
        }
        return value.intValueExact();
    }

    private static double number(Object raw, String name, double fallback) {
        if (raw == null) {
            return fallback;
        }
        BigDecimal value = decimal(raw);
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidParamsException(name + " must be a number from 0 to 100; got " + shown(raw));
        }
        return value.doubleValue();
    }

    /** The value as a decimal, or null when it is not a number. */
    private static BigDecimal decimal(Object raw) {
        if (!(raw instanceof Number) && !(raw instanceof String)) {
            return null;
        }
        try {
            return new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shown(Object raw) {
        return raw instanceof String ? "\"" + raw + "\"" : String.valueOf(raw);
    }
}
