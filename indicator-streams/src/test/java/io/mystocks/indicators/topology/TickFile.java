package io.mystocks.indicators.topology;

import io.mystocks.contracts.Quote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bitstamp BTC/USD trades that ta4j's examples ship, 100,000 of them from 25 November to 1 December 2013,
 * as quotes the way the ingest replay turns a tick file into quotes. The file's rows are epoch seconds, price in
 * dollars and amount in coins, in time order.
 */
final class TickFile {
    static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

    private static final String HEADER = "timestamp,price,amount";
    /** Coins come with up to eight decimals and a quote's volume is whole units: thousandths of a coin. */
    private static final BigDecimal VOLUME_SCALE = BigDecimal.valueOf(1_000);
    /** Turnover in dollars and cents: price times coins, rounded half up. */
    private static final int AMOUNT_SCALE = 2;

    private static List<Trade> trades;

    private TickFile() {
    }

    /** Every trade of the file as a quote of {@code symbol}, in the file's order. */
    static List<Quote> quotes(String symbol) {
        return trades().stream().map(trade -> trade.quote(symbol)).toList();
    }

    private static synchronized List<Trade> trades() {
        if (trades == null) {
            trades = read();
        }
        return trades;
    }

    private static List<Trade> read() {
        InputStream in = TickFile.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path; it comes with the "
                    + "org.ta4j:ta4j-examples test dependency");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = lines.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException(RESOURCE + " starts with '" + header + "', not '" + HEADER + "'");
            }
            List<Trade> read = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",");
                read.add(new Trade(Instant.ofEpochSecond(Long.parseLong(cells[0])), new BigDecimal(cells[1]),
                        new BigDecimal(cells[2])));
            }
            return List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private record Trade(Instant time, BigDecimal price, BigDecimal coins) {
        Quote quote(String symbol) {
            long volume = coins.multiply(VOLUME_SCALE).setScale(0, RoundingMode.HALF_UP).longValueExact();
            BigDecimal amount = price.multiply(coins).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
            return new Quote(symbol, time, price, volume, amount, "replay");
        }
    }
}
