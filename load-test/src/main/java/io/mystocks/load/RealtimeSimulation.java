package io.mystocks.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.sse;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.SseMessageCheck;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Hundreds of SSE subscribers on the live quote stream: each opens {@code GET /api/stream} for
 * {@code symbolsPerSubscriber} random symbols, waits for its first quote, then keeps taking quotes until
 * {@code duration} after the first subscriber connected, and closes. Every quote checked after the first
 * records its delivery latency (arrival minus the quote's {@code timestamp}); the first is left out, since
 * it may be a quote that was already waiting. Gatling can only wait for one message at a time, so an event
 * arriving between two waits is not measured; the latency of those measured is unaffected. A subscriber
 * that gets no quote within {@code eventTimeout} counts a failure and leaves. Settings:
 * {@code subscribers}, {@code symbolsPerSubscriber}, {@code rampSeconds}, {@code duration},
 * {@code eventTimeout} (seconds), {@code localAddresses}, {@code symbols}, {@code metricsFile}.
 */
public class RealtimeSimulation extends Simulation {
    static final String SUBSCRIBERS = "subscribers";
    static final String SYMBOLS_PER_SUBSCRIBER = "symbolsPerSubscriber";
    static final String RAMP_SECONDS = "rampSeconds";
    static final String DURATION = "duration";
    static final String EVENT_TIMEOUT = "eventTimeout";

    /** Gatling hands a check the event as JSON, {@code {"event":"quotes","id":...,"data":...}}. */
    private static final String QUOTE_EVENT = "\"event\"\\s*:\\s*\"quotes\"";
    /** The quote's timestamp, whether the data is embedded as JSON or as an escaped string. */
    private static final String QUOTE_TIMESTAMP = "timestamp\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)";
    private static final String STREAM_SYMBOLS = "streamSymbols";
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final DeliveryLatency latency = new DeliveryLatency();
    private final Path metricsFile;
    private final int subscribers;

    public RealtimeSimulation() {
        Settings settings = Settings.current().forScenario(Scenario.REALTIME);
        subscribers = settings.integer(SUBSCRIBERS, 200, 1);
        int symbolsPerSubscriber = settings.integer(SYMBOLS_PER_SUBSCRIBER, 10, 1);
        Duration ramp = settings.seconds(RAMP_SECONDS, 10, 0);
        Duration duration = settings.seconds(DURATION, 60, 1);
        Duration eventTimeout = settings.seconds(EVENT_TIMEOUT, 10, 0.1);
        metricsFile = Path.of(settings.text(Settings.METRICS_FILE,
                "target/gatling/delivery-latency-" + System.currentTimeMillis() + ".properties"));
        MarketData data = MarketData.from(settings);
        Deadline deadline = new Deadline(duration);

        setUp(scenario("SSE quote subscribers")
                .exec(session -> session.set(STREAM_SYMBOLS, data.batch(symbolsPerSubscriber)))
                .exec(sse("GET /api/stream").get("/api/stream?symbols=#{" + STREAM_SYMBOLS + "}&channels=quotes")
                        .await(eventTimeout).on(quote("first quote", regex(QUOTE_TIMESTAMP).exists())))
                .exitHereIfFailed()
                .asLongAs(session -> deadline.open()).on(
                        exec(sse("next quote").setCheck().await(eventTimeout).on(quote("quote", delivered())))
                                .exitHereIfFailed())
                .exec(sse("close /api/stream").close())
                .injectOpen(ramp.isZero() ? atOnceUsers(subscribers) : rampUsers(subscribers).during(ramp)))
                .protocols(Protocols.http(settings, 1).acceptHeader("text/event-stream"))
                .maxDuration(duration.plus(ramp).plus(GRACE));
    }

    @Override
    public void after() {
        latency.write(metricsFile, subscribers);
    }

    private CheckBuilder delivered() {
        return regex(QUOTE_TIMESTAMP).transform(latency::record);
    }

    private static SseMessageCheck quote(String name, CheckBuilder check) {
        return sse.checkMessage(name).matching(regex(QUOTE_EVENT).exists()).check(check);
    }
}
