package io.mystocks.ingest.backfill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mystocks.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The backfill's own record of what it wrote, one JSON object per line: first the plan and the Kafka cluster
 * it was written to, then one line per symbol once the broker has acknowledged all of its bars, with the
 * partition and offset of its last bar. Lines are appended and forced to disk one at a time, so a crash
 * leaves at most a torn last line, which is ignored.
 */
final class BackfillJournal {
    private static final Logger log = LoggerFactory.getLogger(BackfillJournal.class);
    private static final String PLAN = "plan";
    private static final String DONE = "done";

    private final Path file;

    BackfillJournal(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    /** What the journal holds, or empty when there is none or it does not start with a plan. */
    Optional<State> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = read();
        State state = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = parse(i + 1, lines.get(i));
            if (line == null) {
                continue;
            }
            if (state == null) {
                state = first(line);
                if (state == null) {
                    return Optional.empty();
                }
            } else if (DONE.equals(line.type()) && line.symbol() != null) {
                state.done().put(line.symbol(), new Done(line.symbol(), orZero(line.bars()),
                        line.partition() == null ? -1 : line.partition(), orZero(line.lastOffset())));
            }
        }
        return Optional.ofNullable(state);
    }

    /** Starts a new journal for a plan, replacing any earlier one. */
    void start(String clusterId, BackfillPlan plan, Instant now) {
        try {
            Files.createDirectories(file.getParent());
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(fresh, line(new Line(PLAN, clusterId, plan.id(), null, null, null, null, now)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backfill journal " + file, e);
        }
    }

    /** Records that every bar of a symbol is acknowledged; call only after the broker acknowledged them. */
    void done(Done done, Instant now) {
        Line line = new Line(DONE, null, null, done.symbol(), done.bars(), done.partition(), done.lastOffset(), now);
        try {
            Files.writeString(file, line(line), StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the backfill journal " + file, e);
        }
    }

    private List<String> read() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backfill journal " + file, e);
        }
    }

    private State first(Line line) {
        Optional<BackfillPlan> plan = BackfillPlan.parse(line.plan());
        if (!PLAN.equals(line.type()) || line.clusterId() == null || plan.isEmpty()) {
            log.warn("Backfill journal {} does not start with a plan; starting over", file);
            return null;
        }
        return new State(line.clusterId(), plan.get(), new LinkedHashMap<>());
    }

    private Line parse(int number, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readValue(text, Line.class);
        } catch (JacksonException e) {
            // The last line of a journal cut short by a crash; anything it claimed is found on the topic.
            log.warn("Backfill journal {} line {} is unreadable and ignored: {}", file, number, e.getOriginalMessage());
            return null;
        }
    }

    private static String line(Line line) {
        return Json.mapper().writeValueAsString(line) + "\n";
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * @param done the symbols fully written, by symbol
     */
    record State(String clusterId, BackfillPlan plan, Map<String, Done> done) {
        /**
         * Per partition, the offset after the last bar of a finished symbol. Symbols are written one after the
         * other, so any bar of an unfinished symbol lies at or beyond it.
         */
        Map<Integer, Long> resumeOffsets() {
            Map<Integer, Long> offsets = new HashMap<>();
            done.values().stream().filter(symbol -> symbol.partition() >= 0).forEach(symbol ->
                    offsets.merge(symbol.partition(), symbol.lastOffset() + 1, Math::max));
            return offsets;
        }
    }

    /**
     * A symbol whose bars are all on the topic.
     *
     * @param bars       how many bars this symbol's backfill has in all
     * @param partition  where its last bar was written by this journal's run; -1 when nothing had to be written
     * @param lastOffset the offset of that bar
     */
    record Done(String symbol, long bars, int partition, long lastOffset) {
    }

    /** One journal line; the fields a kind of line does not use are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String type, String clusterId, String plan, String symbol, Long bars, Integer partition,
                Long lastOffset, Instant at) {
    }
}
