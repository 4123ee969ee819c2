package io.mystocks.contracts;

import java.time.LocalDate;

/**
 * A fundamentals snapshot of one symbol. Keyed by symbol on the compacted
 * {@code reference.fundamentals}. Ratios are plain fractions (0.12 is 12 %); {@code sample} says
 * the figures are illustrative sample data rather than a licensed feed.
 *
 * @param pe            price to earnings
 * @param pb            price to book
 * @param roe           return on equity
 * @param revenueGrowth year-on-year revenue growth
 * @param profitGrowth  year-on-year net profit growth
 * @param dividendYield trailing dividend yield
 * @param marketCap     market capitalisation in the listing currency
 */
public record Fundamentals(String symbol, double pe, double pb, double roe, double revenueGrowth,
                           double profitGrowth, double dividendYield, double marketCap, LocalDate asOf,
                           boolean sample) {
}
