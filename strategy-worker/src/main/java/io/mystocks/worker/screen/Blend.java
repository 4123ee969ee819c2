package io.mystocks.worker.screen;

import io.mystocks.contracts.Fundamentals;
import java.util.HashMap;
import java.util.Map;

/** A whole sub-score used as one part of another score; its value and its score are the sub-score. */
record Blend(String name, double weight, Scoring scoring) implements Component {

    @Override
    public Map<String, Part> evaluate(Map<String, Fundamentals> universe) {
        Map<String, Part> parts = new HashMap<>();
        scoring.score(universe).forEach((symbol, scored) -> {
            double score = Scoring.round(scored.score());
            parts.put(symbol, new Part(score, score, weight));
        });
        return parts;
    }
}
