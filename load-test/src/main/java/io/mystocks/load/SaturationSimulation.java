package io.mystocks.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An open workload on the seed's read mix: every GET route of the seed, weighted by its request count,
 * each arrival one request. Arrivals step up through the plateaus of a {@link SaturationPlan}; the summary
 * finds the highest plateau held. Connections are shared between arrivals, as a client pool would, so the
 * run measures requests rather than TCP handshakes. Settings: those of {@link SaturationPlan},
 * {@code localAddresses}, {@code symbols}.
 */
public class SaturationSimulation extends Simulation {
    /** Arrivals per second one loopback client address carries, to stay under the API's per-client limit. */
    private static final double RATE_PER_ADDRESS = 1_000;
    private static final Duration GRACE = Duration.ofSeconds(15);

    public SaturationSimulation() {
        Settings settings = Settings.current().forScenario(Scenario.SATURATION);
        SaturationPlan plan = SaturationPlan.from(settings);
        Requests requests = new Requests(MarketData.from(settings));
        List<Route> reads = Arrays.stream(Route.values())
                .filter(route -> !route.changesState() && route != Route.STRATEGY_RESULT)
                .toList();

        setUp(scenario("read mix arrivals")
                .exec(feed(requests.data().feeder()))
                .exec(randomSwitch().on(Weights.choices(reads, route -> exec(requests.read(route)))))
                .injectOpen(injection(plan)))
                .protocols(Protocols.http(settings, (int) Math.ceil(plan.maxRate() / RATE_PER_ADDRESS) + 1)
                        .shareConnections())
                .maxDuration(plan.duration().plus(GRACE));
    }

    /** Constant-rate plateaus joined by linear ramps. */
    static List<OpenInjectionStep> injection(SaturationPlan plan) {
        List<SaturationPlan.Level> levels = plan.levels();
        List<OpenInjectionStep> steps = new ArrayList<>(levels.size() * 2);
        for (int i = 0; i < levels.size(); i++) {
            SaturationPlan.Level level = levels.get(i);
            steps.add(constantUsersPerSec(level.targetRate()).during(level.length()));
            if (i + 1 < levels.size() && !plan.ramp().isZero()) {
                steps.add(rampUsersPerSec(level.targetRate()).to(levels.get(i + 1).targetRate())
                        .during(plan.ramp()));
            }
        }
        return steps;
    }
}
