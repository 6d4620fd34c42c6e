package io.riskgrid.core.correlation;

import io.riskgrid.core.Guard;

import java.util.Arrays;

/**
 * Estimates per-period volatilities, correlations and covariances of instruments from their return
 * histories. Two estimators, the two a risk desk uses day to day:
 * <ul>
 *   <li>{@link #rolling(int) rolling}: the sample covariance (divided by {@code window - 1}) of the
 *       last {@code window} returns, each observation weighted equally. Simple and unbiased, but a
 *       shock stays in the estimate at full weight for {@code window} days and then drops out at
 *       once.</li>
 *   <li>{@link #ewma(double) EWMA} (RiskMetrics): the return k periods before the newest carries
 *       weight (1 - lambda) lambda^k, normalized over the history supplied so the weights sum to 1
 *       (dividing by 1 - lambda^T for T returns). Returns are taken to have mean zero, as RiskMetrics
 *       does for daily returns, whose mean is small beside their noise. Recent moves dominate, so the
 *       estimate reacts to a change of regime within days; lambda 0.94 is the RiskMetrics daily
 *       value ({@link #DEFAULT}).</li>
 * </ul>
 * Both build one covariance matrix as a weighted sum of outer products of return vectors, which
 * is positive semi-definite by construction, and derive the correlation from that same matrix
 * (C = D^-1 Sigma D^-1), so the correlation is a valid correlation matrix that a Cholesky-based
 * Monte Carlo can factor. Estimating each pair separately would not guarantee that. An instrument
 * with zero variance over the sample gets volatility 0, covariance 0 and correlation 0 with every
 * other instrument, and correlation 1 with itself. Correlations are clamped to [-1, 1] against
 * rounding.
 * <p>
 * Input layout: {@code returns[i]} is the return series of instrument i, oldest first (see
 * {@link ReturnHistory}); every series has the same length and the same dates. Every observation
 * the estimate uses must be finite: the last {@code window} for a rolling estimate, all of them for
 * EWMA.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class CovarianceEstimator {

    /** RiskMetrics daily EWMA, lambda 0.94. */
    public static final CovarianceEstimator DEFAULT = ewma(0.94);

    private final int window;
    private final double lambda;

    private CovarianceEstimator(int window, double lambda) {
        this.window = window;
        this.lambda = lambda;
    }

    /**
     * Equally weighted sample covariance of the last {@code window} returns.
     *
     * @param window the number of returns used, at least 2 (the sample covariance divides by window - 1)
     */
    public static CovarianceEstimator rolling(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2 (a sample covariance divides by window - 1), was " + window);
        }
        return new CovarianceEstimator(window, Double.NaN);
    }

    /**
     * Exponentially weighted (RiskMetrics) covariance over the whole history supplied.
     *
     * @param lambda decay factor in (0, 1); the higher, the longer the memory (0.94 daily, 0.97 monthly in RiskMetrics)
     */
    public static CovarianceEstimator ewma(double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), was " + lambda);
        }
        return new CovarianceEstimator(0, lambda);
    }

    /** True for a rolling-window estimator, false for EWMA. */
    public boolean isRolling() {
        return window > 0;
    }

    /** The window of a rolling estimator; 0 for EWMA. */
    public int window() {
        return window;
    }

    /** The decay factor of an EWMA estimator; NaN for a rolling one. */
    public double lambda() {
        return lambda;
    }

    /**
     * Estimates volatilities, correlation and covariance.
     *
     * @param returns {@code returns[i]} = return series of instrument i, oldest first, all the same length
     * @throws IllegalArgumentException if the series are ragged, too short for this estimator, or a used observation is not finite
     */
    public CorrelationEstimate estimate(double[][] returns) {
        Guard.notNull(returns, "returns");
        int n = returns.length;
        if (n == 0) {
            throw new IllegalArgumentException("returns must hold at least one instrument");
        }
        for (int i = 0; i < n; i++) {
            Guard.notNull(returns[i], "returns[" + i + "]");
            if (returns[i].length != returns[0].length) {
                throw new IllegalArgumentException("returns[" + i + "] has " + returns[i].length + " observations, returns[0] has "
                        + returns[0].length + "; every series must be the same length");
            }
        }
        int t = returns[0].length;
        int used = isRolling() ? window : t;
        if (isRolling() && t < window) {
            throw new IllegalArgumentException("rolling window " + window + " needs at least " + (window + 1) + " prices / "
                    + window + " returns, have " + t + " returns");
        }
        if (!isRolling() && t < 1) {
            throw new IllegalArgumentException("EWMA needs at least 2 prices / 1 return, have " + t + " returns");
        }
        int start = t - used;
        for (int i = 0; i < n; i++) {
            for (int s = start; s < t; s++) {
                if (!Double.isFinite(returns[i][s])) {
                    throw new IllegalArgumentException("returns[" + i + "][" + s + "] must be a finite number, was " + returns[i][s]);
                }
            }
        }
        // Sigma = sum over observations s of weight[s] * x_s x_s', with x the deviations from the
        // window mean (rolling) or the raw returns (EWMA, zero mean). A sum of outer products with
        // non-negative weights is positive semi-definite.
        double[][] x = new double[n][used];
        double[] weight = new double[used];
        if (isRolling()) {
            for (int i = 0; i < n; i++) {
                centre(returns[i], start, x[i]);
            }
            Arrays.fill(weight, 1.0 / (window - 1));
        } else {
            for (int i = 0; i < n; i++) {
                System.arraycopy(returns[i], start, x[i], 0, used);
            }
            ewmaWeights(weight);
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                double[] xi = x[i];
                double[] xj = x[j];
                for (int s = 0; s < used; s++) {
                    sum += weight[s] * xi[s] * xj[s];
                }
                cov[i][j] = sum;
                cov[j][i] = sum;
            }
        }
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            vol[i] = Math.sqrt(cov[i][i]);
        }
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            corr[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double c;
                if (vol[i] == 0 || vol[j] == 0) {
                    // A flat instrument co-varies with nothing; zeroing its row exactly (rather than
                    // leaving rounding dust) keeps Sigma = D C D and the matrix valid.
                    c = 0;
                    cov[i][j] = 0;
                    cov[j][i] = 0;
                } else {
                    // Dividing twice avoids underflow of vol[i] * vol[j] for tiny volatilities.
                    c = Math.max(-1, Math.min(1, cov[i][j] / vol[i] / vol[j]));
                }
                corr[i][j] = c;
                corr[j][i] = c;
            }
        }
        return new CorrelationEstimate(vol, corr, cov, used);
    }

    /**
     * Writes the deviations of {@code r[start..]} from their mean into {@code out}. A constant
     * series gets exact zeros: its computed mean can differ from the value by rounding, which would
     * otherwise give it a tiny spurious variance and correlations with everything.
     */
    private static void centre(double[] r, int start, double[] out) {
        int w = out.length;
        boolean constant = true;
        double sum = 0;
        for (int s = 0; s < w; s++) {
            sum += r[start + s];
            constant &= r[start + s] == r[start];
        }
        double mean = sum / w;
        for (int s = 0; s < w; s++) {
            out[s] = constant ? 0 : r[start + s] - mean;
        }
    }

    /** (1 - lambda) lambda^k for the observation k periods before the newest, normalized to sum to 1. */
    private void ewmaWeights(double[] weight) {
        int t = weight.length;
        double w = 1 - lambda;
        double total = 0;
        for (int s = t - 1; s >= 0; s--) {
            weight[s] = w;
            total += w;
            w *= lambda;
        }
        for (int s = 0; s < t; s++) {
            weight[s] /= total;
        }
    }

    @Override
    public String toString() {
        return isRolling() ? "CovarianceEstimator[rolling window " + window + "]" : "CovarianceEstimator[EWMA lambda " + lambda + "]";
    }
}
