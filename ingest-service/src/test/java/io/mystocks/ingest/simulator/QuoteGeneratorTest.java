package io.mystocks.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystocks.contracts.Market;
import io.mystocks.contracts.Quote;
import io.mystocks.ingest.universe.ListedSymbol;
import io.mystocks.ingest.universe.Universe;
import io.mystocks.ingest.universe.UniverseFixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuoteGeneratorTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Wednesday. */
    private static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 12, 2, 0, 0, 0, 0, SHANGHAI);
    private static final BigDecimal TICK = new BigDecimal("0.01");

    private final Universe universe = UniverseFixtures.bundled();

    @Test
    void sameSeedAndClockGiveTheSameQuotes() {
        List<Quote> first = run(42, 2_000);
        List<Quote> second = run(42, 2_000);
        List<Quote> otherSeed = run(43, 2_000);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void quotesArePositiveOnTheTickWithWholeLotsAndExactTurnover() {
        List<Quote> quotes = run(7, 20_000);

        assertThat(quotes).hasSize(20_000).allSatisfy(quote -> {
            ListedSymbol listed = universe.find(quote.symbol()).orElseThrow();
            assertThat(quote.price()).isPositive();
            assertThat(quote.price().remainder(TICK)).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(quote.volume()).isPositive();
            assertThat(quote.volume() % listed.instrument().lotSize()).isZero();
            assertThat(quote.amount()).isEqualTo(quote.price().multiply(BigDecimal.valueOf(quote.volume()))
                    .setScale(2, RoundingMode.HALF_UP));
            assertThat(quote.source()).isEqualTo("simulator");
        });
    }

    @Test
    void pricesMoveAwayFromTheReferencePrice() {
        List<Quote> quotes = run(7, 50_000);

        Map<String, Long> distinctPrices = quotes.stream().collect(Collectors.groupingBy(Quote::symbol,
                Collectors.mapping(Quote::price, Collectors.collectingAndThen(Collectors.toSet(),
                        prices -> (long) prices.size()))));
        assertThat(distinctPrices.get("600519")).isGreaterThan(10);
        assertThat(distinctPrices.get("AAPL")).isGreaterThan(10);
    }

    @Test
    void chinesePricesStayInsideTheDailyBand() {
        SimulatorProperties wild = new SimulatorProperties(true, 50, 1L, SessionMode.ALWAYS_OPEN,
                Duration.ofMillis(100), TICK, 0.5, 0.2,
                Map.of(Market.CN, new SimulatorProperties.MarketWalk(0, 5, 20)), null);
        ListedSymbol moutai = universe.find("600519").orElseThrow();
        MutableClock clock = clockAt(0, 1);
        QuoteGenerator generator = new QuoteGenerator(List.of(moutai), wild, 1L, clock);

        List<Quote> quotes = run(generator, clock, 1, 5_000);

        BigDecimal reference = moutai.referencePrice();
        assertThat(quotes).allSatisfy(quote -> assertThat(quote.price())
                .isBetween(reference.multiply(new BigDecimal("0.90")),
                        reference.multiply(new BigDecimal("1.10"))));
    }

    @Test
    void exchangeModeIsSilentDuringTheShanghaiLunchBreakWhileNewYorkSleeps() {
        QuoteGenerator generator = generator(7, SessionMode.EXCHANGE, clockAt(12, 0));

        List<Quote> quotes = generator.next(50);

        assertThat(quotes).isEmpty();
    }

    @Test
    void exchangeModeTradesOnlyChineseSymbolsInTheShanghaiMorningSession() {
        QuoteGenerator generator = generator(7, SessionMode.EXCHANGE, clockAt(10, 0));

        List<Quote> quotes = generator.next(500);

        assertThat(quotes).hasSize(500);
        Set<Market> markets = quotes.stream().map(quote -> Market.of(quote.symbol())).collect(Collectors.toSet());
        assertThat(markets).containsExactly(Market.CN);
    }

    @Test
    void exchangeModeTradesNewYorkInItsSessionAndNothingAtTheWeekend() {
        ZonedDateTime newYorkOpen = ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, ZoneId.of("America/New_York"));
        ZonedDateTime saturday = WEDNESDAY.plusDays(3).withHour(10);

        MutableClock newYorkClock = new MutableClock(newYorkOpen.toInstant());
        MutableClock saturdayClock = new MutableClock(saturday.toInstant());

        List<Quote> weekday = generator(7, SessionMode.EXCHANGE, newYorkClock).next(100);
        List<Quote> weekend = generator(7, SessionMode.EXCHANGE, saturdayClock).next(100);

        assertThat(weekday).hasSize(100)
                .allSatisfy(quote -> assertThat(Market.of(quote.symbol())).isEqualTo(Market.US));
        assertThat(weekend).isEmpty();
    }

    @Test
    void roundRobinGivesEverySymbolItsTurn() {
        QuoteGenerator generator = generator(7, SessionMode.ALWAYS_OPEN, clockAt(10, 0));

        List<Quote> quotes = generator.next(universe.size());

        assertThat(quotes.stream().map(Quote::symbol).distinct()).hasSize(universe.size());
    }

    private QuoteGenerator generator(long seed, SessionMode mode, MutableClock clock) {
        SimulatorProperties defaults = SimulatorProperties.defaults();
        SimulatorProperties settings = new SimulatorProperties(true, defaults.rate(), seed, mode,
                defaults.tickInterval(), defaults.tickSize(), defaults.jumpProbability(), defaults.jumpVolatility(),
                defaults.markets(), defaults.symbols());
        return new QuoteGenerator(universe.symbols(), settings, seed, clock);
    }

    /** {@code total} quotes of the whole universe, always open, from 10:00 on a Wednesday in Shanghai. */
    private List<Quote> run(long seed, int total) {
        MutableClock clock = clockAt(10, 0);
        return run(generator(seed, SessionMode.ALWAYS_OPEN, clock), clock, 50, total);
    }

    /** Takes {@code total} quotes in batches of {@code batch}, the clock moving one second per batch. */
    private static List<Quote> run(QuoteGenerator generator, MutableClock clock, int batch, int total) {
        List<Quote> quotes = new ArrayList<>();
        while (quotes.size() < total) {
            quotes.addAll(generator.next(Math.min(batch, total - quotes.size())));
            clock.advance(Duration.ofSeconds(1));
        }
        return quotes;
    }

    private static MutableClock clockAt(int hour, int minute) {
        return new MutableClock(WEDNESDAY.withHour(hour).withMinute(minute).toInstant());
    }
}
