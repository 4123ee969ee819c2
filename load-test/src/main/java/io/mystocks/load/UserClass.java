package io.mystocks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's user classes and their tasks. The seed report gives request counts per endpoint, not its
 * script, so the classes are the endpoint families, each task's weight is its endpoint's count, and a
 * class's share of the users is its share of all task executions: every user runs one task per think
 * time, so executions grow with users. A strategy task is the POST and then the GET of its result, one
 * execution; the CSRF token is fetched outside the tasks, at start and after a 403.
 */
enum UserClass {
    MARKET_DATA("market data users", Route.STOCK, Route.KLINE, Route.REALTIME, Route.BATCH_REALTIME),
    INDICATORS("indicator users", Route.INDICATOR, Route.INDICATORS_ALL, Route.TECHNICAL_ANALYSIS),
    CACHE("cache users", Route.CACHE_STATS, Route.CACHE_INFO, Route.CACHE_CLEAR),
    STRATEGY("strategy users", Route.STRATEGIES, Route.STRATEGY_EXECUTE),
    GENERAL("general users", Route.ROOT, Route.HEALTH);

    private final String scenarioName;
    private final List<Route> tasks;

    UserClass(String scenarioName, Route... tasks) {
        this.scenarioName = scenarioName;
        this.tasks = List.of(tasks);
    }

    String scenarioName() {
        return scenarioName;
    }

    List<Route> tasks() {
        return tasks;
    }

    long executions() {
        return tasks.stream().mapToLong(Route::seedRequests).sum();
    }

    /**
     * Splits {@code users} over the classes in proportion to their executions, by largest remainder so that
     * the counts add up; every class gets at least one user when there are enough users for all.
     */
    static Map<UserClass, Integer> split(int users) {
        long total = Arrays.stream(values()).mapToLong(UserClass::executions).sum();
        Map<UserClass, Integer> counts = new EnumMap<>(UserClass.class);
        List<UserClass> byRemainder = new ArrayList<>(List.of(values()));
        int assigned = 0;
        for (UserClass userClass : values()) {
            int share = (int) (users * userClass.executions() / total);
            counts.put(userClass, share);
            assigned += share;
        }
        byRemainder.sort((a, b) -> Long.compare(remainder(b, users, total), remainder(a, users, total)));
        for (int i = 0; assigned < users; i++, assigned++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        if (users >= values().length) {
            counts.replaceAll((userClass, count) -> Math.max(count, 1));
            trimLargest(counts, users);
        }
        return counts;
    }

    private static long remainder(UserClass userClass, int users, long total) {
        return users * userClass.executions() % total;
    }

    private static void trimLargest(Map<UserClass, Integer> counts, int users) {
        int excess = counts.values().stream().mapToInt(Integer::intValue).sum() - users;
        while (excess-- > 0) {
            UserClass largest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            counts.merge(largest, -1, Integer::sum);
        }
    }
}
