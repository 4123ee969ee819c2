package io.mystocks.api.strategy;

import io.mystocks.api.web.ApiException;
import io.mystocks.api.web.FieldViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code POST /api/strategy/execute} body: a known strategy and its parameters with the
 * defaults filled in, in the order the strategy declares them. Optional parameters without a default
 * are left out unless the client set them.
 */
record ExecuteRequest(StrategyDefinition strategy, Map<String, Object> params) {
    private static final Set<String> FIELDS = Set.of("strategy_id", "params");

    ExecuteRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Checks the body against the catalog, reporting every problem at once. */
    static ExecuteRequest parse(JsonNode body, StrategyCatalog catalog) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object such as "
                    + "{\"strategy_id\": \"value\", \"params\": {\"top_n\": 20, \"min_score\": 60}}");
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                violations.add(new FieldViolation(field, "UNKNOWN_FIELD", "unknown field '" + field
                        + "'; the body has only strategy_id and params"));
            }
        }
        StrategyDefinition strategy = strategy(body.get("strategy_id"), catalog, violations);
        Map<String, Object> params = strategy == null ? Map.of() : params(body.get("params"), strategy, violations);
        if (violations.isEmpty()) {
            strategy.checks().forEach(check -> check.check(params, violations));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new ExecuteRequest(strategy, params);
    }

    private static StrategyDefinition strategy(JsonNode id, StrategyCatalog catalog,
                                               List<FieldViolation> violations) {
        String valid = String.join(", ", catalog.ids());
        if (id == null || id.isNull()) {
            violations.add(new FieldViolation("strategy_id", "REQUIRED", "strategy_id is required; use one of "
                    + valid));
            return null;
        }
        if (!id.isString() || !catalog.contains(id.asString())) {
            violations.add(new FieldViolation("strategy_id", "UNKNOWN_STRATEGY", "strategy_id " + id
                    + " is not a known strategy; use one of " + valid));
            return null;
        }
        return catalog.find(id.asString()).orElseThrow();
    }

    private static Map<String, Object> params(JsonNode given, StrategyDefinition strategy,
                                              List<FieldViolation> violations) {
        Map<String, Object> sent = new HashMap<>();
        if (given != null && !given.isNull() && !given.isObject()) {
            violations.add(new FieldViolation("params", "INVALID_TYPE", "params must be a JSON object of "
                    + strategy.paramNames() + ", got " + given));
        } else if (given != null && given.isObject()) {
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                accept(entry.getKey(), entry.getValue(), strategy, sent, violations);
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec spec : strategy.params()) {
            Object value = sent.containsKey(spec.name()) ? sent.get(spec.name()) : spec.defaultValue();
            if (value != null) {
                params.put(spec.name(), value);
            }
        }
        return params;
    }

    private static void accept(String name, JsonNode value, StrategyDefinition strategy, Map<String, Object> sent,
                               List<FieldViolation> violations) {
        String field = "params." + name;
        ParamSpec spec = strategy.param(name);
        if (spec == null) {
            violations.add(new FieldViolation(field, "UNKNOWN_PARAMETER", "'" + name + "' is not a parameter of "
                    + "strategy " + strategy.id() + "; its parameters are " + strategy.paramNames()));
            return;
        }
        int before = violations.size();
        Object accepted = spec.accept(value, field, violations);
        if (violations.size() == before) {
            // An optional parameter sent as null stays unset rather than taking no default.
            sent.put(name, accepted);
        }
    }
}
