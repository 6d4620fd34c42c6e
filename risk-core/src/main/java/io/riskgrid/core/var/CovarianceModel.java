package io.riskgrid.core.var;

import io.riskgrid.core.Guard;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;
import java.util.Locale;

/**
 * The joint distribution of the one-period (one-day) returns of n risk factors: factor i has
 * volatility sigma_i and factors i and j have correlation rho_ij, so the covariance is
 * Sigma_ij = sigma_i sigma_j rho_ij and the returns are r ~ N(0, Sigma).
 * <p>
 * A correlation matrix must be symmetric, have ones on its diagonal, entries in [-1, 1], and be
 * positive semi-definite (PSD): no portfolio may have a negative variance. Matrices assembled
 * from pairwise estimates, stressed by hand or taken from different windows often fail the last
 * test. {@link #of} rejects such a matrix and says by how much it fails; {@link #repaired} replaces
 * it with the nearest valid correlation matrix and says so through {@link #repaired()}.
 * Tolerances absorb rounding only: entries may miss symmetry, the unit diagonal or [-1, 1] by
 * 1e-12 (they are then set exactly), and the smallest eigenvalue may be as low as -1e-10 times the
 * largest.
 * <p>
 * The model keeps the lower-triangular Cholesky factor L of Sigma (L L' = Sigma), from which
 * Monte Carlo draws correlated shocks as L z. A singular matrix (two factors perfectly correlated,
 * a zero volatility) is PSD but has no strict Cholesky factor; a column whose pivot is zero within
 * 1e-12 is left at zero, which is exact for a PSD matrix, so such models work as any other.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class CovarianceModel {

    /** How far entries may miss symmetry, the unit diagonal or [-1, 1] through rounding. */
    private static final double ENTRY_TOLERANCE = 1e-12;
    /** How negative the smallest eigenvalue may be, relative to the largest, through rounding. */
    private static final double EIGENVALUE_TOLERANCE = 1e-10;
    /** A Cholesky pivot of the correlation matrix at or below this is taken as zero. */
    private static final double PIVOT_TOLERANCE = 1e-12;
    /**
     * A correlation matrix whose Cholesky pivots all exceed this is positive definite beyond doubt
     * (the rounding error of the factorization is about n * 1e-16), so no eigenvalues are needed.
     */
    private static final double CLEAR_PIVOT = 1e-8;

    private final int size;
    private final double[] volatilities;
    /** Row-major n x n. */
    private final double[] correlation;
    private final boolean repaired;
    /** L of the covariance, row-major with {@link ShockBlock#stride} columns and {@link ShockBlock#rows} rows. */
    private final double[] factor;

    private CovarianceModel(double[] volatilities, double[] correlation, boolean repaired) {
        this.size = volatilities.length;
        this.volatilities = volatilities;
        this.correlation = correlation;
        this.repaired = repaired;
        this.factor = covarianceFactor(volatilities, correlationFactor(correlation, size));
    }

    /**
     * The model of these volatilities and this correlation matrix.
     *
     * @param volatilities per-period (one-day) volatility of each factor, finite and not negative
     * @param correlation  n x n correlation matrix: symmetric, unit diagonal, entries in [-1, 1], PSD
     * @throws IllegalArgumentException naming the entry at fault, or giving the smallest eigenvalue
     *                                  of a matrix that is not PSD
     */
    public static CovarianceModel of(double[] volatilities, double[][] correlation) {
        double[] vols = checkVolatilities(volatilities);
        double[] corr = checkCorrelation(correlation, vols.length);
        double smallest = smallestEigenvalueIfDoubtful(corr, vols.length);
        if (smallest < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "correlation is not positive semi-definite (smallest eigenvalue %.3g); "
                            + "use repair to project it onto the nearest valid correlation matrix", smallest));
        }
        return new CovarianceModel(vols, corr, false);
    }

    /**
     * The model of these volatilities and the nearest valid correlation matrix to this one: the
     * matrix itself when it is PSD, otherwise its nearest correlation matrix in the Frobenius norm
     * found by alternating projections (Higham 2002). {@link #repaired()} tells which. The shape,
     * symmetry, diagonal and range of the input are checked as by {@link #of}: only a matrix that
     * is a correlation matrix in every respect but PSD-ness is repaired.
     */
    public static CovarianceModel repaired(double[] volatilities, double[][] correlation) {
        double[] vols = checkVolatilities(volatilities);
        double[] corr = checkCorrelation(correlation, vols.length);
        if (smallestEigenvalueIfDoubtful(corr, vols.length) >= 0) {
            return new CovarianceModel(vols, corr, false);
        }
        return new CovarianceModel(vols, NearestCorrelation.of(corr, vols.length), true);
    }

    /** True when {@link #repaired} had to change the correlation matrix it was given. */
    public boolean repaired() {
        return repaired;
    }

    /** Number of risk factors. */
    public int size() {
        return size;
    }

    /** Per-period volatility of factor {@code i}. */
    public double volatility(int i) {
        return volatilities[i];
    }

    /** Correlation of factors {@code i} and {@code j}. */
    public double correlation(int i, int j) {
        return correlation[i * size + j];
    }

    /** A copy of the volatilities. */
    public double[] volatilities() {
        return volatilities.clone();
    }

    /** A copy of the correlation matrix (the repaired one, for a repaired model). */
    public double[][] correlation() {
        double[][] copy = new double[size][];
        for (int i = 0; i < size; i++) {
            copy[i] = Arrays.copyOfRange(correlation, i * size, (i + 1) * size);
        }
        return copy;
    }

    /** A copy of the per-period covariance matrix, sigma_i sigma_j rho_ij. */
    public double[][] covariance() {
        double[][] cov = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                cov[i][j] = volatilities[i] * volatilities[j] * correlation[i * size + j];
            }
        }
        return cov;
    }

    /**
     * The model of factors {@code indices[0], indices[1], ...} in that order, such as the factors
     * of one book's positions. An index may repeat (two positions on one factor): the copies are
     * perfectly correlated. A subset of a repaired model is marked repaired too.
     */
    public CovarianceModel subset(int[] indices) {
        Guard.notNull(indices, "indices");
        if (indices.length == 0) {
            throw new IllegalArgumentException("indices must have at least one entry");
        }
        int m = indices.length;
        for (int a = 0; a < m; a++) {
            if (indices[a] < 0 || indices[a] >= size) {
                throw new IllegalArgumentException("indices[" + a + "] must be between 0 and " + (size - 1)
                        + ", was " + indices[a]);
            }
        }
        double[] vols = new double[m];
        double[] corr = new double[m * m];
        for (int a = 0; a < m; a++) {
            vols[a] = volatilities[indices[a]];
            for (int b = 0; b < m; b++) {
                corr[a * m + b] = correlation[indices[a] * size + indices[b]];
            }
        }
        // A principal submatrix of a PSD matrix is PSD, so nothing needs checking again.
        return new CovarianceModel(vols, corr, repaired);
    }

    @Override
    public String toString() {
        return "CovarianceModel[size=" + size + ", repaired=" + repaired + "]";
    }

    /**
     * The lower-triangular factor L of the covariance (L L' = Sigma), row-major, with
     * {@link ShockBlock#stride} columns per row and {@link ShockBlock#rows} rows; the padding is
     * zero. The array is the model's own: read it, never write it.
     */
    double[] factor() {
        return factor;
    }

    private static double[] checkVolatilities(double[] volatilities) {
        Guard.notNull(volatilities, "volatilities");
        if (volatilities.length == 0) {
            throw new IllegalArgumentException("volatilities must have at least one entry");
        }
        double[] copy = volatilities.clone();
        for (int i = 0; i < copy.length; i++) {
            Guard.finite(copy[i], "volatilities[" + i + "]");
            Guard.notNegative(copy[i], "volatilities[" + i + "]");
        }
        return copy;
    }

    /** Checks the matrix entry by entry and returns it row-major, with rounding slips set exactly. */
    private static double[] checkCorrelation(double[][] correlation, int n) {
        Guard.notNull(correlation, "correlation");
        if (correlation.length != n) {
            throw new IllegalArgumentException("correlation has " + correlation.length + " rows but volatilities has "
                    + n + " entries");
        }
        for (int i = 0; i < n; i++) {
            Guard.notNull(correlation[i], "correlation[" + i + "]");
            if (correlation[i].length != n) {
                throw new IllegalArgumentException("correlation[" + i + "] has " + correlation[i].length
                        + " columns but volatilities has " + n + " entries");
            }
        }
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rho = correlation[i][j];
                String name = "correlation[" + i + "][" + j + "]";
                Guard.finite(rho, name);
                if (!(Math.abs(rho) <= 1 + ENTRY_TOLERANCE)) {
                    throw new IllegalArgumentException(name + " must be within [-1, 1], was " + rho);
                }
                flat[i * n + j] = Math.max(-1, Math.min(1, rho));
            }
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(flat[i * n + i] - 1) > ENTRY_TOLERANCE) {
                throw new IllegalArgumentException("correlation[" + i + "][" + i + "] must be 1 on the diagonal");
            }
            flat[i * n + i] = 1;
            for (int j = i + 1; j < n; j++) {
                double upper = correlation[i][j];
                double lower = correlation[j][i];
                if (Math.abs(upper - lower) > ENTRY_TOLERANCE) {
                    throw new IllegalArgumentException("correlation must be symmetric: correlation[" + i + "][" + j
                            + "] = " + upper + " but correlation[" + j + "][" + i + "] = " + lower);
                }
                double mean = 0.5 * (flat[i * n + j] + flat[j * n + i]);
                flat[i * n + j] = mean;
                flat[j * n + i] = mean;
            }
        }
        return flat;
    }

    /**
     * 0 when the matrix is PSD within the tolerance, otherwise its (negative) smallest eigenvalue.
     * A Cholesky factorization with clearly positive pivots proves positive definiteness at a
     * fraction of the cost of an eigen-decomposition, which is therefore only computed for a matrix
     * that is singular or nearly so, or not PSD.
     */
    private static double smallestEigenvalueIfDoubtful(double[] corr, int n) {
        if (clearlyPositiveDefinite(corr, n)) {
            return 0;
        }
        double[] eigenvalues = eigenvalues(corr, n);
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (double lambda : eigenvalues) {
            smallest = Math.min(smallest, lambda);
            largest = Math.max(largest, lambda);
        }
        return smallest >= -EIGENVALUE_TOLERANCE * Math.max(1, largest) ? 0 : smallest;
    }

    private static double[] eigenvalues(double[] corr, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(corr, i * n, (i + 1) * n);
        }
        return new EigenDecomposition(new Array2DRowRealMatrix(rows, false)).getRealEigenvalues();
    }

    private static boolean clearlyPositiveDefinite(double[] corr, int n) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double pivot = corr[j * n + j] - dot(l, j * n, j * n, j);
            if (!(pivot > CLEAR_PIVOT)) {
                return false;
            }
            double d = Math.sqrt(pivot);
            l[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                l[i * n + j] = (corr[i * n + j] - dot(l, i * n, j * n, j)) / d;
            }
        }
        return true;
    }

    /**
     * The semidefinite Cholesky factor of a PSD correlation matrix, row-major n x n: a pivot at or
     * below {@link #PIVOT_TOLERANCE} leaves its column at zero. For a PSD matrix that is exact: a
     * zero pivot means the factor is a linear combination of the ones before it, and the rest of
     * its column of the Schur complement is zero too.
     */
    private static double[] correlationFactor(double[] corr, int n) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double pivot = corr[j * n + j] - dot(l, j * n, j * n, j);
            if (pivot <= PIVOT_TOLERANCE) {
                continue;
            }
            double d = Math.sqrt(pivot);
            l[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                l[i * n + j] = (corr[i * n + j] - dot(l, i * n, j * n, j)) / d;
            }
        }
        return l;
    }

    /** diag(sigma) L_rho, the factor of the covariance, in the padded layout of {@link #factor()}. */
    private static double[] covarianceFactor(double[] vols, double[] l) {
        int n = vols.length;
        int stride = ShockBlock.stride(n);
        double[] padded = new double[ShockBlock.rows(n) * stride];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                padded[i * stride + k] = vols[i] * l[i * n + k];
            }
        }
        return padded;
    }

    private static double dot(double[] a, int rowA, int rowB, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            sum += a[rowA + k] * a[rowB + k];
        }
        return sum;
    }
}
