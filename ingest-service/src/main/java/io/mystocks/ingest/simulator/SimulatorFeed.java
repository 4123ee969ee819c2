package io.mystocks.ingest.simulator;

import io.mystocks.contracts.Quote;
import io.mystocks.ingest.publish.QuotePublisher;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer that drives the {@link QuoteGenerator}: every tick it emits the quotes due at the configured
 * rate, carrying the fraction of a quote over to the next tick, and hands them to the publisher. A failed
 * send is the publisher's to count and log; the simulator moves on.
 */
public final class SimulatorFeed {
    private static final Logger log = LoggerFactory.getLogger(SimulatorFeed.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final QuoteGenerator generator;
    private final QuotePublisher publisher;
    private final SimulatorProperties settings;
    private final long seed;
    private final AtomicLong emitted = new AtomicLong();
    private ScheduledExecutorService timer;
    private double due;

    SimulatorFeed(QuoteGenerator generator, QuotePublisher publisher, SimulatorProperties settings, long seed) {
        this.generator = generator;
        this.publisher = publisher;
        this.settings = settings;
        this.seed = seed;
    }

    /** Starts emitting; does nothing when already running. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("simulator").daemon().factory());
        long period = settings.tickInterval().toNanos();
        timer.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
        log.info("Simulator started: {} quotes/s over {} symbols, {} sessions, seed {}", settings.rate(),
                generator.symbolCount(), settings.mode(), seed);
    }

    /**
     * Stops emitting, letting a tick in progress finish so that its quotes reach the producer; quotes already
     * handed to the publisher are still sent.
     */
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            if (!timer.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Simulator tick still running after {}; interrupting it", STOP_TIMEOUT);
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer = null;
        log.info("Simulator stopped after {} quotes", emitted.get());
    }

    public synchronized boolean isRunning() {
        return timer != null;
    }

    public long emitted() {
        return emitted.get();
    }

    private void tick() {
        try {
            due += settings.rate() * settings.tickInterval().toNanos() / 1e9;
            int count = (int) due;
            due -= count;
            for (Quote quote : generator.next(count)) {
                publisher.publish(QuoteGenerator.SOURCE, quote);
                emitted.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is cancelled without a word; log and keep the feed alive.
            log.error("Simulator tick failed; the next tick tries again", e);
        }
    }
}
