package io.mystocks.worker.backtest;

import io.mystocks.contracts.Bar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain, independent simulation of a simple-moving-average cross, written from the rules as stated
 * rather than from the engine: averages summed by hand, a cross as "fast above slow now, below before
 * (skipping ties)", orders decided at a close and filled at the next open with slippage against the
 * trader, whole lots, commission with a minimum, stamp tax on sells, the price band against the previous
 * close, and cash in cents.
 */
final class ReferenceSmaCross {
    private final int fast;
    private final int slow;
    private final BigDecimal capital;
    private final int lot;
    private final BigDecimal band;
    private final BigDecimal commissionRate;
    private final BigDecimal minCommission;
    private final BigDecimal stampTaxRate;
    private final BigDecimal slippage;

    ReferenceSmaCross(int fast, int slow, BigDecimal capital, int lot, BigDecimal band, BigDecimal commissionRate,
                      BigDecimal minCommission, BigDecimal stampTaxRate, BigDecimal slippage) {
        this.fast = fast;
        this.slow = slow;
        this.capital = capital;
        this.lot = lot;
        this.band = band;
        this.commissionRate = commissionRate;
        this.minCommission = minCommission;
        this.stampTaxRate = stampTaxRate;
        this.slippage = slippage;
    }

    record Trade(LocalDate entryDate, LocalDate exitDate, BigDecimal entryPrice, BigDecimal exitPrice, long quantity,
                 BigDecimal pnl, BigDecimal fees) {
    }

    record Outcome(List<Trade> trades, double[] equity, BigDecimal finalCash, long openQuantity,
                   BigDecimal commission, BigDecimal stampTax, BigDecimal slippage) {
    }

    Outcome run(List<Bar> bars) {
        int n = bars.size();
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            close[i] = bars.get(i).close().doubleValue();
        }
        BigDecimal cash = capital;
        long quantity = 0;
        BigDecimal entryCost = null;
        BigDecimal entryPrice = null;
        BigDecimal entryCommission = null;
        LocalDate entryDate = null;
        boolean wantLong = false;
        BigDecimal commissionPaid = BigDecimal.ZERO;
        BigDecimal taxPaid = BigDecimal.ZERO;
        BigDecimal slippagePaid = BigDecimal.ZERO;
        List<Trade> trades = new ArrayList<>();
        double[] equity = new double[n];

        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            BigDecimal open = bar.open();
            if (i > 0 && wantLong && quantity == 0) {
                BigDecimal previous = bars.get(i - 1).close();
                BigDecimal up = band == null ? null : cents(previous.multiply(BigDecimal.ONE.add(band)));
                if (up == null || open.compareTo(up) < 0) {
                    BigDecimal price = open.multiply(BigDecimal.ONE.add(slippage));
                    if (up != null && price.compareTo(up) > 0) {
                        price = up;
                    }
                    long q = 0;
                    while (cost(q + lot, price).compareTo(cash) <= 0) {
                        q += lot;
                    }
                    if (q == 0) {
                        wantLong = false;
                    } else {
                        BigDecimal value = cents(price.multiply(BigDecimal.valueOf(q)));
                        BigDecimal commission = commission(value);
                        cash = cash.subtract(value).subtract(commission);
                        commissionPaid = commissionPaid.add(commission);
                        slippagePaid = slippagePaid.add(value.subtract(cents(open.multiply(BigDecimal.valueOf(q)))));
                        quantity = q;
                        entryCost = value.add(commission);
                        entryPrice = price;
                        entryCommission = commission;
                        entryDate = bar.tradingDay();
                    }
                }
            } else if (i > 0 && !wantLong && quantity > 0) {
                BigDecimal previous = bars.get(i - 1).close();
                BigDecimal down = band == null ? null : cents(previous.multiply(BigDecimal.ONE.subtract(band)));
                if (down == null || open.compareTo(down) > 0) {
                    BigDecimal price = open.multiply(BigDecimal.ONE.subtract(slippage));
                    if (down != null && price.compareTo(down) < 0) {
                        price = down;
                    }
                    BigDecimal value = cents(price.multiply(BigDecimal.valueOf(quantity)));
                    BigDecimal commission = commission(value);
                    BigDecimal tax = cents(value.multiply(stampTaxRate));
                    BigDecimal proceeds = value.subtract(commission).subtract(tax);
                    cash = cash.add(proceeds);
                    commissionPaid = commissionPaid.add(commission);
                    taxPaid = taxPaid.add(tax);
                    slippagePaid = slippagePaid.add(cents(open.multiply(BigDecimal.valueOf(quantity))).subtract(value));
                    trades.add(new Trade(entryDate, bar.tradingDay(), entryPrice, price, quantity,
                            proceeds.subtract(entryCost), entryCommission.add(commission).add(tax)));
                    quantity = 0;
                }
            }
            equity[i] = cash.doubleValue() + quantity * close[i];
            if (i >= slow) {
                if (!wantLong && crossedUp(close, i)) {
                    wantLong = true;
                } else if (wantLong && crossedDown(close, i)) {
                    wantLong = false;
                }
            }
        }
        return new Outcome(trades, equity, cash, quantity, commissionPaid, taxPaid, slippagePaid);
    }

    private boolean crossedUp(double[] close, int i) {
        return difference(close, i) > 0 && lastNonZeroDifference(close, i - 1) < 0;
    }

    private boolean crossedDown(double[] close, int i) {
        return difference(close, i) < 0 && lastNonZeroDifference(close, i - 1) > 0;
    }

    private double lastNonZeroDifference(double[] close, int from) {
        for (int j = from; j >= slow - 1; j--) {
            double d = difference(close, j);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** Fast average minus slow average at {@code i}. */
    private double difference(double[] close, int i) {
        return average(close, i, fast) - average(close, i, slow);
    }

    private static double average(double[] close, int i, int length) {
        double sum = 0;
        for (int j = i - length + 1; j <= i; j++) {
            sum += close[j];
        }
        return sum / length;
    }

    private BigDecimal cost(long quantity, BigDecimal price) {
        BigDecimal value = cents(price.multiply(BigDecimal.valueOf(quantity)));
        return value.add(commission(value));
    }

    private BigDecimal commission(BigDecimal value) {
        BigDecimal c = cents(value.multiply(commissionRate));
        return c.compareTo(minCommission) < 0 ? cents(minCommission) : c;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
