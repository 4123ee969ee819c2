package io.mystocks.worker.screen;

import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.LatestQuote;
import io.mystocks.worker.market.MarketSnapshot;
import io.mystocks.worker.screen.Scoring.Scored;
import io.mystocks.worker.strategy.Progress;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyDescriptor;
import io.mystocks.worker.strategy.StrategyRun;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A screen: scores every listed instrument that has the screen's input (its fundamentals, or its daily
 * bars) with one {@link Scoring}, keeps those scoring at least {@code min_score}, and returns the best
 * {@code top_n} by score, then symbol. Instruments without the input are skipped and counted.
 *
 * @param <T> what the screen scores each symbol on
 */
final class Screen<T> implements Strategy {
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed().thenComparing(Candidate::symbol);

    private final StrategyDescriptor descriptor;
    private final String id;
    private final ScreenInput<T> input;
    private final Scoring<T> scoring;
    private final Clock clock;

    Screen(StrategyDescriptor descriptor, ScreenInput<T> input, Scoring<T> scoring, Clock clock) {
        this.descriptor = descriptor;
        this.id = descriptor.strategyId();
        this.input = input;
        this.scoring = scoring;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public StrategyRun plan(Map<String, Object> params) {
        ScreenParams parsed = ScreenParams.parse(id, params);
        return (market, progress) -> run(parsed, market, progress);
    }

    ScreenResult run(ScreenParams params, MarketSnapshot market, Progress progress) {
        Map<String, Instrument> universe = market.instruments();
        progress.report(0.05, "screening " + universe.size() + " symbols");
        Map<String, T> evaluated = inputs(market);

        Map<String, Scored> scores = scoring.score(evaluated, progress, 0.05, 0.9);

        List<Candidate> matches = new ArrayList<>();
        scores.forEach((symbol, scored) -> {
            if (scored.score() >= params.minScore()) {
                matches.add(new Candidate(symbol, scored));
            }
        });
        matches.sort(BEST_FIRST);
        List<ScreenResult.Item> items = items(matches.stream().limit(params.topN()).toList(), market);
        progress.report(0.95, "ranked " + matches.size() + " matches");

        return new ScreenResult(id, ScreenResult.KIND, clock.instant(), params.asMap(), universe.size(),
                evaluated.size(), universe.size() - evaluated.size(), matches.size(), items);
    }

    private Map<String, T> inputs(MarketSnapshot market) {
        Map<String, T> evaluated = new TreeMap<>();
        for (String symbol : market.instruments().keySet()) {
            input.of(symbol, market).ifPresent(value -> evaluated.put(symbol, value));
        }
        return evaluated;
    }

    private static List<ScreenResult.Item> items(List<Candidate> best, MarketSnapshot market) {
        List<ScreenResult.Item> items = new ArrayList<>(best.size());
        for (Candidate candidate : best) {
            Instrument instrument = market.instruments().get(candidate.symbol());
            LatestQuote quote = market.quotes().get(candidate.symbol());
            BigDecimal price = quote == null ? null : quote.price();
            items.add(new ScreenResult.Item(items.size() + 1, candidate.symbol(), instrument.name(),
                    instrument.sector(), candidate.score(), candidate.scored().parts(), price));
        }
        return items;
    }

    private record Candidate(String symbol, Scored scored) {
        double score() {
            return scored.score();
        }
    }
}
