package io.mystocks.worker.screen;

import java.util.HashMap;
import java.util.Map;

/** A whole sub-score used as one part of another score; its value and its score are the sub-score. */
record Blend<T>(String name, double weight, Scoring<T> scoring) implements Component<T> {

    @Override
    public Map<String, Part> evaluate(Map<String, T> universe) {
        Map<String, Part> parts = new HashMap<>();
        scoring.score(universe).forEach((symbol, scored) -> {
            double score = Scoring.round(scored.score());
            parts.put(symbol, new Part(score, score, weight));
        });
        return parts;
    }
}
