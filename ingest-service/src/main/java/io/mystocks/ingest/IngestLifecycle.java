package io.mystocks.ingest;

import io.mystocks.ingest.backfill.BackfillRunner;
import io.mystocks.ingest.kafka.KafkaHealthIndicator;
import io.mystocks.ingest.kafka.TopicProvisioner;
import io.mystocks.ingest.kafka.TopicProvisioningException;
import io.mystocks.ingest.publish.QuoteMetrics;
import io.mystocks.ingest.replay.ReplayFeed;
import io.mystocks.ingest.simulator.SimulatorFeed;
import io.mystocks.ingest.universe.ReferenceDataPublisher;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the service up in order, in the background so that it starts, and reports DOWN, while Kafka is
 * not reachable yet: topics first, then reference data, then the live feeds (simulator, file replay) and,
 * alongside them, the history backfill. A step that fails is tried again with a growing pause. Also runs the
 * Kafka health probe and the periodic quote summary.
 */
final class IngestLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IngestLifecycle.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** Longer than the producer's default delivery timeout, so that a slow send fails before we give up. */
    private static final Duration REFERENCE_DATA_TIMEOUT = Duration.ofSeconds(150);

    private final TopicProvisioner topics;
    private final ReferenceDataPublisher referenceData;
    private final SimulatorFeed simulator;
    private final ReplayFeed replay;
    private final BackfillRunner backfill;
    private final KafkaHealthIndicator kafkaHealth;
    private final QuoteMetrics metrics;
    private final Settings settings;
    private volatile ScheduledExecutorService housekeeping;
    private volatile boolean ready;

    /**
     * @param simulatorEnabled whether to start the simulator once Kafka is ready
     * @param healthInterval   how often to probe Kafka
     * @param summaryInterval  how often to log the quote counts
     */
    record Settings(boolean simulatorEnabled, Duration healthInterval, Duration summaryInterval) {
    }

    /** What starts once the service is ready; the replay and the backfill know whether they are enabled. */
    record Feeds(SimulatorFeed simulator, ReplayFeed replay, BackfillRunner backfill) {
    }

    IngestLifecycle(TopicProvisioner topics, ReferenceDataPublisher referenceData, Feeds feeds,
                    KafkaHealthIndicator kafkaHealth, QuoteMetrics metrics, Settings settings) {
        this.topics = topics;
        this.referenceData = referenceData;
        this.simulator = feeds.simulator();
        this.replay = feeds.replay();
        this.backfill = feeds.backfill();
        this.kafkaHealth = kafkaHealth;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        housekeeping = Executors.newScheduledThreadPool(2,
                Thread.ofPlatform().name("ingest-housekeeping-", 0).daemon().factory());
        housekeeping.scheduleWithFixedDelay(kafkaHealth::probe, 0, settings.healthInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        long summary = settings.summaryInterval().toMillis();
        housekeeping.scheduleAtFixedRate(metrics::logSummary, summary, summary, TimeUnit.MILLISECONDS);
        housekeeping.execute(() -> bringUp(FIRST_RETRY));
    }

    @Override
    public synchronized void stop() {
        if (housekeeping == null) {
            return;
        }
        simulator.stop();
        replay.stop();
        backfill.stop();
        housekeeping.shutdownNow();
        housekeeping = null;
        ready = false;
        metrics.logSummary();
        log.info("Ingest stopped");
    }

    @Override
    public boolean isRunning() {
        return housekeeping != null;
    }

    /** True once the topics exist and the reference data is published. */
    boolean ready() {
        return ready;
    }

    private void bringUp(Duration retry) {
        try {
            int created = topics.ensureTopics();
            referenceData.publishAll().get(REFERENCE_DATA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            becomeReady(created);
        } catch (TopicProvisioningException | TimeoutException e) {
            retryLater(retry, e);
        } catch (ExecutionException e) {
            retryLater(retry, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void becomeReady(int createdTopics) {
        if (housekeeping == null) {
            return;
        }
        ready = true;
        log.info("Ingest ready: {} topic(s) created, reference data published", createdTopics);
        if (settings.simulatorEnabled()) {
            simulator.start();
        }
        replay.start();
        backfill.start();
    }

    private void retryLater(Duration retry, Throwable cause) {
        ScheduledExecutorService executor = housekeeping;
        if (executor == null || executor.isShutdown()) {
            return;
        }
        log.warn("Ingest not ready, trying again in {}: {}", retry, String.valueOf(cause));
        log.debug("Ingest start-up step failed", cause);
        Duration next = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        executor.schedule(() -> bringUp(next), retry.toMillis(), TimeUnit.MILLISECONDS);
    }
}
