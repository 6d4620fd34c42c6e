package io.riskgrid.core.performance;

import io.riskgrid.core.LowerTail;
import io.riskgrid.core.Guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Performance and risk statistics of a return series, with the conventions of empyrical (the
 * library behind pyfolio), so that a quant can cross-check every figure in Python.
 * <p>
 * Notation: r is a simple per-period return, rf the risk-free rate and MAR the required return of
 * the same period, ppy the periods per year, n the number of non-missing returns and N the length of
 * the series counting missing entries. Missing returns are skipped everywhere below.
 * <ul>
 *   <li><b>totalReturn</b> = prod(1 + r) - 1.</li>
 *   <li><b>annualReturn</b> (compound annual growth rate) = (1 + totalReturn)^(ppy / N) - 1. N, not n:
 *       a missing period still took time, as in empyrical.</li>
 *   <li><b>annualVolatility</b> = sample standard deviation of r (divisor n - 1) * sqrt(ppy).</li>
 *   <li><b>sharpe</b> = mean(r - rf) / std(r - rf) * sqrt(ppy), sample standard deviation.</li>
 *   <li><b>downsideRisk</b> = sqrt(mean(min(r - MAR, 0)^2)) * sqrt(ppy); the mean is over all n
 *       observations, not only those below the MAR.</li>
 *   <li><b>sortino</b> = mean(r - MAR) * ppy / downsideRisk.</li>
 *   <li><b>maxDrawdown</b>: the wealth path starts at 1, which counts as a peak, and grows by 1 + r each
 *       period; the drawdown is wealth / running peak - 1, and the figure is its minimum, a negative
 *       fraction (0 when wealth never falls below a peak).</li>
 *   <li><b>calmar</b> = annualReturn / |maxDrawdown|.</li>
 *   <li><b>omega</b> = sum(max(r - rf - MAR, 0)) / sum(max(rf + MAR - r, 0)): gains above the threshold
 *       rf + MAR over the losses below it.</li>
 *   <li><b>var</b>: the historical value at risk as a return, the type-7 quantile (the numpy and R
 *       default) of the returns at p = 1 - confidence: with x sorted ascending and h = (n - 1) p,
 *       x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). Negative for a loss.</li>
 *   <li><b>cvar</b>: the mean of the k + 1 smallest returns, k = floor((n - 1) p + 1e-9); the 1e-9
 *       keeps binary rounding of p from dropping a return (n = 6, confidence 0.8 gives k = 1).</li>
 *   <li><b>beta</b>: the least-squares slope of r - rf on b - rf (b the benchmark return) over the
 *       periods where both are present; <b>alpha</b>: the per-period intercept a of that regression,
 *       annualized as (1 + a)^ppy - 1.</li>
 * </ul>
 * A figure that is undefined for the input is null, with a warning {@code "<figure> is undefined:
 * <reason>"}: every figure when every return is missing; volatility and Sharpe below two returns;
 * Sharpe when the excess returns do not vary; Sortino when no return is below the MAR; Calmar without
 * a drawdown; Omega without a return below its threshold; alpha and beta without a benchmark, with
 * fewer than two paired periods, or when the benchmark's excess returns do not vary; and any figure
 * whose value is not a finite number (an annual return of a wealth path that ends below zero, say).
 * A series counts as not varying when its range is at most 1e-12 of its largest magnitude, so that
 * the rounding noise of a constant series is not divided by; its volatility is then reported as 0.
 * <p>
 * One call makes two passes over the series on primitive arrays and copies the returns present
 * once. VaR and CVaR need only the lower tail of the sorted returns (the smallest
 * (n - 1)(1 - confidence) + 2 of them): the copy is partitioned until that tail is at its front
 * and only the tail is sorted, so a 95% figure on 10,000 returns sorts about 500 numbers instead
 * of 10,000.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class PerformanceAnalytics {

    /** The shared instance. */
    public static final PerformanceAnalytics DEFAULT = new PerformanceAnalytics();

    /** A series whose range is at most this share of its largest magnitude is treated as constant. */
    private static final double CONSTANT_TOLERANCE = 1e-12;

    /** Added to (n - 1) p before flooring in CVaR, so that binary rounding of p does not lose a return. */
    private static final double CVAR_ROUNDING_SLACK = 1e-9;

    private PerformanceAnalytics() {
    }

    /** The figures of one series; see the class comment for the definitions. */
    public PerformanceReport compute(PerformanceInput input) {
        Guard.notNull(input, "input");
        int length = input.length();
        int ppy = input.periodsPerYear();
        boolean hasBenchmark = input.hasBenchmark();

        // Pass 1: the returns present, sums, the wealth path and the ranges. The running minima and
        // maxima are plain comparisons: after the first few returns they are rarely taken, and the
        // inputs are never NaN. The coin-flip choices (below the MAR or not, above the Omega
        // threshold or not, a new peak or not) use Math.min / Math.max instead of branches, which
        // on random returns mispredict about every other time; measured, pass 1 ran a third faster.
        double[] sample = new double[length];
        int n = 0;
        double sumR = 0;
        double minR = Double.POSITIVE_INFINITY;
        double maxR = Double.NEGATIVE_INFINITY;
        double sumExcess = 0;
        double minExcess = Double.POSITIVE_INFINITY;
        double maxExcess = Double.NEGATIVE_INFINITY;
        double sumOverMar = 0;
        double sumSqBelowMar = 0;
        double omegaGains = 0;
        double omegaLosses = 0;
        double wealth = 1;
        double peak = 1;
        double maxDrawdown = 0;
        int pairs = 0;
        double sumX = 0;
        double sumY = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double r = input.returnAt(i);
            if (r != r) {
                continue;
            }
            double rf = input.riskFreeRateAt(i);
            double mar = input.requiredReturnAt(i);
            sample[n++] = r;
            sumR += r;
            if (r < minR) {
                minR = r;
            }
            if (r > maxR) {
                maxR = r;
            }
            double excess = r - rf;
            sumExcess += excess;
            if (excess < minExcess) {
                minExcess = excess;
            }
            if (excess > maxExcess) {
                maxExcess = excess;
            }
            double overMar = r - mar;
            sumOverMar += overMar;
            double belowMar = Math.min(overMar, 0);
            sumSqBelowMar += belowMar * belowMar;
            // empyrical subtracts the two rates one after the other; doing the same keeps Omega bit-comparable.
            double overThreshold = excess - mar;
            omegaGains += Math.max(overThreshold, 0);
            omegaLosses += Math.max(-overThreshold, 0);
            wealth *= 1 + r;
            peak = Math.max(peak, wealth);
            maxDrawdown = Math.min(maxDrawdown, wealth / peak - 1);
            if (hasBenchmark) {
                double b = input.benchmarkReturnAt(i);
                if (b == b) {
                    double x = b - rf;
                    pairs++;
                    sumX += x;
                    sumY += excess;
                    if (x < minX) {
                        minX = x;
                    }
                    if (x > maxX) {
                        maxX = x;
                    }
                }
            }
        }

        List<String> warnings = new ArrayList<>();
        if (n == 0) {
            return allUndefined(warnings);
        }

        // Pass 2: second moments about the means, which is more accurate than sums of squares.
        double meanR = sumR / n;
        double meanExcess = sumExcess / n;
        double meanX = pairs > 0 ? sumX / pairs : 0;
        double meanY = pairs > 0 ? sumY / pairs : 0;
        double ssR = 0;
        double ssExcess = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < length; i++) {
            double r = input.returnAt(i);
            if (r != r) {
                continue;
            }
            double rf = input.riskFreeRateAt(i);
            double dr = r - meanR;
            ssR += dr * dr;
            double de = r - rf - meanExcess;
            ssExcess += de * de;
            if (hasBenchmark) {
                double b = input.benchmarkReturnAt(i);
                if (b == b) {
                    double dx = b - rf - meanX;
                    sxx += dx * dx;
                    sxy += dx * (r - rf - meanY);
                }
            }
        }

        // VaR reads the sorted returns at floor(h) and floor(h) + 1, CVaR sums them up to k: only the
        // lower tail has to be in order, so it is selected first and sorted alone.
        double p = 1 - input.confidence();
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int k = (int) Math.floor((n - 1) * p + CVAR_ROUNDING_SLACK);
        int tailSize = Math.min(n, Math.max(lo + 2, k + 1));
        LowerTail.select(sample, n, tailSize - 1);
        Arrays.sort(sample, 0, tailSize);
        double var = lo + 1 < n ? sample[lo] + (h - lo) * (sample[lo + 1] - sample[lo]) : sample[lo];
        double tailSum = 0;
        for (int i = 0; i <= k; i++) {
            tailSum += sample[i];
        }

        double sqrtPpy = Math.sqrt(ppy);
        Double totalReturn = finite(wealth - 1, "totalReturn", warnings);

        Double annualReturn = null;
        if (wealth < 0) {
            undefined("annualReturn", "the wealth path ends below zero (a loss of more than 100%)", warnings);
        } else {
            annualReturn = finite(Math.pow(wealth, (double) ppy / length) - 1, "annualReturn", warnings);
        }

        Double annualVolatility = null;
        Double sharpe = null;
        if (n < 2) {
            undefined("annualVolatility", "it needs at least two returns", warnings);
            undefined("sharpe", "it needs at least two returns", warnings);
        } else {
            double std = varies(minR, maxR) ? Math.sqrt(ssR / (n - 1)) : 0;
            annualVolatility = finite(std * sqrtPpy, "annualVolatility", warnings);
            if (varies(minExcess, maxExcess)) {
                sharpe = finite(meanExcess / Math.sqrt(ssExcess / (n - 1)) * sqrtPpy, "sharpe", warnings);
            } else {
                undefined("sharpe", "the excess returns over the risk-free rate do not vary", warnings);
            }
        }

        double downside = Math.sqrt(sumSqBelowMar / n) * sqrtPpy;
        Double downsideRisk = finite(downside, "downsideRisk", warnings);
        Double sortino = null;
        if (downside > 0) {
            sortino = finite(sumOverMar / n * ppy / downside, "sortino", warnings);
        } else {
            undefined("sortino", "no return is below the required return", warnings);
        }

        Double drawdown = finite(maxDrawdown, "maxDrawdown", warnings);
        Double calmar = null;
        if (drawdown == null) {
            undefined("calmar", "the max drawdown is undefined", warnings);
        } else if (!(maxDrawdown < 0)) {
            undefined("calmar", "the series has no drawdown", warnings);
        } else if (annualReturn == null) {
            undefined("calmar", "the annual return is undefined", warnings);
        } else {
            calmar = finite(annualReturn / -maxDrawdown, "calmar", warnings);
        }

        Double omega = null;
        if (omegaLosses > 0) {
            omega = finite(omegaGains / omegaLosses, "omega", warnings);
        } else {
            undefined("omega", "no return is below the threshold (riskFreeRate + requiredReturn)", warnings);
        }

        Double alpha = null;
        Double beta = null;
        if (!hasBenchmark) {
            undefined("alpha", "no benchmarkReturns were given", warnings);
            undefined("beta", "no benchmarkReturns were given", warnings);
        } else if (pairs < 2) {
            String reason = "fewer than two periods have both a return and a benchmark return";
            undefined("alpha", reason, warnings);
            undefined("beta", reason, warnings);
        } else if (!varies(minX, maxX)) {
            String reason = "the benchmark's excess returns over the risk-free rate do not vary";
            undefined("alpha", reason, warnings);
            undefined("beta", reason, warnings);
        } else {
            double slope = sxy / sxx;
            double intercept = meanY - slope * meanX;
            beta = finite(slope, "beta", warnings);
            alpha = finite(Math.pow(1 + intercept, ppy) - 1, "alpha", warnings);
        }

        return new PerformanceReport(n, totalReturn, annualReturn, annualVolatility, sharpe, sortino, downsideRisk,
                drawdown, calmar, omega, finite(var, "var", warnings), finite(tailSum / (k + 1), "cvar", warnings),
                alpha, beta, warnings);
    }

    /** Whether values spanning [min, max] differ by more than rounding noise. */
    private static boolean varies(double min, double max) {
        return max - min > CONSTANT_TOLERANCE * Math.max(Math.abs(min), Math.abs(max));
    }

    private static PerformanceReport allUndefined(List<String> warnings) {
        String reason = "every return is missing";
        for (String figure : new String[] {"totalReturn", "annualReturn", "annualVolatility", "sharpe", "sortino",
                "downsideRisk", "maxDrawdown", "calmar", "omega", "var", "cvar", "alpha", "beta"}) {
            undefined(figure, reason, warnings);
        }
        return new PerformanceReport(0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                warnings);
    }

    /** {@code value}, or null with a warning when it is not a finite number. */
    private static Double finite(double value, String figure, List<String> warnings) {
        if (Double.isFinite(value)) {
            return value;
        }
        undefined(figure, "its value is not a finite number (" + value + ")", warnings);
        return null;
    }

    private static void undefined(String figure, String reason, List<String> warnings) {
        warnings.add(figure + " is undefined: " + reason);
    }
}
