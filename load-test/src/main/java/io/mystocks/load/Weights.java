package io.mystocks.load;

import static io.gatling.javaapi.core.CoreDsl.percent;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Routes drawn at random in proportion to the seed's request counts, as Gatling's random switch wants. */
final class Weights {
    private static final double WHOLE = 100.0;

    private Weights() {
    }

    /**
     * Choices whose percentages add up to 100; the last takes what rounding left, so Gatling never sees a sum
     * above 100 and never skips a draw.
     */
    static List<Choice.WithWeight> choices(List<Route> routes, Function<Route, ChainBuilder> chain) {
        double total = routes.stream().mapToDouble(Route::seedRequests).sum();
        List<Choice.WithWeight> choices = new ArrayList<>(routes.size());
        double given = 0;
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            boolean last = i == routes.size() - 1;
            double share = last ? Math.max(0, WHOLE - given) : WHOLE * route.seedRequests() / total;
            given += share;
            choices.add(percent(share).then(chain.apply(route)));
        }
        return choices;
    }
}
