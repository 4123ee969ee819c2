package io.mystocks.worker.backtest;

import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How orders of one symbol fill: the costs resolved for its market, its board lot, its daily price band
 * and whether shares bought today may be sold today.
 *
 * <p>Money is {@link BigDecimal} rounded half-up to cents on every fill, as on a broker's statement:
 * traded value, commission and stamp tax each round once, and cash is the exact sum of them. Fill
 * prices stay exact ({@code open * (1 +/- slippage)}).
 *
 * @param priceLimit the daily band as a fraction of the previous close, or null where there is none
 * @param tPlusOne   whether a position bought on a trading day can be sold only from the next one (CN)
 */
record Execution(Market market, int lotSize, BigDecimal priceLimit, boolean tPlusOne, BigDecimal commission,
                 BigDecimal minCommission, BigDecimal stampTax, BigDecimal slippage) {

    static Execution of(SymbolBars symbol, Costs costs) {
        Market market = symbol.market();
        return new Execution(market, symbol.lotSize(), market.priceLimit(), market == Market.CN, costs.commission(),
                costs.minCommission(), costs.stampTaxFor(market), costs.slippage());
    }

    /** The highest price of the day after a close of {@code previousClose}, or null without a band. */
    BigDecimal limitUp(BigDecimal previousClose) {
        return priceLimit == null ? null : cents(previousClose.multiply(BigDecimal.ONE.add(priceLimit)));
    }

    /** The lowest price of the day after a close of {@code previousClose}, or null without a band. */
    BigDecimal limitDown(BigDecimal previousClose) {
        return priceLimit == null ? null : cents(previousClose.multiply(BigDecimal.ONE.subtract(priceLimit)));
    }

    /** What a buy at {@code open} pays per share: slipped up, but never above the day's limit. */
    BigDecimal buyPrice(BigDecimal open, BigDecimal limitUp) {
        BigDecimal price = open.multiply(BigDecimal.ONE.add(slippage));
        return limitUp != null && price.compareTo(limitUp) > 0 ? limitUp : price;
    }

    /** What a sell at {@code open} gets per share: slipped down, but never below the day's limit. */
    BigDecimal sellPrice(BigDecimal open, BigDecimal limitDown) {
        BigDecimal price = open.multiply(BigDecimal.ONE.subtract(slippage));
        return limitDown != null && price.compareTo(limitDown) < 0 ? limitDown : price;
    }

    /** The most whole lots that {@code cash} pays for at {@code price}, commission included. */
    long affordableQuantity(BigDecimal cash, BigDecimal price) {
        BigDecimal perLot = price.multiply(BigDecimal.valueOf(lotSize)).multiply(BigDecimal.ONE.add(commission));
        if (perLot.signum() <= 0) {
            return 0;
        }
        long quantity = cash.divide(perLot, 0, RoundingMode.DOWN).longValue() * lotSize;
        while (quantity > 0 && buyCost(quantity, price).compareTo(cash) > 0) {
            quantity -= lotSize;
        }
        return quantity;
    }

    /** The cash a buy takes: traded value plus commission. */
    BigDecimal buyCost(long quantity, BigDecimal price) {
        BigDecimal value = value(quantity, price);
        return value.add(commissionOn(value));
    }

    BigDecimal value(long quantity, BigDecimal price) {
        return cents(price.multiply(BigDecimal.valueOf(quantity)));
    }

    BigDecimal commissionOn(BigDecimal value) {
        return cents(value.multiply(commission)).max(minCommission).setScale(2, RoundingMode.HALF_UP);
    }

    BigDecimal stampTaxOn(BigDecimal value) {
        return cents(value.multiply(stampTax));
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
