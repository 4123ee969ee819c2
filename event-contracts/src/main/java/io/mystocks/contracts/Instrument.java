package io.mystocks.contracts;

/**
 * Reference data of a listed symbol. Keyed by symbol on the compacted {@code reference.instruments}.
 *
 * @param exchange the listing exchange: SSE, SZSE, BSE, NYSE or NASDAQ
 * @param lotSize  the board lot: the smallest tradable multiple of shares
 */
public record Instrument(String symbol, String name, String exchange, Market market, String currency,
                         String sector, int lotSize) {
}
