package io.mystocks.ingest.universe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Market;
import io.mystocks.contracts.Symbols;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniverseCsvTest {
    private static final String HEADER = String.join(",", UniverseCsv.COLUMNS);
    private static final String GOOD_ROW =
            "600519,贵州茅台,SSE,CNY,Consumer Staples,100,1450.00,20.5,7.1,0.34,0.09,0.08,0.036,1.82e12,2026-09-30";

    @TempDir
    Path dir;

    @Test
    void bundledUniverseHoldsAtLeastAHundredSymbolsIncludingTheRequiredOnes() {
        Universe universe = UniverseLoader.load(List.of());

        assertThat(universe.size()).isGreaterThanOrEqualTo(100);
        assertThat(universe.count(Market.CN)).isGreaterThanOrEqualTo(50);
        assertThat(universe.count(Market.US)).isGreaterThanOrEqualTo(30);
        assertThat(List.of("000001", "000002", "600000", "600519", "000725", "AAPL", "MSFT", "NVDA", "AMZN",
                "GOOGL", "META", "TSLA", "BRK.B", "JPM")).allMatch(universe::contains);
        assertThat(universe.find("600519").orElseThrow().instrument().name()).isEqualTo("贵州茅台");
        assertThat(universe.find("000001").orElseThrow().instrument().name()).isEqualTo("平安银行");
        assertThat(universe.find("000002").orElseThrow().instrument().name()).isEqualTo("万科A");
        assertThat(universe.find("600000").orElseThrow().instrument().name()).isEqualTo("浦发银行");
        assertThat(universe.find("000725").orElseThrow().instrument().name()).isEqualTo("京东方A");
    }

    @Test
    void everyBundledRowIsConsistentSampleData() {
        Universe universe = UniverseLoader.load(List.of());

        assertThat(universe.symbols()).allSatisfy(listed -> {
            assertThat(Symbols.isValid(listed.symbol())).isTrue();
            assertThat(listed.referencePrice()).isPositive();
            assertThat(listed.instrument().lotSize()).isPositive();
            assertThat(listed.instrument().currency()).isEqualTo(listed.instrument().market().currency());
            assertThat(listed.fundamentals().symbol()).isEqualTo(listed.symbol());
            assertThat(listed.fundamentals().sample()).isTrue();
            assertThat(listed.fundamentals().marketCap()).isPositive();
        });
        assertThat(universe.symbols()).filteredOn(listed -> listed.instrument().market() == Market.CN)
                .allSatisfy(listed -> assertThat(listed.instrument().name()).containsPattern("\\p{IsHan}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "6005190,贵州茅台,SSE,CNY,X,100,1450.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|symbol '6005190'",
            "600519,贵州茅台,SSE,CNY,X,100,-1.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|ref_price must be positive",
            "600519,贵州茅台,SSE,CNY,X,0,1450.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|lot_size must be positive",
            "600519,贵州茅台,SSE,CNY,X,1.5,1450.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|lot_size '1.5'",
            "600519,贵州茅台,NYSE,CNY,X,100,1450.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|exchange 'NYSE'",
            "600519,贵州茅台,SSE,USD,X,100,1450.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|currency 'USD'",
            "600519,贵州茅台,SSE,CNY,X,100,1450.00,abc,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|pe 'abc'",
            "600519,贵州茅台,SSE,CNY,X,100,1450.00,20,7,0.3,0.1,0.1,0.03,1e12|has 14 fields",
            "600519,,SSE,CNY,X,100,1450.00,20,7,0.3,0.1,0.1,0.03,1e12,2026-09-30|name is empty",
    })
    void badRowFailsWithTheFileAndLine(String row, String problem) throws IOException {
        Path file = write("# a comment", HEADER, "AAPL,Apple Inc.,NASDAQ,USD,IT,1,270,36,54,1.5,0.06,0.1,0.004,4e12,"
                + "2026-09-30", row);

        assertThatThrownBy(() -> UniverseLoader.load(List.of(file)))
                .isInstanceOf(InvalidUniverseException.class)
                .hasMessageStartingWith(file + " line 4: ")
                .hasMessageContaining(problem);
    }

    @Test
    void symbolListedTwiceInOneFileFails() {
        assertThatThrownBy(() -> UniverseCsv.parse("twice.csv", List.of(HEADER, GOOD_ROW, GOOD_ROW)))
                .isInstanceOf(InvalidUniverseException.class)
                .hasMessage("twice.csv line 3: symbol 600519 appears twice");
    }

    @Test
    void headerWithoutARequiredColumnFails() {
        String header = HEADER.replace(",pe,", ",p_e,");

        assertThatThrownBy(() -> UniverseCsv.parse("old.csv", List.of("# sample", header, GOOD_ROW)))
                .isInstanceOf(InvalidUniverseException.class)
                .hasMessage("old.csv line 2: header lacks column(s) [pe]");
    }

    @Test
    void extraFileAddsSymbolsAndReplacesBundledRows() throws IOException {
        Path file = write(HEADER + ",sample",
                "600519,贵州茅台,SSE,CNY,Consumer Staples,100,1500.00,21,7,0.3,0.1,0.1,0.03,1.9e12,2026-12-31,false",
                "688256,寒武纪,SSE,CNY,Information Technology,200,600.00,300,40,0.1,1.2,2.0,0,2.5e11,2026-12-31,true");
        int bundled = UniverseLoader.load(List.of()).size();

        Universe universe = UniverseLoader.load(List.of(file));

        assertThat(universe.size()).isEqualTo(bundled + 1);
        ListedSymbol moutai = universe.find("600519").orElseThrow();
        assertThat(moutai.referencePrice()).isEqualByComparingTo(new BigDecimal("1500.00"));
        assertThat(moutai.fundamentals().sample()).isFalse();
        assertThat(universe.find("688256").orElseThrow().instrument().lotSize()).isEqualTo(200);
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("extra.csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
