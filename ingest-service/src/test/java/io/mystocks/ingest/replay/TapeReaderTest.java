package io.mystocks.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Market;
import io.mystocks.ingest.replay.ReplayProperties.FileSource;
import io.mystocks.ingest.replay.ReplayProperties.Format;
import io.mystocks.ingest.replay.ReplayProperties.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapeReaderTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final TapeReader reader = new TapeReader(symbol -> Market.of(symbol).lotSize());

    @TempDir
    Path dir;

    @Test
    void ticksAreReadInRecordedOrderAcrossTimeForms() {
        Tape tape = reader.read(FileSource.of("classpath:replay/ticks.csv"));

        assertThat(tape.prints()).extracting(Tape.Print::recordedAt).containsExactly(
                Instant.parse("2026-12-01T14:30:00Z"), Instant.parse("2026-12-01T14:30:30Z"),
                Instant.parse("2026-12-01T14:31:00Z"), Instant.parse("2026-12-01T14:35:00Z"),
                Instant.parse("2026-12-01T15:30:00Z"));
        Tape.Print moutai = tape.prints().get(1);
        assertThat(moutai.symbol()).isEqualTo("600519");
        assertThat(moutai.price()).isEqualTo(new BigDecimal("1450.00"));
        assertThat(moutai.volume()).isEqualTo(200);
        assertThat(moutai.amount()).isEqualTo(new BigDecimal("290000.00"));
    }

    @Test
    void unreadableRowsAreKeptWithTheirLineAndReason() {
        Tape tape = reader.read(FileSource.of("classpath:replay/ticks.csv"));

        assertThat(tape.unreadable()).hasSize(2);
        assertThat(tape.unreadable()).anySatisfy(row -> {
            assertThat(row.payload()).startsWith("classpath:replay/ticks.csv line 6: AAPL,");
            assertThat(row.reasons()).containsExactly("price 'abc' is not a number");
            assertThat(row.symbol()).isEqualTo("AAPL");
        });
        assertThat(tape.unreadable()).anySatisfy(row -> assertThat(row.reasons())
                .containsExactly("has 3 fields, the header 4"));
    }

    @Test
    void dailyBarsWithoutASymbolColumnTakeTheConfiguredSymbolAndPlayInSessionHours() {
        FileSource source = new FileSource("classpath:replay/daily-bars.csv", Format.AUTO, Kind.AUTO, "AAPL", null, 1,
                null);

        Tape tape = reader.read(source);

        assertThat(tape.prints()).hasSize(12).allSatisfy(print -> assertThat(print.symbol()).isEqualTo("AAPL"));
        List<Tape.Print> first = tape.prints().subList(0, 4);
        assertThat(first).extracting(print -> LocalDateTime.ofInstant(print.recordedAt(), NEW_YORK).toString())
                .containsExactly("2013-01-02T09:30", "2013-01-02T11:40", "2013-01-02T13:50", "2013-01-02T15:40:30");
        assertThat(first).extracting(print -> print.price().toPlainString())
                .containsExactly("553.82", "555.00", "541.63", "549.03");
        assertThat(first.stream().mapToLong(Tape.Print::volume).sum()).isEqualTo(20018501);
    }

    @Test
    void jsonBarsWithProviderFieldNamesAreRecognisedAndTheirLengthInferred() {
        Tape tape = reader.read(new FileSource("classpath:replay/eth-5m.json", Format.AUTO, Kind.AUTO, "COIN", null,
                1, null));

        assertThat(tape.prints()).hasSize(12);
        Instant first = Instant.ofEpochMilli(1678730699999L);
        assertThat(tape.prints().subList(0, 4)).extracting(Tape.Print::recordedAt).containsExactly(first,
                first.plusSeconds(100), first.plusSeconds(200), first.plusSeconds(285));
        assertThat(tape.prints().getFirst().price()).isEqualByComparingTo("1673.58");
        assertThat(tape.prints().subList(0, 4).stream().mapToLong(Tape.Print::volume).sum()).isEqualTo(65);
        assertThat(tape.prints().subList(0, 4)).extracting(Tape.Print::amount)
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("0"));
    }

    @Test
    void bitstampTradesFromTheTa4jExamplesReplayAsTicksWithScaledVolume() {
        FileSource bitstamp = new FileSource("classpath:bitstamp_trades_from_20131125_usd.csv", Format.AUTO,
                Kind.AUTO, "COIN", Map.of("volume", "amount"), 1000, null);

        Tape tape = reader.read(bitstamp);

        assertThat(tape.unreadable()).isEmpty();
        assertThat(tape.prints()).hasSizeGreaterThan(90_000)
                .isSortedAccordingTo(Comparator.comparing(Tape.Print::recordedAt));
        Tape.Print first = tape.prints().getFirst();
        assertThat(first.recordedAt()).isEqualTo(Instant.ofEpochSecond(1385337600));
        assertThat(first.price()).isEqualByComparingTo("800.01");
        assertThat(first.volume()).isEqualTo(100);
        assertThat(first.amount()).isEqualByComparingTo("80.00");
    }

    @Test
    void fileWithoutASymbolColumnNeedsAConfiguredSymbol() {
        assertThatThrownBy(() -> reader.read(FileSource.of("classpath:replay/daily-bars.csv")))
                .isInstanceOf(InvalidReplayFileException.class)
                .hasMessage("replay file classpath:replay/daily-bars.csv: has no symbol column; set its symbol");
    }

    @Test
    void mappingToAColumnTheFileLacksIsRefused() {
        FileSource source = new FileSource("classpath:replay/ticks.csv", Format.AUTO, Kind.AUTO, null,
                Map.of("volume", "qty"), 1, null);

        assertThatThrownBy(() -> reader.read(source))
                .isInstanceOf(InvalidReplayFileException.class)
                .hasMessageContaining("has no column 'qty' for volume");
    }

    @Test
    void barsAskedOfATickFileAreRefused() {
        FileSource source = new FileSource("classpath:replay/ticks.csv", Format.AUTO, Kind.BARS, null, null, 1, null);

        assertThatThrownBy(() -> reader.read(source))
                .isInstanceOf(InvalidReplayFileException.class)
                .hasMessageContaining("lacks the columns of bars");
    }

    @Test
    void fileOfUnknownExtensionNeedsAFormat() throws IOException {
        Path file = Files.writeString(dir.resolve("ticks.dat"), "symbol,timestamp,price\nAAPL,1796139000,1\n");

        assertThatThrownBy(() -> reader.read(FileSource.of(file.toString())))
                .isInstanceOf(InvalidReplayFileException.class)
                .hasMessageContaining("set its format");
        assertThat(reader.read(new FileSource(file.toString(), Format.CSV, Kind.AUTO, null, null, 1, null)).prints())
                .hasSize(1);
    }

    @Test
    void inconsistentBarIsUnreadable() throws IOException {
        Path file = Files.writeString(dir.resolve("bars.csv"),
                "symbol,time,open,high,low,close\nAAPL,2026-12-01T14:30:00Z,10,9,8,9.5\n");

        Tape tape = reader.read(FileSource.of(file.toString()));

        assertThat(tape.prints()).isEmpty();
        assertThat(tape.unreadable()).singleElement().satisfies(row ->
                assertThat(row.reasons().getFirst()).startsWith("bar is inconsistent"));
    }
}
