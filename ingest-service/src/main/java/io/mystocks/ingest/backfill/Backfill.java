package io.mystocks.ingest.backfill;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Instrument;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.kafka.RecordSender;
import io.mystocks.ingest.simulator.WalkParameters;
import io.mystocks.ingest.universe.ListedSymbol;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the synthetic history of every symbol to {@code market.bars.backfill}, once.
 *
 * <p>Design note: "once" holds across restarts and crashes without a second topic. The {@link BackfillJournal}
 * on the service's data directory fixes the plan (seed and as-of time) at the first start and gets a line per
 * symbol after the broker acknowledged all of that symbol's bars. Symbols are handed to the one producer in
 * order, each whole before the next, and journalled in that order; a few are in flight at a time, so that
 * generating the next overlaps writing the last. The producer keeps the order on every partition, so after
 * a crash the bars of every unfinished symbol lie after the last finished symbol's offset on their partition.
 * A restart therefore reads the topic from those offsets, collects the bars already there by the plan header
 * every record carries, and writes only the missing ones. Without a
 * journal (first start, lost data directory, or a journal from another cluster) the whole topic is read:
 * empty on a first start, and otherwise the plan found there is adopted so that nothing is written twice.
 * A symbol added to the universe later is backfilled under the recorded plan.
 */
final class Backfill {
    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    /** Symbols written but not yet acknowledged: enough to keep the producer busy while the next is generated. */
    private static final int SYMBOLS_IN_FLIGHT = 4;

    private final List<ListedSymbol> symbols;
    private final Function<Instrument, WalkParameters> walks;
    private final HistoryGenerator generator;
    private final BackfillTopic topic;
    private final RecordSender sender;
    private final BackfillJournal journal;
    private final BackfillProperties settings;
    private final BackfillProgress progress;
    private final BackfillPace pace;
    private final Clock clock;

    Backfill(List<ListedSymbol> symbols, Function<Instrument, WalkParameters> walks, HistoryGenerator generator,
             BackfillTopic topic, RecordSender sender, BackfillJournal journal, BackfillProperties settings,
             BackfillProgress progress, Clock clock) {
        this.symbols = List.copyOf(symbols);
        this.walks = walks;
        this.generator = generator;
        this.topic = topic;
        this.sender = sender;
        this.journal = journal;
        this.settings = settings;
        this.progress = progress;
        this.pace = new BackfillPace(settings.maxBarsPerSecond(), clock);
        this.clock = clock;
    }

