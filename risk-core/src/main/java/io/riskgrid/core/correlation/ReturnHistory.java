package io.riskgrid.core.correlation;

import io.riskgrid.core.Guard;

/**
 * Turns a price history into the return series that volatility, correlation and historical stress
 * scenarios are estimated from. A simple (arithmetic) return over one period is
 * {@code p[t] / p[t-1] - 1}, the convention the rest of RiskGrid uses for returns: a position's
 * P&amp;L over the period is its market value times that return. n prices give n - 1 returns.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class ReturnHistory {

    private ReturnHistory() {
    }

    /**
     * The simple returns of one price series, oldest first.
     *
     * @param prices at least two finite, strictly positive prices, oldest first
     * @return {@code prices.length - 1} returns; {@code r[t-1] = p[t] / p[t-1] - 1}
     * @throws IllegalArgumentException if there are fewer than two prices or one is not positive
     */
    public static double[] simpleReturns(double[] prices) {
        return returnsOf(Guard.notNull(prices, "prices"), "prices");
    }

    /**
     * The simple returns of several instruments, in the layout
     * {@link CovarianceEstimator#estimate(double[][])} and
     * {@link io.riskgrid.core.stress.StressScenario#historical} take: {@code result[i]} is the
     * return series of {@code prices[i]}.
     *
     * @param prices {@code prices[i]} is the price history of instrument i, oldest first; all the same length
     * @throws IllegalArgumentException if the histories differ in length or one is invalid for {@link #simpleReturns(double[])}
     */
    public static double[][] simpleReturns(double[][] prices) {
        Guard.notNull(prices, "prices");
        double[][] r = new double[prices.length][];
        for (int i = 0; i < prices.length; i++) {
            double[] p = Guard.notNull(prices[i], "prices[" + i + "]");
            if (p.length != prices[0].length) {
                throw new IllegalArgumentException("prices[" + i + "] has " + p.length + " prices, prices[0] has "
                        + prices[0].length + "; every history must be the same length");
            }
            r[i] = returnsOf(p, "prices[" + i + "]");
        }
        return r;
    }

    private static double[] returnsOf(double[] prices, String name) {
        if (prices.length < 2) {
            throw new IllegalArgumentException(name + " must hold at least 2 prices to give a return, had " + prices.length);
        }
        for (int t = 0; t < prices.length; t++) {
            double p = prices[t];
            // A price of zero or below has no return, and a NaN would poison every figure downstream.
            if (!(p > 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException(name + "[" + t + "] must be a positive number, was " + p);
            }
        }
        double[] r = new double[prices.length - 1];
        for (int t = 1; t < prices.length; t++) {
            r[t - 1] = prices[t] / prices[t - 1] - 1;
        }
        return r;
    }
}
