package io.riskgrid.core.var;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The nearest correlation matrix to a symmetric matrix with unit diagonal, in the Frobenius norm:
 * Higham's alternating projections ("Computing the nearest correlation matrix - a problem from
 * finance", IMA J. Numer. Anal. 22, 2002) between the PSD matrices (clip negative eigenvalues to
 * zero) and the unit-diagonal matrices, with Dykstra's correction so that the iteration converges
 * to the nearest point of the intersection rather than just some point of it.
 * <p>
 * The iteration stops when an iterate moves less than 1e-10 relative to its size, or after
 * {@value #MAX_ITERATIONS} iterations. Its last iterate has a unit diagonal but may still have
 * eigenvalues a rounding error below zero, so it is finished by one more clip and a rescaling to
 * unit diagonal (D^-1/2 A D^-1/2, which keeps it PSD): the result is exactly symmetric with an
 * exact unit diagonal and PSD up to the rounding of one eigen-decomposition.
 * <p>
 * This class is stateless and thread-safe.
 */
final class NearestCorrelation {

    static final int MAX_ITERATIONS = 200;
    private static final double CONVERGED = 1e-10;

    private NearestCorrelation() {
    }

    /** The nearest correlation matrix to {@code a} (row-major n x n, symmetric, unit diagonal). */
    static double[] of(double[] a, int n) {
        double[] y = a.clone();
        double[] correction = new double[n * n];
        double[] r = new double[n * n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int i = 0; i < r.length; i++) {
                r[i] = y[i] - correction[i];
            }
            double[] x = clipNegativeEigenvalues(r, n);
            double change = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int ij = i * n + j;
                    correction[ij] = x[ij] - r[ij];
                    double next = i == j ? 1.0 : x[ij];
                    change += (next - y[ij]) * (next - y[ij]);
                    size += next * next;
                    y[ij] = next;
                }
            }
            if (Math.sqrt(change) <= CONVERGED * Math.sqrt(size)) {
                break;
            }
        }
        return unitDiagonal(clipNegativeEigenvalues(y, n), n);
    }

    /** Q max(Lambda, 0) Q' for the eigen-decomposition Q Lambda Q' of the symmetric matrix {@code a}. */
    private static double[] clipNegativeEigenvalues(double[] a, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // Average the mirrored entries: the decomposition takes the symmetric path only for
                // a matrix symmetric to within a few ulps, and rounding can exceed that.
                rows[i][j] = 0.5 * (a[i * n + j] + a[j * n + i]);
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        double[] lambda = eigen.getRealEigenvalues();
        RealMatrix q = eigen.getV();
        double[] out = new double[n * n];
        for (int m = 0; m < n; m++) {
            double l = lambda[m];
            if (l <= 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double qi = q.getEntry(i, m) * l;
                for (int j = 0; j <= i; j++) {
                    out[i * n + j] += qi * q.getEntry(j, m);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out[j * n + i] = out[i * n + j];
            }
        }
        return out;
    }

    /**
     * D^-1/2 A D^-1/2 with D the diagonal of the PSD matrix {@code a}: a congruence, so still PSD,
     * with ones on the diagonal and entries clamped to [-1, 1] against rounding. A factor whose
     * variance was clipped away entirely (a zero diagonal entry) is made uncorrelated with the rest.
     */
    private static double[] unitDiagonal(double[] a, int n) {
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            double d = a[i * n + i];
            scale[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 1;
            for (int j = 0; j < i; j++) {
                double rho = Math.max(-1, Math.min(1, a[i * n + j] * scale[i] * scale[j]));
                out[i * n + j] = rho;
                out[j * n + i] = rho;
            }
        }
        return out;
    }
}
