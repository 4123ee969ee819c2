package io.mystocks.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Topics;
import io.mystocks.ingest.simulator.MutableClock;
import io.mystocks.ingest.simulator.SimulatorProperties;
import io.mystocks.ingest.universe.ListedSymbol;
import io.mystocks.ingest.universe.Universe;
import io.mystocks.ingest.universe.UniverseFixtures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {
    /** A Thursday after both markets closed on Wednesday. */
    private static final Instant START = Instant.parse("2026-12-03T08:00:00Z");
    private static final Universe UNIVERSE = UniverseFixtures.bundled();
    private static final List<String> SYMBOLS = List.of("600519", "AAPL", "000001");
    private static final HistoryGenerator GENERATOR = new HistoryGenerator(new BigDecimal("0.01"));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final FakeBackfillCluster cluster = new FakeBackfillCluster("cluster-a");

    @Test
    void firstStartWritesEveryBarOfEverySymbolOnceKeyedBySymbolWithThePlan() throws Exception {
        BackfillProgress progress = new BackfillProgress(true);

        backfill(SYMBOLS, cluster, progress).run();

        List<Bar> expected = expected(SYMBOLS, plan());
        assertSameBarsOnce(cluster.bars(), expected);
        assertThat(cluster.records()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(Topics.BARS_BACKFILL.name());
            assertThat(record.key()).isEqualTo(BackfillRecords.bar(record.value()).symbol());
            assertThat(record.timestamp()).isNull();
            assertThat(BackfillRecords.plan(record.headers())).isEqualTo(plan().id());
        });
        assertThat(progress.state()).isEqualTo(BackfillProgress.State.DONE);
        assertThat(progress.details()).containsEntry("symbols_done", 3).containsEntry("bars_written",
                (long) expected.size());
    }

    @Test
    void restartAfterCompletionWritesNothingAndReadsNothing() throws Exception {
        backfill(SYMBOLS, cluster).run();
        int written = cluster.records().size();
        clock.advance(Duration.ofDays(3));

        backfill(SYMBOLS, cluster).run();

        assertThat(cluster.records()).hasSize(written);
        assertThat(cluster.scans()).isEqualTo(1);
    }

    @Test
    void backfillCutShortMidSymbolIsCompletedOnTheNextStartWithoutDuplicates() throws Exception {
        int firstSymbol = expected(List.of("600519"), plan()).size();
        cluster.acceptOnly(firstSymbol + 500L);

        assertThatThrownBy(() -> backfill(SYMBOLS, cluster).run()).isInstanceOf(BackfillException.class)
                .hasMessageContaining("cannot write the bars of AAPL");
        assertThat(cluster.records()).hasSize(firstSymbol + 500);

        cluster.acceptAll();
        clock.advance(Duration.ofDays(1));
        backfill(SYMBOLS, cluster).run();

        assertSameBarsOnce(cluster.bars(), expected(SYMBOLS, plan()));
        assertThat(cluster.scannedRecords()).as("only the partly written symbol is read back").isEqualTo(500);
    }

    @Test
    void symbolsWrittenAfterOneThatFailedAreFoundOnTheTopicRatherThanWrittenAgain() throws Exception {
        cluster.refuse("600519");

        assertThatThrownBy(() -> backfill(SYMBOLS, cluster).run()).isInstanceOf(BackfillException.class)
                .hasMessageContaining("cannot write the bars of 600519");
        assertThat(new BackfillJournal(dir.resolve("journal.jsonl")).load().orElseThrow().done()).isEmpty();
        assertThat(cluster.bars()).extracting(Bar::symbol).containsOnly("AAPL", "000001");

        cluster.acceptAll();
        backfill(SYMBOLS, cluster).run();

        assertSameBarsOnce(cluster.bars(), expected(SYMBOLS, plan()));
    }

    @Test
    void failedAttemptWaitsForTheSendsStillInFlightSoTheRetryFindsThem() throws Exception {
        cluster.refuse("600519");
        cluster.slowDown("AAPL", Duration.ofMillis(300));

        assertThatThrownBy(() -> backfill(SYMBOLS, cluster).run()).isInstanceOf(BackfillException.class);
        int afterFailure = cluster.records().size();
        cluster.acceptAll();
        backfill(SYMBOLS, cluster).run();

        assertThat(afterFailure).isEqualTo(expected(List.of("AAPL", "000001"), plan()).size());
        assertSameBarsOnce(cluster.bars(), expected(SYMBOLS, plan()));
    }

    @Test
    void crashAfterTheBrokerAcknowledgedButBeforeTheJournalLineWritesNothingTwice() throws Exception {
        backfill(SYMBOLS, cluster).run();
        int written = cluster.records().size();
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, lines.size() - 1));

        backfill(SYMBOLS, cluster).run();

        assertThat(cluster.records()).hasSize(written);
        assertThat(new BackfillJournal(journal).load().orElseThrow().done()).containsOnlyKeys(SYMBOLS);
    }

    @Test
    void tornLastJournalLineIsIgnored() throws Exception {
        backfill(List.of("600519", "AAPL"), cluster).run();
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        String last = lines.getLast();
        Files.writeString(journal, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n"
                + last.substring(0, last.length() / 2));

        Optional<BackfillJournal.State> state = new BackfillJournal(journal).load();

        assertThat(state.orElseThrow().done()).containsOnlyKeys("600519");
        assertThat(state.get().plan()).isEqualTo(plan());
    }

    @Test
    void lostJournalAdoptsThePlanFoundOnTheTopicInsteadOfWritingAgain() throws Exception {
        backfill(SYMBOLS, cluster).run();
        int written = cluster.records().size();
        Files.delete(dir.resolve("journal.jsonl"));
        clock.advance(Duration.ofDays(2));

        backfill(SYMBOLS, cluster).run();

        assertThat(cluster.records()).hasSize(written);
        assertThat(new BackfillJournal(dir.resolve("journal.jsonl")).load().orElseThrow().plan()).isEqualTo(plan());
    }

    @Test
    void symbolAddedLaterIsBackfilledUnderTheRecordedPlan() throws Exception {
        backfill(List.of("600519", "AAPL"), cluster).run();
        clock.advance(Duration.ofDays(7));

        backfill(SYMBOLS, cluster).run();

        assertSameBarsOnce(cluster.bars(), expected(SYMBOLS, plan()));
    }

    @Test
    void journalOfAnotherClusterIsNotTrusted() throws Exception {
        backfill(SYMBOLS, cluster).run();
        FakeBackfillCluster fresh = new FakeBackfillCluster("cluster-b");
        clock.advance(Duration.ofDays(1));

        backfill(SYMBOLS, fresh).run();

        BackfillPlan newPlan = new BackfillPlan(42, clock.instant(), 1, 2);
        assertSameBarsOnce(fresh.bars(), expected(SYMBOLS, newPlan));
    }

    @Test
    void barsOfAnotherPlanOnTheTopicDoNotCountAsWritten() throws Exception {
        backfill(List.of("600519"), cluster).run();
        BackfillPlan older = new BackfillPlan(7, START.minus(Duration.ofDays(1)), 1, 2);
        Bar sameOpenTime = expected(List.of("AAPL"), plan()).getFirst();
        cluster.sender().send(BackfillRecords.record(older, sameOpenTime));
        int before = cluster.records().size();

        backfill(List.of("600519", "AAPL"), cluster).run();

        List<Bar> aapl = cluster.bars().stream().filter(bar -> bar.symbol().equals("AAPL")).toList();
        assertThat(cluster.records()).hasSize(before + expected(List.of("AAPL"), plan()).size());
        assertThat(aapl.stream().filter(sameOpenTime::equals)).hasSize(2);
    }

    private Backfill backfill(List<String> symbols, FakeBackfillCluster target) {
        return backfill(symbols, target, new BackfillProgress(true));
    }

    private Backfill backfill(List<String> symbols, FakeBackfillCluster target, BackfillProgress progress) {
        BackfillProperties settings = new BackfillProperties(true, 1, 2, 42, symbols,
                dir.resolve("journal.jsonl"), Duration.ofSeconds(5), 0);
        return new Backfill(BackfillConfiguration.symbols(UNIVERSE, settings),
                SimulatorProperties.defaults()::walkOf, GENERATOR, target, target.sender(),
                new BackfillJournal(settings.journal()), settings, progress, clock);
    }

    /** The plan of the first start: seed 42, one year of days, two days of minutes. */
    private static BackfillPlan plan() {
        return new BackfillPlan(42, START, 1, 2);
    }

    /** The same bars, each once: compared as sets, since the lists run to thousands. */
    private static void assertSameBarsOnce(List<Bar> actual, List<Bar> expected) {
        Set<Bar> distinct = new HashSet<>(actual);
        assertThat(distinct).as("no bar written twice").hasSize(actual.size());
        assertThat(distinct).isEqualTo(new HashSet<>(expected));
    }

    private static List<Bar> expected(List<String> symbols, BackfillPlan plan) {
        return symbols.stream().map(symbol -> {
            ListedSymbol listed = UNIVERSE.find(symbol).orElseThrow();
            return GENERATOR.generate(listed, SimulatorProperties.defaults().walkOf(listed.instrument()), plan);
        }).flatMap(history -> history.all().stream()).toList();
    }
}
