package io.riskgrid.core.correlation;

import io.riskgrid.core.Guard;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How n instruments move, alone and together, over one period: the period of the returns it was
 * estimated from, usually a trading day. {@code volatilities[i]} is the standard deviation of
 * instrument i's return, {@code correlation[i][j]} the correlation of the returns of i and j, and
 * {@code covariance} the matrix Sigma = D C D with D = diag(volatilities), which is what parametric
 * and Monte Carlo VaR work from: the variance of a book's P&amp;L is V' Sigma V for the vector V of
 * its market values. Multiply a volatility by sqrt(h), or a covariance by h, to move from one period
 * to h periods under the usual independent-increments assumption.
 * <p>
 * Invariants, checked at construction (to 1e-9, so that figures read back from JSON pass):
 * every figure is finite; volatilities are zero or positive; the correlation matrix is symmetric,
 * has a unit diagonal and entries in [-1, 1]; the covariance is D C D. An instrument whose price did
 * not move over the sample has volatility 0, correlation 0 to every other instrument and 1 to
 * itself, so the correlation matrix stays a valid one. {@code observations} is the number of return
 * observations behind the estimate.
 * <p>
 * The arrays are copied on the way in and on the way out, and {@code equals} compares contents, so
 * this record is immutable and thread-safe.
 *
 * @param volatilities per-period volatility of each instrument, length n &gt;= 1
 * @param correlation  n x n correlation matrix
 * @param covariance   n x n covariance matrix, D C D
 * @param observations how many return observations the estimate rests on, &gt;= 1
 */
public record CorrelationEstimate(double[] volatilities, double[][] correlation, double[][] covariance,
                                  int observations) implements Serializable {

    /** How far a figure may stray from an invariant, as a rounding allowance. */
    static final double TOLERANCE = 1e-9;

    public CorrelationEstimate {
        Guard.notNull(volatilities, "volatilities");
        int n = volatilities.length;
        if (n == 0) {
            throw new IllegalArgumentException("volatilities must hold at least one instrument");
        }
        Guard.positive(observations, "observations");
        volatilities = volatilities.clone();
        correlation = squareCopy(correlation, n, "correlation");
        covariance = squareCopy(covariance, n, "covariance");
        for (int i = 0; i < n; i++) {
            Guard.notNegative(volatilities[i], "volatilities[" + i + "]");
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(correlation[i][i] - 1) > TOLERANCE) {
                throw new IllegalArgumentException("correlation[" + i + "][" + i + "] must be 1, was " + correlation[i][i]);
            }
            for (int j = 0; j < n; j++) {
                double c = correlation[i][j];
                if (!(c >= -1 - TOLERANCE && c <= 1 + TOLERANCE)) {
                    throw new IllegalArgumentException("correlation[" + i + "][" + j + "] must be between -1 and 1, was " + c);
                }
                if (Math.abs(c - correlation[j][i]) > TOLERANCE) {
                    throw new IllegalArgumentException("correlation must be symmetric: correlation[" + i + "][" + j + "] = " + c
                            + " but correlation[" + j + "][" + i + "] = " + correlation[j][i]);
                }
                double expected = c * volatilities[i] * volatilities[j];
                double scale = Math.max(volatilities[i] * volatilities[j], Math.abs(covariance[i][j]));
                if (i != j && (volatilities[i] == 0 || volatilities[j] == 0)) {
                    expected = 0;
                }
                if (Math.abs(covariance[i][j] - expected) > TOLERANCE * scale) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] must be correlation * volatility[" + i
                            + "] * volatility[" + j + "] = " + expected + ", was " + covariance[i][j]);
                }
            }
        }
    }

    /**
     * An estimate from volatilities and a correlation matrix, such as a risk manager supplies to
     * the VaR API; the covariance is derived as D C D.
     */
    public static CorrelationEstimate of(double[] volatilities, double[][] correlation, int observations) {
        Guard.notNull(volatilities, "volatilities");
        int n = volatilities.length;
        double[][] c = squareCopy(correlation, n, "correlation");
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = i == j ? volatilities[i] * volatilities[i] : c[i][j] * volatilities[i] * volatilities[j];
            }
        }
        return new CorrelationEstimate(volatilities, c, cov, observations);
    }

    /** The number of instruments. */
    public int size() {
        return volatilities.length;
    }

    /** A copy of the volatilities. */
    @Override
    public double[] volatilities() {
        return volatilities.clone();
    }

    /** A copy of the correlation matrix. */
    @Override
    public double[][] correlation() {
        return deepCopy(correlation);
    }

    /** A copy of the covariance matrix. */
    @Override
    public double[][] covariance() {
        return deepCopy(covariance);
    }

    /** The volatility of instrument {@code i}, without copying. */
    public double volatility(int i) {
        return volatilities[i];
    }

    /** The correlation of instruments {@code i} and {@code j}, without copying. */
    public double correlation(int i, int j) {
        return correlation[i][j];
    }

    /** The covariance of instruments {@code i} and {@code j}, without copying. */
    public double covariance(int i, int j) {
        return covariance[i][j];
    }

    /**
     * The estimate restricted to some of the instruments, in the order given: instrument k of the
     * result is instrument {@code indices[k]} of this one. This is how one account's matrix is cut
     * from a firm-wide estimate; a principal submatrix of a valid correlation or covariance matrix is
     * itself valid, so nothing is re-estimated.
     *
     * @param indices distinct instrument indices of this estimate, at least one
     */
    public CorrelationEstimate subset(int[] indices) {
        Guard.notNull(indices, "indices");
        if (indices.length == 0) {
            throw new IllegalArgumentException("indices must name at least one instrument");
        }
        int n = volatilities.length;
        boolean[] seen = new boolean[n];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("indices[" + k + "] must be between 0 and " + (n - 1) + ", was " + i);
            }
            if (seen[i]) {
                throw new IllegalArgumentException("indices must be distinct; " + i + " appears twice");
            }
            seen[i] = true;
        }
        int m = indices.length;
        double[] vol = new double[m];
        double[][] corr = new double[m][m];
        double[][] cov = new double[m][m];
        for (int a = 0; a < m; a++) {
            vol[a] = volatilities[indices[a]];
            for (int b = 0; b < m; b++) {
                corr[a][b] = correlation[indices[a]][indices[b]];
                cov[a][b] = covariance[indices[a]][indices[b]];
            }
        }
        return new CorrelationEstimate(vol, corr, cov, observations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationEstimate e
                && observations == e.observations
                && Arrays.equals(volatilities, e.volatilities)
                && Arrays.deepEquals(correlation, e.correlation)
                && Arrays.deepEquals(covariance, e.covariance);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(volatilities) + Arrays.deepHashCode(correlation))
                + Arrays.deepHashCode(covariance)) + observations;
    }

    @Override
    public String toString() {
        return "CorrelationEstimate[volatilities=" + Arrays.toString(volatilities)
                + ", correlation=" + Arrays.deepToString(correlation)
                + ", covariance=" + Arrays.deepToString(covariance)
                + ", observations=" + observations + "]";
    }

    private static double[][] squareCopy(double[][] m, int n, String name) {
        Guard.notNull(m, name);
        if (m.length != n) {
            throw new IllegalArgumentException(name + " must be " + n + " x " + n + " (one row per instrument), has "
                    + m.length + " rows");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = Guard.notNull(m[i], name + "[" + i + "]");
            if (row.length != n) {
                throw new IllegalArgumentException(name + "[" + i + "] must have " + n + " entries, has " + row.length);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be a finite number, was " + row[j]);
                }
            }
            copy[i] = row.clone();
        }
        return copy;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }
}
