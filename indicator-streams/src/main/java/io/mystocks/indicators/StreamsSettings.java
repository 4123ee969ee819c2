package io.mystocks.indicators;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import io.mystocks.ta.IndicatorSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the indicator streams, under {@code mystocks.streams}. Anything left out takes the default
 * named on its component.
 *
 * @param bootstrapServers      the Kafka cluster
 * @param applicationId         the Streams application id: consumer group, transactional id and
 *                              internal topic prefix (default {@code mystocks-indicators})
 * @param stateDir              where RocksDB keeps the state stores
 * @param numStreamThreads      stream threads in this instance (default 1)
 * @param commitInterval        how often a transaction commits (default 250 ms); with exactly-once,
 *                              output becomes visible to read-committed consumers only then, so it adds
 *                              up to its length to the latency; each commit costs a round of transaction
 *                              markers on every output partition
 * @param historySize           closed bars kept per symbol and interval for the indicators (default 300)
 * @param emitInterval          how often forming bars, indicators and latest quotes are published
 *                              (default 200 ms)
 * @param emitBudget            how long one task's tick may spend publishing forming bars and indicator
 *                              snapshots (default 10 ms); keys left over keep their place for the next tick,
 *                              so that a flood of changed series delays snapshots, not quotes
 * @param grace                 how long after its end an idle bar waits for stragglers before it is
 *                              closed by the clock (default 5 s)
 * @param maxClockSkew          how far ahead of the clock a quote's time may be (default 5 min); a
 *                              quote further ahead would open a bar in the future and make every later
 *                              quote late
 * @param seriesCacheSize       ta4j series held in memory per stream task (default 2048)
 * @param replicationFactor     replication of the topics this service creates and of its changelogs
 *                              (default 1; 3 on a real cluster)
 * @param indicators            the indicator instances of every snapshot, as specs such as
 *                              {@code MA:timeperiod=5} or {@code MACD} (default: {@link IndicatorSet#standard()})
 * @param instanceId            this instance's static group membership id (default: one generated once and
 *                              kept in the state directory); unique per instance, stable across restarts
 * @param sessionTimeout        how long the group waits for an instance that stopped without leaving
 *                              before it moves its tasks (default 10 s)
 * @param heartbeatInterval     how often an instance tells the group it is alive (default 2 s); below
 *                              the session timeout
 * @param leaveGroupOnClose     whether a closing instance leaves the group at once, so that a restart
 *                              does not wait for the session timeout (default true); false keeps the
 *                              tasks parked on a static member during a rolling restart
 */
@Validated
@ConfigurationProperties("mystocks.streams")
public record StreamsSettings(
        @NotBlank String bootstrapServers,
        String applicationId,
        Path stateDir,
        @Min(1) @Max(64) Integer numStreamThreads,
        Duration commitInterval,
        @Min(30) @Max(10_000) Integer historySize,
        Duration emitInterval,
        Duration emitBudget,
        Duration grace,
        Duration maxClockSkew,
        @Min(1) Integer seriesCacheSize,
        @Min(1) @Max(Short.MAX_VALUE) Integer replicationFactor,
        List<String> indicators,
        String instanceId,
        Duration sessionTimeout,
        Duration heartbeatInterval,
        Boolean leaveGroupOnClose) {

    public static final String DEFAULT_APPLICATION_ID = "mystocks-indicators";

    public StreamsSettings {
        applicationId = applicationId == null || applicationId.isBlank() ? DEFAULT_APPLICATION_ID : applicationId;
        stateDir = stateDir == null ? Path.of("data", "indicator-streams", "state") : stateDir;
        numStreamThreads = Objects.requireNonNullElse(numStreamThreads, 1);
        commitInterval = positive("commit-interval", commitInterval, Duration.ofMillis(250));
        historySize = Objects.requireNonNullElse(historySize, 300);
        emitInterval = positive("emit-interval", emitInterval, Duration.ofMillis(200));
        emitBudget = positive("emit-budget", emitBudget, Duration.ofMillis(10));
        grace = notNegative("grace", grace, Duration.ofSeconds(5));
        maxClockSkew = notNegative("max-clock-skew", maxClockSkew, Duration.ofMinutes(5));
        seriesCacheSize = Objects.requireNonNullElse(seriesCacheSize, 2048);
        replicationFactor = Objects.requireNonNullElse(replicationFactor, 1);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
        sessionTimeout = positive("session-timeout", sessionTimeout, Duration.ofSeconds(10));
        heartbeatInterval = positive("heartbeat-interval", heartbeatInterval, Duration.ofSeconds(2));
        if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("mystocks.streams.heartbeat-interval " + heartbeatInterval
                    + " must be shorter than the session-timeout " + sessionTimeout);
        }
        leaveGroupOnClose = Objects.requireNonNullElse(leaveGroupOnClose, true);
        int needed = setOf(indicators).maxWarmupBars();
        if (needed > historySize + 1) {
            throw new IllegalArgumentException("mystocks.streams.history-size " + historySize
                    + " is too short for the indicators, which need " + needed + " bars");
        }
    }

    /**
     * The instances every snapshot holds.
     *
     * @throws io.mystocks.ta.IndicatorRequestException when a spec names an unknown indicator or a bad value
     */
    public IndicatorSet indicatorSet() {
        return setOf(indicators);
    }

    private static IndicatorSet setOf(List<String> specs) {
        return specs.isEmpty() ? IndicatorSet.standard() : IndicatorSet.parse(specs);
    }

    /** Every default, for a cluster and a state directory. */
    public static StreamsSettings defaults(String bootstrapServers, Path stateDir) {
        return new StreamsSettings(bootstrapServers, null, stateDir, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration result = Objects.requireNonNullElse(value, fallback);
        if (result.isNegative() || result.isZero()) {
            throw new IllegalArgumentException("mystocks.streams." + name + " must be positive, was " + result);
        }
        return result;
    }

    private static Duration notNegative(String name, Duration value, Duration fallback) {
        Duration result = Objects.requireNonNullElse(value, fallback);
        if (result.isNegative()) {
            throw new IllegalArgumentException("mystocks.streams." + name + " must not be negative, was " + result);
        }
        return result;
    }
}
