package io.mystocks.worker.backtest;

import io.mystocks.contracts.Market;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What trading costs, as fractions of the traded value.
 *
 * @param commission    charged on every fill, both sides
 * @param minCommission the least commission of one fill, in the symbol's currency (0 for none)
 * @param stampTax      charged on sells only; null for the market's own rate ({@link #stampTaxFor})
 * @param slippage      how far a fill is from the bar's open, against the trader: buys pay
 *                      {@code open * (1 + slippage)}, sells get {@code open * (1 - slippage)}
 */
public record Costs(BigDecimal commission, BigDecimal minCommission, BigDecimal stampTax, BigDecimal slippage) {
    /** The old service's defaults: 0.03 % commission, the market's stamp tax, 0.1 % slippage. */
    public static final Costs DEFAULT = new Costs(new BigDecimal("0.0003"), BigDecimal.ZERO, null,
            new BigDecimal("0.001"));

    private static final BigDecimal CN_STAMP_TAX = new BigDecimal("0.001");

    public Costs {
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(minCommission, "minCommission");
        Objects.requireNonNull(slippage, "slippage");
        if (commission.signum() < 0 || minCommission.signum() < 0 || slippage.signum() < 0
                || (stampTax != null && stampTax.signum() < 0)) {
            throw new IllegalArgumentException("costs cannot be negative: " + commission + ", " + minCommission
                    + ", " + stampTax + ", " + slippage);
        }
    }

    /** The stamp tax on sells of a market's symbols: the set rate, or 0.1 % for CN and none for US. */
    public BigDecimal stampTaxFor(Market market) {
        if (stampTax != null) {
            return stampTax;
        }
        return market == Market.CN ? CN_STAMP_TAX : BigDecimal.ZERO;
    }
}
