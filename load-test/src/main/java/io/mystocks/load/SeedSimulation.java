package io.mystocks.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The old service's load test replayed: its user classes and task weights, 500 users started at 100 per
 * second, each fetching a CSRF token and then running one weighted task per think time (0.1 to 0.4 s,
 * uniform) until 60 s after the first user started. Settings: {@code users}, {@code rampRate} (users/s),
 * {@code duration}, {@code thinkMin}, {@code thinkMax} (seconds), {@code everyTaskFirst},
 * {@code localAddresses}, {@code symbols}.
 */
public class SeedSimulation extends Simulation {
    static final String USERS = "users";
    static final String RAMP_RATE = "rampRate";
    static final String DURATION = "duration";
    static final String THINK_MIN = "thinkMin";
    static final String THINK_MAX = "thinkMax";
    /** Each user runs every task of its class once before drawing at random: a short run covers all routes. */
    static final String EVERY_TASK_FIRST = "everyTaskFirst";

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

        Requests requests = new Requests(MarketData.from(settings));
        Think think = new Think(thinkMin, thinkMax);
        Deadline deadline = new Deadline(duration);
        Duration ramp = Duration.ofMillis(Math.round(users / rampRate * 1000));
        List<PopulationBuilder> populations = UserClass.split(users).entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> population(entry, ramp,
                        userScenario(entry.getKey(), requests, deadline, think, everyTaskFirst)))
                .toList();

        setUp(populations)
                .protocols(Protocols.http(settings, DEFAULT_LOCAL_ADDRESSES))
                .maxDuration(duration.plus(GRACE));
    }

    private static ScenarioBuilder userScenario(UserClass userClass, Requests requests, Deadline deadline,
                                                Think think, boolean everyTaskFirst) {
        ChainBuilder start = requests.fetchToken();
        if (everyTaskFirst) {
            for (Route task : userClass.tasks()) {
                start = start.exec(feed(requests.data().feeder()), requests.task(task))
                        .pause(think.min(), think.max());
            }
        }
        return scenario(userClass.scenarioName())
                .exec(start)
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
