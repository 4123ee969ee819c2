package io.mystocks.ingest.replay;

import io.mystocks.contracts.Quote;
import io.mystocks.ingest.publish.QuotePublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer that plays every configured file through the publisher, each on its own {@link ReplaySession}.
 * The rows of a file that could not be read go to the dead-letter topic once, when the feed first starts.
 * A failed send is the publisher's to count and log; the replay moves on. Stops by itself when every file
 * has played and none loops.
 */
public final class ReplayFeed {
    private static final Logger log = LoggerFactory.getLogger(ReplayFeed.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final List<Tape> tapes;
    private final QuotePublisher publisher;
    private final ReplayProperties settings;
    private final Clock clock;
    private final AtomicLong played = new AtomicLong();
    private List<ReplaySession> sessions = List.of();
    private ScheduledExecutorService timer;
    private boolean unreadableReported;
    private volatile boolean finished;

    ReplayFeed(List<Tape> tapes, QuotePublisher publisher, ReplayProperties settings, Clock clock) {
        this.tapes = List.copyOf(tapes);
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Plays every file from its first record; does nothing when disabled or already running. */
    public synchronized void start() {
        if (!settings.enabled() || timer != null) {
            return;
        }
        reportUnreadableOnce();
        List<ReplaySession> started = new ArrayList<>();
        for (Tape tape : tapes) {
            ReplaySession session = new ReplaySession(tape, settings.speed(), settings.loop(), clock);
            session.start();
            started.add(session);
        }
        sessions = List.copyOf(started);
        finished = false;
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("replay").daemon().factory());
        executor.scheduleWithFixedDelay(() -> tick(executor), 0, settings.tickInterval().toNanos(),
                TimeUnit.NANOSECONDS);
        timer = executor;
        log.info("Replay started: {} file(s), {} prints, speed {}{}", tapes.size(),
                tapes.stream().mapToInt(tape -> tape.prints().size()).sum(), settings.speed(),
                settings.loop() ? ", looping" : "");
    }

    /** Stops playing; quotes already handed to the publisher are still sent. */
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            if (!timer.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer = null;
        log.info("Replay stopped after {} quotes", played.get());
    }

    public synchronized boolean isRunning() {
        return timer != null && !finished;
    }

    /** The feed's state and counts, for the health endpoint. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", !settings.enabled() ? "disabled" : finished ? "finished"
                : isRunning() ? "running" : "waiting");
        details.put("files", tapes.size());
        details.put("quotes_played", played.get());
        details.put("rows_unreadable", tapes.stream().mapToInt(tape -> tape.unreadable().size()).sum());
        return details;
    }

    private void reportUnreadableOnce() {
        if (unreadableReported) {
            return;
        }
        unreadableReported = true;
        for (Tape tape : tapes) {
            tape.unreadable().forEach(row -> publisher.reject(ReplaySession.SOURCE, row.symbol(), row.payload(),
                    row.reasons()));
            if (!tape.unreadable().isEmpty()) {
                log.warn("Replay file {}: {} unreadable rows sent to the dead-letter topic, the first: {}",
                        tape.location(), tape.unreadable().size(), tape.unreadable().getFirst().reasons());
            }
        }
    }

    private void tick(ScheduledExecutorService executor) {
        try {
            boolean allDone = true;
            for (ReplaySession session : sessions) {
                for (Quote quote : session.due(settings.maxPerTick())) {
                    publisher.publish(ReplaySession.SOURCE, quote);
                    played.incrementAndGet();
                }
                allDone &= session.finished();
            }
            if (allDone) {
                finish(executor);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is cancelled without a word; log and keep the feed alive.
            log.error("Replay tick failed; the next tick tries again", e);
        }
    }

    /** Ends the timer from its own thread; not synchronized, since {@link #stop()} waits for this thread. */
    private void finish(ScheduledExecutorService executor) {
        finished = true;
        log.info("Replay finished: {} quotes from {} file(s)", played.get(), tapes.size());
        executor.shutdown();
    }
}
