package io.mystocks.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Bar;
import io.mystocks.contracts.Interval;
import io.mystocks.contracts.Market;
import io.mystocks.ingest.simulator.SimulatorProperties;
import io.mystocks.ingest.universe.ListedSymbol;
import io.mystocks.ingest.universe.Universe;
import io.mystocks.ingest.universe.UniverseFixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {
    /** A Thursday, 16:00 in Shanghai and 03:00 in New York. */
    private static final Instant AS_OF = Instant.parse("2026-12-03T08:00:00Z");
    private static final BigDecimal TICK = new BigDecimal("0.01");
    private static final Universe UNIVERSE = UniverseFixtures.bundled();

    private final HistoryGenerator generator = new HistoryGenerator(TICK);

    @Test
    void sameSeedGivesTheSameBarsAndAnotherSeedOthers() {
        SymbolHistory first = generate("600519", 42);
        SymbolHistory again = generate("600519", 42);
        SymbolHistory otherSeed = generate("600519", 43);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed.daily()).isNotEqualTo(first.daily());
        assertThat(otherSeed.minutes()).isNotEqualTo(first.minutes());
    }

    @Test
    void fiveYearsHoldAboutTwelveHundredFiftyTradingDaysAndNoWeekend() {
        SymbolHistory history = generate("AAPL", 42);

        assertThat(history.daily()).hasSizeBetween(1250, 1310)
                .allSatisfy(bar -> assertThat(TradingCalendar.isTradingDay(bar.tradingDay())).isTrue());
        assertThat(history.daily()).extracting(Bar::tradingDay).isSorted().doesNotHaveDuplicates();
        assertThat(history.daily().getLast().tradingDay()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void everyBarIsClosedConsistentOnTheTickAndInWholeLots() {
        for (String symbol : List.of("600519", "000725", "AAPL", "BRK.B")) {
            SymbolHistory history = generate(symbol, 7);
            int lot = UNIVERSE.find(symbol).orElseThrow().instrument().lotSize();

            assertThat(history.all()).allSatisfy(bar -> {
                assertThat(bar.closed()).isTrue();
                assertThat(bar.low()).isPositive();
                assertThat(bar.low()).isLessThanOrEqualTo(bar.open().min(bar.close()));
                assertThat(bar.high()).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
                assertThat(bar.open().remainder(TICK)).isZero();
                assertThat(bar.high().remainder(TICK)).isZero();
                assertThat(bar.volume()).isPositive();
                assertThat(bar.volume() % lot).isZero();
                assertThat(bar.trades()).isPositive();
            });
        }
    }

    @Test
    void historyEndsAtTheReferencePriceSoTheSimulatorContinuesIt() {
        for (ListedSymbol listed : List.of(listed("600519"), listed("AAPL"))) {
            SymbolHistory history = generate(listed.symbol(), 42);

            assertThat(history.daily().getLast().close()).isEqualByComparingTo(listed.referencePrice());
            assertThat(history.minutes().getLast().close()).isEqualByComparingTo(listed.referencePrice());
        }
    }

    @Test
    void dailyBarsSpanTheMarketLocalDateFromMidnightToMidnight() {
        SymbolHistory history = generate("600519", 42);

        assertThat(history.daily()).allSatisfy(bar -> {
            assertThat(bar.interval()).isEqualTo(Interval.D1);
            assertThat(bar.openTime()).isEqualTo(bar.tradingDay().atStartOfDay(Market.CN.zone()).toInstant());
            assertThat(bar.closeTime()).isEqualTo(bar.tradingDay().plusDays(1).atStartOfDay(Market.CN.zone())
                    .toInstant());
            assertThat(bar.symbol()).isEqualTo("600519");
        });
    }

    @Test
    void minuteBarsCoverTheSessionsOfTheLastFiveTradingDays() {
        SymbolHistory history = generate("600519", 42);

        Map<LocalDate, List<Bar>> byDay = history.minutes().stream()
                .collect(Collectors.groupingBy(Bar::tradingDay));
        List<LocalDate> lastFive = history.daily().subList(history.daily().size() - 5, history.daily().size())
                .stream().map(Bar::tradingDay).toList();
        assertThat(byDay.keySet()).containsExactlyInAnyOrderElementsOf(lastFive);
        assertThat(byDay.values()).allSatisfy(day -> assertThat(day).hasSize(240));
        assertThat(history.minutes()).allSatisfy(bar -> {
            LocalTime open = bar.openTime().atZone(Market.CN.zone()).toLocalTime();
            assertThat(Market.CN.sessions()).anyMatch(session -> session.contains(open));
            assertThat(bar.closeTime()).isEqualTo(bar.openTime().plusSeconds(60));
            assertThat(bar.interval()).isEqualTo(Interval.M1);
        });
        assertThat(history.minutes()).extracting(Bar::openTime).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void dailyBarOfAMinuteDayIsExactlyItsMinutesSummedUp() {
        SymbolHistory history = generate("AAPL", 42);
        Bar lastDay = history.daily().getLast();
        List<Bar> minutes = history.minutes().stream()
                .filter(bar -> bar.tradingDay().equals(lastDay.tradingDay())).toList();

        assertThat(minutes).hasSize(390);
        assertThat(lastDay.open()).isEqualTo(minutes.getFirst().open());
        assertThat(lastDay.close()).isEqualTo(minutes.getLast().close());
        assertThat(lastDay.high()).isEqualTo(minutes.stream().map(Bar::high).reduce(BigDecimal::max).orElseThrow());
        assertThat(lastDay.low()).isEqualTo(minutes.stream().map(Bar::low).reduce(BigDecimal::min).orElseThrow());
        assertThat(lastDay.volume()).isEqualTo(minutes.stream().mapToLong(Bar::volume).sum());
        assertThat(lastDay.amount()).isEqualTo(minutes.stream().map(Bar::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void amountIsVolumeTimesTypicalPrice() {
        SymbolHistory history = generate("000725", 42);

        assertThat(history.daily().subList(0, history.daily().size() - 5)).allSatisfy(bar -> {
            BigDecimal turnover = bar.high().add(bar.low()).add(bar.close()).multiply(BigDecimal.valueOf(bar.volume()));
            assertThat(bar.amount()).isEqualTo(turnover.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
        });
    }

    @Test
    void chineseBarsStayWithinTheDailyBandOfThePreviousClose() {
        SymbolHistory history = generate("000725", 3);

        List<Bar> daily = history.daily();
        for (int i = 1; i < daily.size(); i++) {
            BigDecimal previous = daily.get(i - 1).close();
            BigDecimal limitUp = previous.multiply(new BigDecimal("1.10")).add(TICK);
            BigDecimal limitDown = previous.multiply(new BigDecimal("0.90")).subtract(TICK);
            assertThat(daily.get(i).high()).isLessThanOrEqualTo(limitUp);
            assertThat(daily.get(i).low()).isGreaterThanOrEqualTo(limitDown);
        }
    }

    private SymbolHistory generate(String symbol, long seed) {
        ListedSymbol listed = listed(symbol);
        return generator.generate(listed, SimulatorProperties.defaults().walkOf(listed.instrument()),
                new BackfillPlan(seed, AS_OF, 5, 5));
    }

    private static ListedSymbol listed(String symbol) {
        return UNIVERSE.find(symbol).orElseThrow();
    }
}
