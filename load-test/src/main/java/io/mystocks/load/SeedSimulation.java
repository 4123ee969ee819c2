package io.mystocks.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.mystocks.load.report.RunStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The old service's load test replayed: its user classes and task weights, 500 users started at 100 per
 * second, each fetching a CSRF token and then running one weighted task per think time (0.1 to 0.4 s,
 * uniform) until 60 s after the first user started. Settings: {@code users}, {@code rampRate} (users/s),
 * {@code duration}, {@code thinkMin}, {@code thinkMax} (seconds), {@code everyTaskFirst},
 * {@code localAddresses}, {@code symbols}, {@code warmup}.
 *
 * <p>With {@code warmup} seconds, the same users first run for that long in the group
 * {@link RunStats#WARM_UP_GROUP}, and each class's recorded users start when its warm-up users have finished.
 * A JVM load generator compiles its own hot code during its first seconds under load, on the cores the server
 * uses; warmed up in the same JVM, the recorded run measures the server rather than the generator's JIT.
 */
public class SeedSimulation extends Simulation {
    static final String USERS = "users";
    static final String RAMP_RATE = "rampRate";
    static final String DURATION = "duration";
    static final String THINK_MIN = "thinkMin";
    static final String THINK_MAX = "thinkMax";
    /** Each user runs every task of its class once before drawing at random: a short run covers all routes. */
    static final String EVERY_TASK_FIRST = "everyTaskFirst";
    /** Seconds of unrecorded load in this JVM before the recorded run; 0 for none. */
    static final String WARMUP = "warmup";

    /** 500 users at about four requests a second each would be one client over the API's per-client limit. */
    private static final int DEFAULT_LOCAL_ADDRESSES = 8;
    /** Time for the last requests to finish after the deadline before Gatling stops the run. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    public SeedSimulation() {
        Settings settings = Settings.current().forScenario(Scenario.SEED);
        int users = settings.integer(USERS, 500, 1);
        double rampRate = settings.decimal(RAMP_RATE, 100, 0.01);
        Duration duration = settings.seconds(DURATION, 60, 1);
        Duration thinkMin = settings.seconds(THINK_MIN, 0.1, 0);
        Duration thinkMax = settings.seconds(THINK_MAX, 0.4, 0);
        if (thinkMax.compareTo(thinkMin) < 0) {
            throw new IllegalArgumentException(THINK_MAX + " " + thinkMax + " is below " + THINK_MIN + " " + thinkMin);
        }

        boolean everyTaskFirst = Boolean.parseBoolean(settings.text(EVERY_TASK_FIRST, "false"));
        Duration warmup = settings.seconds(WARMUP, 0, 0);

        Requests requests = new Requests(MarketData.from(settings));
        Think think = new Think(thinkMin, thinkMax);
        Deadline deadline = new Deadline(duration);
        Deadline warmupDeadline = new Deadline(warmup);
        Duration ramp = Duration.ofMillis(Math.round(users / rampRate * 1000));
        List<PopulationBuilder> populations = UserClass.split(users).entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> {
                    UserClass userClass = entry.getKey();
                    PopulationBuilder recorded = population(entry, ramp, scenario(userClass.scenarioName())
                            .exec(userChain(userClass, requests, deadline, think, everyTaskFirst)));
                    if (warmup.isZero()) {
                        return recorded;
                    }
                    ScenarioBuilder warming = scenario(userClass.scenarioName() + " (warm-up)")
                            .exec(group(RunStats.WARM_UP_GROUP)
                                    .on(userChain(userClass, requests, warmupDeadline, think, false)));
                    return population(entry, ramp, warming).andThen(recorded);
                })
                .toList();

        Duration warmupBudget = warmup.isZero() ? Duration.ZERO : warmup.plus(GRACE);
        setUp(populations)
                .protocols(Protocols.http(settings, DEFAULT_LOCAL_ADDRESSES))
                .maxDuration(warmupBudget.plus(duration).plus(GRACE));
    }

    /** A user's life: a CSRF token, then one weighted task per think time while the deadline is open. */
    private static ChainBuilder userChain(UserClass userClass, Requests requests, Deadline deadline, Think think,
                                          boolean everyTaskFirst) {
        ChainBuilder start = requests.fetchToken();
        if (everyTaskFirst) {
            for (Route task : userClass.tasks()) {
                start = start.exec(feed(requests.data().feeder()), requests.task(task))
                        .pause(think.min(), think.max());
            }
        }
        return exec(start)
                .asLongAs(session -> deadline.open()).on(
                        feed(requests.data().feeder())
                                .exec(randomSwitch().on(Weights.choices(userClass.tasks(), requests::task)))
                                .pause(think.min(), think.max()));
    }

    /** The think time between two tasks, drawn uniformly between the bounds. */
    private record Think(Duration min, Duration max) {
    }

    private static PopulationBuilder population(Map.Entry<UserClass, Integer> entry, Duration ramp,
                                                ScenarioBuilder users) {
        int count = entry.getValue();
        return users.injectOpen(ramp.isZero() ? atOnceUsers(count) : rampUsers(count).during(ramp));
    }
}
