package io.mystocks.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.DeadLetter;
import io.mystocks.contracts.JobCancel;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import io.mystocks.contracts.JobStatus;
import io.mystocks.contracts.JsonSerde;
import io.mystocks.contracts.Topics;
import io.mystocks.worker.MutableClock;
import io.mystocks.worker.market.MarketData;
import io.mystocks.worker.market.MarketSnapshot;
import io.mystocks.worker.strategy.InvalidParamsException;
import io.mystocks.worker.strategy.Strategy;
import io.mystocks.worker.strategy.StrategyCatalog;
import io.mystocks.worker.strategy.StrategyDescriptor;
import io.mystocks.worker.strategy.StrategyRun;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobProcessorTest {
    private static final Instant NOW = Instant.parse("2026-10-01T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final JsonSerde<JobRequest> REQUESTS = JsonSerde.of(JobRequest.class);

    private final FakeStore store = new FakeStore();
    private final FakeOutputs outputs = new FakeOutputs();
    private final FakeMarket market = new FakeMarket();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile IntConsumer midRun = step -> { };
    private final List<JobProcessor> processors = new ArrayList<>();

    @AfterEach
    void closeProcessors() {
        processors.forEach(JobProcessor::close);
    }

    @Test
    void runsAJobToSucceededAndPublishesItBeforeStoringIt() throws InterruptedException {
        JobRequest request = request("job-1", "echo");
        store.put(JobState.queued(request));

        processor(properties()).process(record(request));

        JobState stored = store.get("job-1");
        assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(stored.result()).isEqualTo(Map.of("symbols", 0));
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.startedAt()).isEqualTo(NOW);
        assertThat(outputs.results).containsExactly(stored);
        assertThat(outputs.resultsPublishedBeforeStore).isTrue();
        assertThat(outputs.deadLetters).isEmpty();
    }

    @Test
    void skipsAJobThatIsAlreadyTerminal() throws InterruptedException {
        JobRequest request = request("job-2", "echo");
        JobState done = JobState.queued(request).running(NOW, "other").succeeded(NOW, Map.of());
        store.put(done);
        int writes = store.writes.get();

        processor(properties()).process(record(request));

        assertThat(store.get("job-2")).isEqualTo(done);
        assertThat(store.writes.get()).isEqualTo(writes);
        assertThat(outputs.results).isEmpty();
    }

    @Test
    void runsAJobWhoseStoredStateLooksFinishedButCannotBeReadSoThatItsResultReachesTheTopic()
            throws InterruptedException {
        JobRequest request = request("job-unreadable", "echo");
        store.unreadable.add("job-unreadable");

        processor(properties()).process(record(request));

        assertThat(outputs.results).isNotEmpty().allSatisfy(state -> {
            assertThat(state.jobId()).isEqualTo("job-unreadable");
            assertThat(state.status()).isEqualTo(JobStatus.SUCCEEDED);
        });
        assertThat(outputs.deadLetters).isEmpty();
    }

    @Test
    void failsAnUnknownStrategyAtOnceNamingTheKnownOnes() throws InterruptedException {
        JobRequest request = request("job-3", "momentum");

        processor(properties()).process(record(request));

        JobState stored = store.get("job-3");
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.message())
                .isEqualTo("unknown strategy \"momentum\"; choose one of echo, flaky, steps, stuck");
        assertThat(stored.attempts()).isZero();
        assertThat(outputs.results).containsExactly(stored);
        assertThat(outputs.deadLetters).isEmpty();
    }

    @Test
    void failsBadParametersWithTheStrategysReason() throws InterruptedException {
        JobRequest request = new JobRequest("job-4", "echo", Map.of("bad", 1), NOW, "req-4");

        processor(properties()).process(record(request));

        JobState stored = store.get("job-4");
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.message()).isEqualTo("echo takes no parameters");
        assertThat(outputs.deadLetters).isEmpty();
    }

    @Test
    void runsAFailingStrategyAgainAndCountsTheAttempts() throws InterruptedException {
        failuresLeft.set(1);
        JobRequest request = request("job-5", "flaky");

        processor(properties()).process(record(request));

        JobState stored = store.get("job-5");
        assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(stored.attempts()).isEqualTo(2);
        assertThat(outputs.deadLetters).isEmpty();
    }

    @Test
    void deadLettersAJobWhoseStrategyFailsEveryAttempt() throws InterruptedException {
        failuresLeft.set(Integer.MAX_VALUE);
        JobRequest request = request("job-6", "flaky");

        processor(properties()).process(record(request));

        JobState stored = store.get("job-6");
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.attempts()).isEqualTo(3);
        assertThat(stored.message())
                .isEqualTo("the strategy failed 3 times; last error: IllegalStateException: data glitch");
        assertThat(outputs.results).containsExactly(stored);
        DeadLetter letter = outputs.deadLetters.getFirst();
        assertThat(letter.source()).isEqualTo(Topics.JOBS.name() + "/2/41");
        assertThat(letter.reasons()).containsExactly(stored.message());
        assertThat(REQUESTS.deserialize("t", letter.payload().getBytes(StandardCharsets.UTF_8))).isEqualTo(request);
    }

    @Test
    void failsAJobThatRunsPastItsTimeLimit() throws InterruptedException {
        JobRequest request = request("job-7", "stuck");

        processor(properties().withTimeLimit(Duration.ofMillis(100))).process(record(request));

        JobState stored = store.get("job-7");
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.message()).isEqualTo("time limit exceeded: the job ran longer than 0.1s");
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(outputs.deadLetters).hasSize(1);
    }

    @Test
    void failsAJobWhenTheMarketDataNeverLoads() throws InterruptedException {
        market.ready = false;
        JobRequest request = request("job-8", "echo");

        processor(properties()).process(record(request));

        JobState stored = store.get("job-8");
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.message()).startsWith("market data is still loading");
        assertThat(outputs.deadLetters).isEmpty();
    }

    @Test
    void deadLettersAnUnreadableRecordAndFailsItsQueuedJob() throws InterruptedException {
        store.put(JobState.queued(request("job-9", "echo")));
        JobRecord garbage = new JobRecord(Topics.JOBS.name(), 0, 7, "job-9",
                "{not json".getBytes(StandardCharsets.UTF_8), "req-9");

        processor(properties()).process(garbage);

        assertThat(outputs.deadLetters).singleElement()
                .satisfies(letter -> assertThat(letter.payload()).isEqualTo("{not json"));
        JobState stored = store.get("job-9");
        assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored.message()).startsWith("the job request could not be read");
    }

    @Test
    void publishesAJobTheApiCancelledBeforeItStartedAndDoesNotRunIt() throws InterruptedException {
        JobRequest request = request("job-10", "steps");
        JobCancel cancel = new JobCancel("job-10", NOW.minusSeconds(1), "req-cancel");
        JobState cancelled = JobState.queued(request).cancelled(NOW.minusSeconds(1), cancel.describe());
        store.put(cancelled);
        store.cancels.put("job-10", cancel);

        processor(properties()).process(record(request));

        assertThat(store.get("job-10")).isEqualTo(cancelled);
        assertThat(outputs.results).containsExactly(cancelled);
        assertThat(store.cancels).isEmpty();
    }

    @Test
    void skipsACancelledJobWhoseStateIsAlreadyPublished() throws InterruptedException {
        JobRequest request = request("job-11", "steps");
        store.put(JobState.queued(request).cancelled(NOW, "cancelled by request r at " + NOW));

        processor(properties()).process(record(request));

        assertThat(outputs.results).isEmpty();
    }

    @Test
    void cancelsAQueuedJobWhoseCancelRequestIsFoundOnceItIsRunning() throws InterruptedException {
        JobRequest request = request("job-12", "steps");
        store.put(JobState.queued(request));
        store.cancels.put("job-12", new JobCancel("job-12", NOW.minusSeconds(2), "req-cancel"));

        processor(properties()).process(record(request));

        JobState stored = store.get("job-12");
        assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stored.message()).isEqualTo("cancelled by request req-cancel at 2026-10-01T14:59:58Z");
        assertThat(stored.worker()).isEqualTo("test-1");
        assertThat(stored.finishedAt()).isEqualTo(NOW);
        assertThat(stored.progress()).isZero();
        assertThat(outputs.results).containsExactly(stored);
        assertThat(store.cancels).isEmpty();
    }

    @Test
    void aJobShorterThanTheProgressIntervalStoresNoProgressAndLooksForNoCancelRequestWhileItRuns()
            throws InterruptedException {
        JobRequest request = request("job-quick", "steps");
        store.put(JobState.queued(request));
        List<JobState> written = new ArrayList<>();
        store.beforeWrite = written::add;

        processor(properties().withProgressInterval(Duration.ofMillis(250))).process(record(request));

        assertThat(written).extracting(JobState::status).containsExactly(JobStatus.RUNNING, JobStatus.SUCCEEDED);
        assertThat(store.cancelLooks.get()).as("only the look made with storing RUNNING").isEqualTo(1);
    }

    @Test
    void aLongJobStoresATenthStepAtMostOnceAProgressInterval() throws InterruptedException {
        JobRequest request = request("job-long", "steps");
        store.put(JobState.queued(request));
        List<JobState> written = new ArrayList<>();
        store.beforeWrite = written::add;
        MutableClock clock = new MutableClock(NOW);
        midRun = step -> clock.advance(Duration.ofMillis(100));

        processor(properties().withProgressInterval(Duration.ofMillis(250)), clock).process(record(request));

        assertThat(written).filteredOn(state -> state.status() == JobStatus.RUNNING)
                .extracting(JobState::progress).containsExactly(0.0, 0.4, 0.7, 1.0);
        assertThat(store.cancelLooks.get()).as("with RUNNING, then with each stored step").isEqualTo(4);
        assertThat(store.get("job-long").status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void stopsARunningJobAtTheProgressPointAfterItsCancelRequest() throws InterruptedException {
        JobRequest request = request("job-13", "steps");
        store.put(JobState.queued(request));
        midRun = step -> {
            if (step == 3) {
                store.cancels.put("job-13", new JobCancel("job-13", NOW, "req-cancel"));
            }
        };

        processor(properties()).process(record(request));

        JobState stored = store.get("job-13");
        assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stored.progress()).isEqualTo(0.3);
        assertThat(stored.attempts()).as("a cancelled job is not run again").isEqualTo(1);
        assertThat(stored.result()).isNull();
        assertThat(outputs.results).containsExactly(stored);
        assertThat(outputs.deadLetters).isEmpty();
        assertThat(store.cancels).isEmpty();
    }

    @Test
    void leavesAJobTheApiCancelledWhileItWasBeingPickedUp() throws InterruptedException {
        JobRequest request = request("job-14", "steps");
        store.put(JobState.queued(request));
        JobCancel cancel = new JobCancel("job-14", NOW, "req-cancel");
        JobState cancelled = JobState.queued(request).cancelled(NOW, cancel.describe());
        store.beforeWrite = state -> {
            if (state.status() == JobStatus.RUNNING && store.cancels.putIfAbsent("job-14", cancel) == null) {
                store.put(cancelled);
            }
        };

        processor(properties()).process(record(request));

        assertThat(store.get("job-14")).isEqualTo(cancelled);
        assertThat(outputs.results).containsExactly(cancelled);
    }

    @Test
    void leavesTheResultToTheTopicWhenRedisKeepsRefusingWritesThenOffersLaterJobsOnce() throws InterruptedException {
        JobRequest first = request("job-full-1", "echo");
        JobRequest second = request("job-full-2", "echo");
        store.put(JobState.queued(first));
        AtomicInteger refused = new AtomicInteger();
        store.beforeWrite = state -> {
            refused.incrementAndGet();
            throw new WritesRefusedException("Redis refuses writes: OOM command not allowed", null);
        };
        JobProcessor processor = processor(properties());

        processor.process(record(first));
        int writesForTheFirst = refused.get();
        processor.process(record(second));

        assertThat(outputs.results).extracting(JobState::jobId).containsExactly("job-full-1", "job-full-2");
        assertThat(outputs.results).extracting(JobState::status).containsOnly(JobStatus.SUCCEEDED);
        assertThat(store.forgotten).containsExactly("job-full-1", "job-full-2");
        assertThat(store.get("job-full-1")).isNull();
        // RUNNING once, the terminal state three times (the attempts configured); the next job's terminal once.
        assertThat(writesForTheFirst).isEqualTo(4);
        assertThat(refused.get() - writesForTheFirst).isEqualTo(2);
    }

    @Test
    void keepsAndRepublishesTheStateOfAWorkerThatFinishedTheJobFirst() throws InterruptedException {
        JobRequest request = request("job-15", "echo");
        store.put(JobState.queued(request));
        JobState theirs = JobState.queued(request).running(NOW, "other").succeeded(NOW, Map.of("symbols", 0));
        store.beforeWrite = state -> {
            if (state.status().isTerminal() && !"other".equals(state.worker())) {
                store.put(theirs);
            }
        };

        processor(properties()).process(record(request));

        assertThat(store.get("job-15")).isEqualTo(theirs);
        assertThat(outputs.results).hasSize(2).last().isEqualTo(theirs);
    }

    private JobProcessor processor(Props props) {
        return processor(props, CLOCK);
    }

    private JobProcessor processor(Props props, Clock clock) {
        StrategyCatalog catalog = new StrategyCatalog(List.of(
                strategy("echo", (market, progress) -> Map.of("symbols", market.instruments().size())),
                strategy("flaky", (market, progress) -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("data glitch");
                    }
                    return Map.of();
                }),
                strategy("stuck", (market, progress) -> {
                    awaitInterrupt();
                    return Map.of();
                }),
                strategy("steps", (market, progress) -> {
                    for (int step = 1; step <= 10; step++) {
                        progress.report(step / 10.0, "step " + step);
                        midRun.accept(step);
                    }
                    return Map.of("steps", 10);
                })));
        JobProcessor processor = new JobProcessor(catalog, market, store, outputs, props.build(), clock, "test-1");
        processors.add(processor);
        return processor;
    }

    private static Strategy strategy(String id, StrategyRun run) {
        return new Strategy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public StrategyDescriptor descriptor() {
                return new StrategyDescriptor(id, id, "test", "a test strategy", List.of(), List.of());
            }

            @Override
            public StrategyRun plan(Map<String, Object> params) {
                if (!params.isEmpty()) {
                    throw new InvalidParamsException(id + " takes no parameters");
                }
                return run;
            }
        };
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JobRequest request(String jobId, String strategyId) {
        return new JobRequest(jobId, strategyId, Map.of(), NOW.minusSeconds(5), "req-" + jobId);
    }

    private static JobRecord record(JobRequest request) {
        return new JobRecord(Topics.JOBS.name(), 2, 41, request.jobId(),
                REQUESTS.serialize(Topics.JOBS.name(), request), request.requestId());
    }

    private static Props properties() {
        return new Props(Duration.ofSeconds(10));
    }

    private record Props(Duration timeLimit, Duration progressInterval) {
        Props(Duration timeLimit) {
            this(timeLimit, Duration.ZERO);
        }

        Props withTimeLimit(Duration limit) {
            return new Props(limit, progressInterval);
        }

        Props withProgressInterval(Duration interval) {
            return new Props(timeLimit, interval);
        }

        JobsProperties build() {
            return new JobsProperties("group", 3, Duration.ZERO, timeLimit, Duration.ofMillis(10), Duration.ofDays(7),
                    Duration.ofSeconds(30), Duration.ofSeconds(1), null, 1, 3, Duration.ZERO, progressInterval,
                    Duration.ZERO);
        }
    }

    private final class FakeStore implements JobStore {
        final Map<String, JobState> states = new ConcurrentHashMap<>();
        final Map<String, JobCancel> cancels = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger cancelLooks = new AtomicInteger();
        volatile Consumer<JobState> beforeWrite = state -> { };
        final List<String> forgotten = new ArrayList<>();
        /** Jobs whose stored value looks terminal to Redis's scripts but does not decode. */
        final Set<String> unreadable = ConcurrentHashMap.newKeySet();

        void put(JobState state) {
            states.put(state.jobId(), state);
        }

        JobState get(String jobId) {
            return states.get(jobId);
        }

        @Override
        public Optional<JobState> read(String jobId) {
            return unreadable.contains(jobId) ? Optional.empty() : Optional.ofNullable(states.get(jobId));
        }

        @Override
        public boolean write(EncodedState encoded, Duration retention) {
            JobState state = encoded.state();
            beforeWrite.accept(state);
            writes.incrementAndGet();
            if (unreadable.contains(state.jobId())) {
                return false;
            }
            if (state.status().isTerminal()) {
                outputs.resultsPublishedBeforeStore = outputs.results.contains(state);
            }
            JobState kept = states.merge(state.jobId(), state,
                    (stored, next) -> stored.status().isTerminal() ? stored : next);
            return kept == state;
        }

        @Override
        public Optional<JobCancel> cancelRequest(String jobId) {
            cancelLooks.incrementAndGet();
            return Optional.ofNullable(cancels.get(jobId));
        }

        @Override
        public void clearCancelRequest(String jobId) {
            cancels.remove(jobId);
        }

        @Override
        public void forget(String jobId) {
            states.remove(jobId);
            forgotten.add(jobId);
        }
    }

    private static final class FakeOutputs implements JobOutputs {
        final List<JobState> results = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();
        volatile boolean resultsPublishedBeforeStore;

        @Override
        public void publishResult(EncodedState terminal, String requestId) {
            results.add(terminal.state());
        }

        @Override
        public void deadLetter(String key, DeadLetter letter, String requestId) {
            deadLetters.add(letter);
        }
    }

    private static final class FakeMarket implements MarketData {
        volatile boolean ready = true;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public boolean awaitReady(Duration timeout) {
            return ready;
        }

        @Override
        public MarketSnapshot snapshot() {
            return new MarketSnapshot(Map.of(), Map.of(), Map.of());
        }
    }
}
