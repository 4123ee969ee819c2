package io.mystocks.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API accepts exactly the parameters the workers run: its catalog is compared with the schema
 * the strategy-worker module publishes ({@code strategies.json}), when that module is beside this one.
 */
class StrategyCatalogTest {
    private static final Path WORKER_SCHEMA =
            Path.of("../strategy-worker/src/main/resources/io/mystocks/worker/strategies.json");

    private final StrategyCatalog catalog = StrategyCatalog.standard();

    @Test
    void everyStrategyAndParameterMatchesWhatTheWorkersRun() throws IOException {
        Assumptions.assumeTrue(Files.exists(WORKER_SCHEMA), "the strategy-worker module is not beside this one");
        JsonNode workers = Json.mapper().readTree(Files.readString(WORKER_SCHEMA));

        List<String> workerIds = new ArrayList<>();
        for (JsonNode strategy : workers) {
            String id = strategy.get("strategy_id").asString();
            workerIds.add(id);
            StrategyDefinition ours = catalog.find(id).orElseThrow(() -> new AssertionError("missing " + id));
            assertThat(ours.kind()).as(id).isEqualTo(strategy.get("kind").asString());
            List<String> names = new ArrayList<>();
            strategy.get("parameters").forEach(p -> names.add(p.get("name").asString()));
            assertThat(ours.paramNames()).as(id).containsExactlyElementsOf(names);
            strategy.get("parameters").forEach(p -> assertSameParameter(id, ours.param(p.get("name").asString()), p));
        }

        assertThat(catalog.ids()).containsExactlyInAnyOrderElementsOf(workerIds);
    }

    private static void assertSameParameter(String strategy, ParamSpec ours, JsonNode theirs) {
        String where = strategy + "." + ours.name();
        assertThat(ours.type().schemaType).as(where).isEqualTo(theirs.get("type").asString());
        assertThat(ours.type().format).as(where).isEqualTo(theirs.has("format") ? theirs.get("format").asString()
                : null);
        assertSameNumber(where + " min", ours.min(), theirs.get("min"));
        assertSameNumber(where + " max", ours.max(), theirs.get("max"));
        JsonNode defaultValue = theirs.get("default");
        if (defaultValue == null) {
            assertThat(ours.defaultValue()).as(where + " default").isNull();
        } else if (defaultValue.isNumber()) {
            assertThat(new BigDecimal(ours.defaultValue().toString())).as(where + " default")
                    .isEqualByComparingTo(defaultValue.decimalValue());
        } else {
            JsonNode oursAsJson = Json.mapper().valueToTree(ours.defaultValue());
            assertThat(oursAsJson.equals(defaultValue)).as(where + " default " + oursAsJson).isTrue();
        }
        List<String> allowed = new ArrayList<>();
        if (theirs.has("allowed")) {
            theirs.get("allowed").forEach(a -> allowed.add(a.asString()));
        }
        assertThat(ours.allowed()).as(where + " allowed").containsExactlyElementsOf(allowed);
    }

    private static void assertSameNumber(String where, BigDecimal ours, JsonNode theirs) {
        if (theirs == null) {
            assertThat(ours).as(where).isNull();
        } else {
            assertThat(ours).as(where).isEqualByComparingTo(theirs.decimalValue());
        }
    }
}
