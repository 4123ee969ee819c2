package io.mystocks.worker.screen;

import java.util.List;

/** What the screen tests read off a result. */
final class ScreenResults {

    private ScreenResults() {
    }

    static List<String> symbols(ScreenResult result) {
        return result.items().stream().map(ScreenResult.Item::symbol).toList();
    }

    static List<Double> scores(ScreenResult result) {
        return result.items().stream().map(ScreenResult.Item::score).toList();
    }

    static ScreenResult.Item item(ScreenResult result, String symbol) {
        return result.items().stream().filter(i -> i.symbol().equals(symbol)).findFirst().orElseThrow();
    }
}
