package io.riskgrid.core.performance;

import io.riskgrid.core.Guard;

import java.util.Arrays;

/**
 * Input of the return-series analytics: a series of simple per-period returns (0.01 is a gain of
 * 1% over the period) and the rates it is measured against.
 * <ul>
 *   <li>{@code returns}: one simple return per period, oldest first. A missing observation is NaN
 *       (null in JSON); it is skipped in sums, means, products and the wealth path, but still counts
 *       as a period when the total return is annualized. Infinite values are rejected.</li>
 *   <li>{@code riskFreeRate} and {@code requiredReturn} (the minimum acceptable return, MAR): per-period
 *       rates, each either one number for every period (an array of length 1) or one per return (a
 *       daily bill-rate series, say). They may not contain NaN. Null means the default, 0.</li>
 *   <li>{@code periodsPerYear}: how many periods make a year, to annualize (252 trading days, 52
 *       weeks, 12 months).</li>
 *   <li>{@code benchmarkReturns}: null for none, or one simple return per period aligned with
 *       {@code returns} (NaN = missing), for alpha and beta.</li>
 *   <li>{@code confidence}: the confidence level of VaR and CVaR, in [0, 1].</li>
 * </ul>
 * Validation failures are {@link IllegalArgumentException}s whose messages name the field as a
 * JSON caller wrote it ({@code "returns[3] must be a finite number or null"}).
 * <p>
 * The arrays are copied in and out, so this record is immutable and thread-safe. The {@code ...At(i)}
 * accessors read one element without copying, for calculators that walk the series.
 */
public record PerformanceInput(double[] returns, double[] riskFreeRate, double[] requiredReturn,
                               int periodsPerYear, double[] benchmarkReturns, double confidence) {

    /** Trading days in a year: the annualization of daily returns. */
    public static final int DEFAULT_PERIODS_PER_YEAR = 252;

    /** The confidence level of VaR and CVaR when none is given. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public PerformanceInput {
        Guard.notNull(returns, "returns");
        if (returns.length == 0) {
            throw new IllegalArgumentException("returns must not be empty");
        }
        returns = returns.clone();
        for (int i = 0; i < returns.length; i++) {
            if (Double.isInfinite(returns[i])) {
                throw new IllegalArgumentException("returns[" + i + "] must be a finite number or null");
            }
        }
        riskFreeRate = rate(riskFreeRate, "riskFreeRate", returns.length);
        requiredReturn = rate(requiredReturn, "requiredReturn", returns.length);
        Guard.positive(periodsPerYear, "periodsPerYear");
        if (benchmarkReturns != null) {
            if (benchmarkReturns.length != returns.length) {
                throw new IllegalArgumentException("benchmarkReturns has " + benchmarkReturns.length
                        + " entries but returns has " + returns.length);
            }
            benchmarkReturns = benchmarkReturns.clone();
            for (int i = 0; i < benchmarkReturns.length; i++) {
                if (Double.isInfinite(benchmarkReturns[i])) {
                    throw new IllegalArgumentException("benchmarkReturns[" + i + "] must be a finite number or null");
                }
            }
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }

    /**
     * The returns with the defaults: risk-free rate 0, required return 0, {@value #DEFAULT_PERIODS_PER_YEAR}
     * periods per year, no benchmark, confidence {@value #DEFAULT_CONFIDENCE}.
     */
    public static PerformanceInput of(double[] returns) {
        return new PerformanceInput(returns, null, null, DEFAULT_PERIODS_PER_YEAR, null, DEFAULT_CONFIDENCE);
    }

    /** A copy of the returns (NaN = missing). */
    @Override
    public double[] returns() {
        return returns.clone();
    }

    /** A copy of the risk-free rate: one number, or one per return. */
    @Override
    public double[] riskFreeRate() {
        return riskFreeRate.clone();
    }

    /** A copy of the required return: one number, or one per return. */
    @Override
    public double[] requiredReturn() {
        return requiredReturn.clone();
    }

    /** A copy of the benchmark returns (NaN = missing), or null when there is no benchmark. */
    @Override
    public double[] benchmarkReturns() {
        return benchmarkReturns == null ? null : benchmarkReturns.clone();
    }

    /** The number of periods, missing ones included. */
    public int length() {
        return returns.length;
    }

    /** The return of period {@code i}; NaN when missing. */
    public double returnAt(int i) {
        return returns[i];
    }

    /** The risk-free rate of period {@code i}. */
    public double riskFreeRateAt(int i) {
        return riskFreeRate.length == 1 ? riskFreeRate[0] : riskFreeRate[i];
    }

    /** The required return (MAR) of period {@code i}. */
    public double requiredReturnAt(int i) {
        return requiredReturn.length == 1 ? requiredReturn[0] : requiredReturn[i];
    }

    /** Whether benchmark returns were given. */
    public boolean hasBenchmark() {
        return benchmarkReturns != null;
    }

    /** The benchmark return of period {@code i}; NaN when missing. Only when {@link #hasBenchmark()}. */
    public double benchmarkReturnAt(int i) {
        return benchmarkReturns[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerformanceInput other
                && Arrays.equals(returns, other.returns)
                && Arrays.equals(riskFreeRate, other.riskFreeRate)
                && Arrays.equals(requiredReturn, other.requiredReturn)
                && periodsPerYear == other.periodsPerYear
                && Arrays.equals(benchmarkReturns, other.benchmarkReturns)
                && Double.compare(confidence, other.confidence) == 0;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(returns);
        h = 31 * h + Arrays.hashCode(riskFreeRate);
        h = 31 * h + Arrays.hashCode(requiredReturn);
        h = 31 * h + periodsPerYear;
        h = 31 * h + Arrays.hashCode(benchmarkReturns);
        return 31 * h + Double.hashCode(confidence);
    }

    @Override
    public String toString() {
        return "PerformanceInput[returns=" + Arrays.toString(returns)
                + ", riskFreeRate=" + Arrays.toString(riskFreeRate)
                + ", requiredReturn=" + Arrays.toString(requiredReturn)
                + ", periodsPerYear=" + periodsPerYear
                + ", benchmarkReturns=" + Arrays.toString(benchmarkReturns)
                + ", confidence=" + confidence + "]";
    }

    /** A per-period rate: null means 0; otherwise one finite number, or one finite number per return. */
    private static double[] rate(double[] rate, String name, int returnCount) {
        if (rate == null) {
            return new double[] {0};
        }
        if (rate.length != 1 && rate.length != returnCount) {
            throw new IllegalArgumentException(name + " has " + rate.length
                    + " entries; give one number or one per return (" + returnCount + ")");
        }
        double[] copy = rate.clone();
        if (copy.length == 1) {
            Guard.finite(copy[0], name);
        } else {
            for (int i = 0; i < copy.length; i++) {
                Guard.finite(copy[i], name + "[" + i + "]");
            }
        }
        return copy;
    }
}
