package io.mystocks.api.indicators;

import io.mystocks.api.market.MarketReads;
import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import io.mystocks.contracts.Interval;
import io.mystocks.ta.IndicatorCatalogue;
import io.mystocks.ta.IndicatorInstance;
import io.mystocks.ta.IndicatorRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * A validated request for one indicator's series. {@code interval}, {@code period} and {@code limit} read as
 * k-lines read them; every other query parameter is a parameter of the indicator, matched without regard to
 * case as the catalogue matches it.
 */
record IndicatorRequest(String symbol, Interval interval, int limit, IndicatorInstance instance) {
    private static final Set<String> OWN_PARAMETERS = Set.of("interval", "period", "limit");

    /** Parses the request, reporting the problems of interval, limit and the indicator together. */
    static IndicatorRequest parse(String symbol, String indicator, String interval, String period, String limit,
                                  MultiValueMap<String, String> query, MarketReads reads) {
        List<FieldViolation> violations = new ArrayList<>();
        Interval parsedInterval = reads.interval(interval, period, violations);
        int parsedLimit = reads.limit(limit, violations);
        Map<String, String> parameters = parameters(query, violations);
        IndicatorInstance instance = null;
        try {
            instance = IndicatorCatalogue.standard().resolve(indicator, parameters);
        } catch (IndicatorRequestException e) {
            violations.add(violation(e));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new IndicatorRequest(symbol, parsedInterval, parsedLimit, instance);
    }

    /** The catalogue's refusal as a field error: the field is the parameter, or {@code indicator}. */
    static FieldViolation violation(IndicatorRequestException e) {
        return new FieldViolation(e.field(), e.reason().name(), e.getMessage());
    }

    /** The cache key: the instance key covers aliases and defaults, so MA and SMA?timeperiod=20 share it. */
    String cacheKey() {
        return symbol + '|' + interval.code() + '|' + instance.key() + '|' + limit;
    }

    private static Map<String, String> parameters(MultiValueMap<String, String> query,
                                                  List<FieldViolation> violations) {
        Map<String, String> parameters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (OWN_PARAMETERS.contains(name)) {
                return;
            }
            if (values.size() > 1 || parameters.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                violations.add(new FieldViolation(name, "DUPLICATE", "parameter " + name
                        + " is given more than once; send each indicator parameter once"));
                return;
            }
            parameters.put(name, values.getFirst());
        });
        return parameters;
    }
}
