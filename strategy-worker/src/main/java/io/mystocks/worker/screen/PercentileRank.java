package io.mystocks.worker.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-sectional percentile ranks on a 0 to 100 scale: the worst value of the universe scores 0,
 * the best 100, the others in proportion to their rank. Tied values share the mean of their ranks, so
 * equal inputs always score equally; a universe of one value, or of equal values, scores 50.
 */
final class PercentileRank {
    static final double NEUTRAL = 50;

    private PercentileRank() {
    }

    /**
     * @param values         finite values by symbol
     * @param higherIsBetter whether a larger value ranks higher
     */
    static Map<String, Double> of(Map<String, Double> values, boolean higherIsBetter) {
        Comparator<Map.Entry<String, Double>> worstFirst = Map.Entry.comparingByValue();
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(higherIsBetter ? worstFirst : worstFirst.reversed());

        Map<String, Double> scores = new HashMap<>();
        int count = sorted.size();
        for (int first = 0; first < count; ) {
            int last = lastTied(sorted, first);
            double score = count == 1 ? NEUTRAL : 100.0 * ((first + last) / 2.0) / (count - 1);
            for (int i = first; i <= last; i++) {
                scores.put(sorted.get(i).getKey(), score);
            }
            first = last + 1;
        }
        return scores;
    }

    private static int lastTied(List<Map.Entry<String, Double>> sorted, int first) {
        double value = sorted.get(first).getValue();
        int last = first;
        while (last + 1 < sorted.size() && Double.compare(sorted.get(last + 1).getValue(), value) == 0) {
            last++;
        }
        return last;
    }
}
