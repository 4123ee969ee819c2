package io.mystocks.worker.strategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every strategy this worker can run, by id. */
@Component
public final class StrategyCatalog {
    private final Map<String, Strategy> byId;

    public StrategyCatalog(List<Strategy> strategies) {
        this.byId = strategies.stream().collect(Collectors.toMap(Strategy::id, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("two strategies share the id " + a.id());
                }, TreeMap::new));
    }

    public Optional<Strategy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every strategy's descriptor, by id: the document behind the strategy list. */
    public List<StrategyDescriptor> descriptors() {
        return byId.values().stream().map(Strategy::descriptor).toList();
    }

    /** The ids, sorted. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
