package io.mystocks.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystocks.contracts.Quote;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushPayloadTest {
    private static final String GOOD = """
            {"symbol": "600519", "timestamp": "2026-12-03T10:15:30+08:00", "price": 1450.10, "volume": 300,
             "amount": 435030.00}""";

    @Test
    void arrayOfQuotesIsReadWithExactDecimalsAndTheOffsetApplied() {
        List<PushRecord> records = parse("[" + GOOD + "]");

        assertThat(records).singleElement().isInstanceOfSatisfying(PushRecord.Readable.class, readable -> {
            Quote quote = readable.quote();
            assertThat(quote.symbol()).isEqualTo("600519");
            assertThat(quote.timestamp()).isEqualTo(Instant.parse("2026-12-03T02:15:30Z"));
            assertThat(quote.price()).isEqualTo(new BigDecimal("1450.10"));
            assertThat(quote.volume()).isEqualTo(300);
            assertThat(quote.amount()).isEqualTo(new BigDecimal("435030.00"));
            assertThat(quote.source()).isEqualTo("http");
        });
    }

    @Test
    void objectWithAQuotesArrayIsReadLikeAnArray() {
        List<PushRecord> records = parse("{\"quotes\": [" + GOOD + ", " + GOOD + "]}");

        assertThat(records).hasSize(2).allMatch(PushRecord.Readable.class::isInstance);
        assertThat(records).extracting(PushRecord::index).containsExactly(0, 1);
    }

    @Test
    void missingAmountIsPriceTimesVolume() {
        List<PushRecord> records = parse("""
                [{"symbol": "AAPL", "timestamp": "2026-12-03T15:00:00Z", "price": "270.125", "volume": 3}]""");

        Quote quote = ((PushRecord.Readable) records.getFirst()).quote();
        assertThat(quote.price()).isEqualTo(new BigDecimal("270.125"));
        assertThat(quote.amount()).isEqualTo(new BigDecimal("810.38"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"price\": NaN|price must be a finite number, was NaN",
            "\"price\": Infinity|price must be a finite number, was Infinity",
            "\"price\": \"NaN\"|price must be a finite number, was 'NaN'",
            "\"price\": \"12,5\"|price '12,5' is not a number",
            "\"price\": true|price must be a number, was boolean true",
            "\"price\": 1e400|price 1",
            "\"price\": null|price is missing",
            "\"volume\": 12.5|volume must be a whole number of shares, was 12.5",
            "\"volume\": -Infinity|volume must be a finite number, was -Infinity",
            "\"amount\": \"lots\"|amount 'lots' is not a number",
            "\"timestamp\": 1764756930|timestamp must be an ISO-8601 string",
            "\"timestamp\": \"2026-12-03 10:15:30\"|timestamp '2026-12-03 10:15:30' is not an ISO-8601 time",
            "\"timestamp\": \"2026-12-03T10:15:30\"|with a zone offset",
            "\"symbol\": 600519|symbol must be a string, was number 600519",
    })
    void malformedValueMakesTheQuoteUnreadableWithItsReason(String field, String reason) {
        String element = "{\"symbol\": \"600519\", \"timestamp\": \"2026-12-03T02:15:30Z\", \"price\": 1.0, "
                + "\"volume\": 100, " + field + "}";

        List<PushRecord> records = parse("[" + element + "]");

        assertThat(records).singleElement().isInstanceOfSatisfying(PushRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.reasons()).singleElement().asString().contains(reason);
            assertThat(unreadable.payload()).startsWith("{");
        });
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        List<PushRecord> records = parse("[{\"price\": 1.5}]");

        assertThat(records).singleElement().isInstanceOfSatisfying(PushRecord.Unreadable.class, unreadable ->
                assertThat(unreadable.reasons()).containsExactly("symbol is missing", "timestamp is missing",
                        "volume is missing"));
    }

    @Test
    void unreadableQuoteKeepsItsSymbolForTheDeadLetterKey() {
        List<PushRecord> records = parse("[{\"symbol\": \"AAPL\", \"price\": -1}]");

        assertThat(records).singleElement().isInstanceOfSatisfying(PushRecord.Unreadable.class, unreadable ->
                assertThat(unreadable.symbol()).isEqualTo("AAPL"));
    }

    @Test
    void negativeAndFutureValuesAreLeftToTheValidator() {
        List<PushRecord> records = parse("""
                [{"symbol": "ZZZZ", "timestamp": "2099-01-01T00:00:00Z", "price": -1, "volume": -5}]""");

        assertThat(records).singleElement().isInstanceOf(PushRecord.Readable.class);
    }

    @Test
    void elementThatIsNotAnObjectIsUnreadableAlone() {
        List<PushRecord> records = parse("[" + GOOD + ", 42, \"x\"]");

        assertThat(records.get(0)).isInstanceOf(PushRecord.Readable.class);
        assertThat(records.get(1)).isInstanceOfSatisfying(PushRecord.Unreadable.class, unreadable ->
                assertThat(unreadable.reasons()).containsExactly("quote must be a JSON object, was number 42"));
        assertThat(records.get(2)).isInstanceOf(PushRecord.Unreadable.class);
    }

    @Test
    void malformedJsonFailsTheWholeBodyNamingLineAndColumn() {
        assertThatThrownBy(() -> parse("[\n  {\"symbol\": \"AAPL\",}\n]"))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("malformed JSON at line 2, column 21: ");
    }

    @Test
    void truncatedJsonFailsTheWholeBody() {
        assertThatThrownBy(() -> parse("[" + GOOD))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("malformed JSON at line 2")
                .hasMessageContaining("end-of-input");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"data\": []}|got object",
            "\"quotes\"|got string \"quotes\"",
            "17|got number 17",
    })
    void jsonThatIsNotABatchFailsTheWholeBody(String body, String problem) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("expected a JSON array of quotes")
                .hasMessageContaining(problem);
    }

    @Test
    void emptyBodyFails() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(PayloadException.class)
                .hasMessage("the body is empty; send a JSON array of quotes");
    }

    @Test
    void batchOverTheLimitIsTooLarge() {
        String body = "[" + String.join(",", Collections.nCopies(4, GOOD)) + "]";

        assertThatThrownBy(() -> PushPayload.parse(body.getBytes(StandardCharsets.UTF_8), 3))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.status()).isEqualTo(413))
                .hasMessageContaining("holds 4 quotes, at most 3");
    }

    @Test
    void emptyBatchIsReadAsNoQuotes() {
        assertThat(parse("[]")).isEmpty();
    }

    private static List<PushRecord> parse(String body) {
        return PushPayload.parse(body.getBytes(StandardCharsets.UTF_8), 1000);
    }
}