    /**
     * Writes what is missing and returns once every symbol is on the topic.
     *
     * @throws BackfillException when Kafka or the journal fails; calling again resumes
     */
    void run() throws InterruptedException {
        long started = clock.millis();
        Resume resume = resume(topic.clusterId());
        List<ListedSymbol> pending = symbols.stream().filter(symbol -> !resume.done().contains(symbol.symbol()))
                .toList();
        progress.begin(resume.plan(), symbols.size(), symbols.size() - pending.size());
        if (pending.isEmpty()) {
            log.info("Backfill already complete for {} symbols ({}); nothing to write", symbols.size(),
                    resume.plan().id());
            progress.finished();
            return;
        }
        Totals totals = new Totals();
        Deque<InFlight> inFlight = new ArrayDeque<>();
        try {
            for (ListedSymbol symbol : pending) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("backfill stopped");
                }
                inFlight.add(send(symbol, resume));
                if (inFlight.size() > SYMBOLS_IN_FLIGHT) {
                    totals.add(complete(inFlight.remove()));
                }
            }
            while (!inFlight.isEmpty()) {
                totals.add(complete(inFlight.remove()));
            }
        } catch (BackfillException e) {
            settle(inFlight);
            throw e;
        }
        progress.finished();
        log.info("Backfill wrote {} bars ({} daily, {} 1m) for {} symbols in {} s to {}; {} were already there;"
                        + " plan {}", totals.written(), totals.daily, totals.minutes, pending.size(),
                String.format("%.1f", (clock.millis() - started) / 1000.0), Topics.BARS_BACKFILL.name(),
                totals.found, resume.plan().id());
    }

    private Resume resume(String clusterId) {
        Optional<BackfillJournal.State> state = journal.load();
        if (state.isPresent() && state.get().clusterId().equals(clusterId)) {
            BackfillJournal.State known = state.get();
            warnIfSettingsChanged(known.plan());
            boolean complete = symbols.stream().allMatch(symbol -> known.done().containsKey(symbol.symbol()));
            WrittenBars written = complete ? WrittenBars.none() : topic.scan(known.resumeOffsets());
            return new Resume(known.plan(), Set.copyOf(known.done().keySet()), written);
        }
        state.ifPresent(other -> log.info("Backfill journal {} was written for Kafka cluster {}, this is {};"
                + " starting over", journal.file(), other.clusterId(), clusterId));
        WrittenBars written = topic.scan(Map.of());
        BackfillPlan plan = written.latestPlan().orElseGet(() -> new BackfillPlan(settings.seed(), clock.instant(),
                settings.years(), settings.minuteDays()));
        if (written.count(plan) > 0) {
            log.info("Backfill journal {} missing, but {} has {} bars of plan {}: completing that plan",
                    journal.file(), Topics.BARS_BACKFILL.name(), written.count(plan), plan.id());
            warnIfSettingsChanged(plan);
        }
        journal.start(clusterId, plan, clock.instant());
        return new Resume(plan, Set.of(), written);
    }

    /** Hands every missing bar of a symbol to the producer, in order. */
    private InFlight send(ListedSymbol listed, Resume resume) throws InterruptedException {
        BackfillPlan plan = resume.plan();
        SymbolHistory history = generator.generate(listed, walks.apply(listed.instrument()), plan);
        List<Bar> missing = history.all().stream().filter(bar -> !resume.written().contains(plan, bar)).toList();
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(missing.size());
        pace.admit(missing.size());
        missing.forEach(bar -> sends.add(sender.send(BackfillRecords.record(plan, bar))));
        long daily = missing.stream().filter(bar -> bar.interval() == Interval.D1).count();
        int bars = history.daily().size() + history.minutes().size();
        return new InFlight(listed.symbol(), bars, new Written(daily, missing.size() - daily, bars - missing.size()),
                sends);
    }

    /** Waits for a symbol's acknowledgements, then journals it: only then is it done. */
    private Written complete(InFlight symbol) throws InterruptedException {
        Optional<RecordMetadata> last = await(symbol.symbol(), symbol.sends()).stream()
                .max(Comparator.comparingLong(RecordMetadata::offset));
        journal.done(new BackfillJournal.Done(symbol.symbol(), symbol.bars(),
                last.map(RecordMetadata::partition).orElse(-1), last.map(RecordMetadata::offset).orElse(-1L)),
                clock.instant());
        Written written = symbol.written();
        progress.symbolDone(written.daily() + written.minutes(), written.found());
        log.debug("Backfilled {}: {} bars written, {} already there", symbol.symbol(),
                written.daily() + written.minutes(), written.found());
        return written;
    }

    private List<RecordMetadata> await(String symbol, List<CompletableFuture<RecordMetadata>> sends)
            throws InterruptedException {
        Duration timeout = settings.writeTimeout();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return sends.stream().map(CompletableFuture::join).toList();
        } catch (ExecutionException e) {
            throw new BackfillException("cannot write the bars of " + symbol + " to " + Topics.BARS_BACKFILL.name()
                    + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new BackfillException("the bars of " + symbol + " were not acknowledged within " + timeout, e);
        }
    }

    /**
     * Waits until the producer has settled the sends of the symbols still in flight, whether they succeed or
     * fail: a send that lands after the next attempt has read the topic would be written twice.
     */
    private void settle(Deque<InFlight> inFlight) throws InterruptedException {
        CompletableFuture<?>[] sends = inFlight.stream().flatMap(symbol -> symbol.sends().stream())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).handle((done, error) -> done)
                    .get(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Backfill: {} sends still unsettled after {}; the next attempt may write some of them twice",
                    Arrays.stream(sends).filter(send -> !send.isDone()).count(), settings.writeTimeout());
        }
    }

    private void warnIfSettingsChanged(BackfillPlan plan) {
        if (plan.seed() != settings.seed() || plan.years() != settings.years()
                || plan.minuteDays() != settings.minuteDays()) {
            log.info("Backfill settings (seed {}, {} years, {} minute days) differ from the recorded plan {}; the"
                            + " recorded history stands. Delete {} and the topic's records to write another",
                    settings.seed(), settings.years(), settings.minuteDays(), plan.id(), journal.file());
        }
    }

    /** The plan to write, the symbols already complete, and the bars on the topic of the others. */
    private record Resume(BackfillPlan plan, Set<String> done, WrittenBars written) {
    }

    /** What writing one symbol did. */
    private record Written(long daily, long minutes, long found) {
    }

    /** A symbol whose bars are with the producer, not yet acknowledged. */
    private record InFlight(String symbol, int bars, Written written, List<CompletableFuture<RecordMetadata>> sends) {
    }

    private static final class Totals {
        private long daily;
        private long minutes;
        private long found;

        void add(Written written) {
            daily += written.daily();
            minutes += written.minutes();
            found += written.found();
        }

        long written() {
            return daily + minutes;
        }
    }
}
