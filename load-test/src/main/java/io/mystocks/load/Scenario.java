package io.mystocks.load;

import java.util.Arrays;
import java.util.Map;

/** The load scenarios, by the names {@code bin/load-test} takes, with settings for a few-second smoke run. */
public enum Scenario {
    SEED("seed", SeedSimulation.class, Map.of(
            SeedSimulation.USERS, "6", SeedSimulation.RAMP_RATE, "6", SeedSimulation.DURATION, "5",
            SeedSimulation.EVERY_TASK_FIRST, "true")),
    SATURATION("saturation", SaturationSimulation.class, Map.of(
            SaturationPlan.START_RATE, "5", SaturationPlan.MAX_RATE, "20", SaturationPlan.LEVELS, "2",
            SaturationPlan.LEVEL_SECONDS, "3", SaturationPlan.RAMP_SECONDS, "1", SaturationPlan.SETTLE_SECONDS, "1",
            Protocols.LOCAL_ADDRESSES, "2")),
    REALTIME("realtime", RealtimeSimulation.class, Map.of(
            RealtimeSimulation.SUBSCRIBERS, "5", RealtimeSimulation.RAMP_SECONDS, "1",
            RealtimeSimulation.DURATION, "5"));

    private final String id;
    private final Class<?> simulation;
    private final Map<String, String> smokeSettings;

    Scenario(String id, Class<?> simulation, Map<String, String> smokeSettings) {
        this.id = id;
        this.simulation = simulation;
        this.smokeSettings = smokeSettings;
    }

    public String id() {
        return id;
    }

    public String simulationClass() {
        return simulation.getName();
    }

    /** A tiny load for a few seconds: enough to prove the scenario still runs against the API. */
    public Map<String, String> smokeSettings() {
        return smokeSettings;
    }

    public static Scenario of(String id) {
        return Arrays.stream(values()).filter(scenario -> scenario.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(Scenario::id).toList()));
    }
}
