package io.mystocks.worker;

import io.mystocks.contracts.Json;
import io.mystocks.worker.backtest.Backtests;
import io.mystocks.worker.screen.Screens;
import io.mystocks.worker.strategy.StrategyDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every strategy the worker runs, with its kind, description and parameter schema: the document behind
 * {@code GET /api/strategies}. The worker's jar also carries it as the resource {@value #RESOURCE},
 * which a test keeps equal to {@link #json()}, so that a service can serve it without depending on
 * this module's classes.
 */
public final class StrategyList {
    /** The classpath resource holding {@link #json()}. */
    public static final String RESOURCE = "/io/mystocks/worker/strategies.json";

    private StrategyList() {
    }

    /** The descriptors of every screen and backtest, by strategy id. */
    public static List<StrategyDescriptor> descriptors() {
        List<StrategyDescriptor> all = new ArrayList<>(Screens.descriptors());
        all.addAll(Backtests.descriptors());
        all.sort(Comparator.comparing(StrategyDescriptor::strategyId));
        return List.copyOf(all);
    }

    /** The descriptors as pretty-printed JSON (snake_case), ending with a new line. */
    public static String json() {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(descriptors()) + "\n";
    }

    /** Prints the document, to regenerate the resource. */
    public static void main(String[] args) {
        System.out.print(json());
    }
}
