package io.mystocks.ingest.simulator;

/**
 * The random walk of one symbol.
 *
 * @param drift           annual drift of the log price (0.05 is 5 % a year)
 * @param volatility      annual volatility of the log price (0.30 is 30 % a year)
 * @param jumpProbability chance per quote of a jump on top of the diffusion
 * @param jumpVolatility  standard deviation of a jump's log return
 * @param medianLots      median size of one quote's volume, in board lots
 */
public record WalkParameters(double drift, double volatility, double jumpProbability, double jumpVolatility,
                             int medianLots) {
    public WalkParameters {
        if (!(volatility > 0) || !Double.isFinite(drift)) {
            throw new IllegalArgumentException("volatility must be positive and drift finite, were " + volatility
                    + " and " + drift);
        }
        if (!(jumpProbability >= 0 && jumpProbability <= 1) || !(jumpVolatility >= 0) || medianLots < 1) {
            throw new IllegalArgumentException("jump probability must be in [0, 1], jump volatility not negative"
                    + " and median lots positive, were " + jumpProbability + ", " + jumpVolatility + ", "
                    + medianLots);
        }
    }
}
