package io.riskgrid.core.var;

import java.util.Arrays;

/**
 * The working memory of one thread simulating Monte Carlo paths, {@link NormalShocks#LANES} paths
 * at a time, and the kernel that turns the block's independent shocks into correlated shocks and
 * P&amp;L.
 * <p>
 * For each path p of the block the kernel computes the whole correlated shock vector
 * x_p = L z_p (L the lower-triangular Cholesky factor of the one-day covariance, z_p the path's
 * independent standard normal shocks) and then the path's P&amp;L V . x_p. The block is held
 * factor-major, {@code z[k][p]} and {@code x[j][p]}, so the product X = L Z runs along contiguous
 * rows of paths: the inner loop is an AXPY over the block's lanes that the JIT vectorizes, two rows
 * of L and four of its columns at a time to reuse each load of Z (see {@link #correlate}).
 * <p>
 * One instance per thread is kept in a {@link ThreadLocal} and grows to the largest number of
 * factors it has seen: about {@code 2 x 8 x LANES} bytes per factor (200 KB for 100 factors), kept
 * for the life of the thread so that steady-state simulation allocates nothing. Instances are
 * mutable and confined to their thread.
 */
final class ShockBlock {

    static final int LANES = NormalShocks.LANES;

    private static final ThreadLocal<ShockBlock> PER_THREAD = new ThreadLocal<>();

    final NormalShocks shocks = new NormalShocks();
    /** z[k][p]: independent shock of factor k on lane p; rows from the factor count up stay 0. */
    final double[][] z;
    /** x[j][p]: correlated shock of factor j on lane p; every row is 0 between blocks. */
    private final double[][] x;
    /** P&amp;L of each lane for one day's shock. */
    final double[] pnl = new double[LANES];
    /** The factor count the rows of z are laid out for. */
    private int factors;

    private ShockBlock(int capacity) {
        z = new double[stride(capacity)][LANES];
        x = new double[rows(capacity)][LANES];
    }

    /** This thread's block, ready for {@code factors} factors. */
    static ShockBlock forCurrentThread(int factors) {
        ShockBlock block = PER_THREAD.get();
        if (block == null || block.z.length < stride(factors) || block.x.length < rows(factors)) {
            block = new ShockBlock(factors);
            PER_THREAD.set(block);
        }
        block.prepare(factors);
        return block;
    }

    /**
     * Row stride of the factor: the factor count rounded up to a multiple of 4, so that the kernel
     * steps through the columns of L four at a time with no remainder loop.
     */
    static int stride(int factors) {
        return (factors + 3) & ~3;
    }

    /** Rows of the factor: the factor count rounded up to an even number, for the same reason. */
    static int rows(int factors) {
        return (factors + 1) & ~1;
    }

    /**
     * Draws the independent shocks of paths {@code firstPath .. firstPath + LANES - 1}, correlates
     * them and leaves each path's one-day P&amp;L in {@link #pnl}.
     *
     * @param factor    the model's {@link CovarianceModel#factor() factor}
     * @param exposures market values padded with zeros to {@link #rows} entries
     */
    void simulate(double[] factor, double[] exposures, long seed, long firstPath) {
        shocks.startPaths(seed, firstPath);
        shocks.fill(z, factors);
        correlate(factor, stride(factors), factors, z, x);
        value(x, rows(factors), exposures, pnl);
    }

    private void prepare(int factors) {
        if (factors != this.factors) {
            // Rows between the factor count and the stride meet zero columns of L, but they are
            // cleared anyway so that nothing left by a larger model can reach a result.
            for (int k = factors; k < z.length; k++) {
                Arrays.fill(z[k], 0.0);
            }
            this.factors = factors;
        }
    }

    /**
     * x = L z for every lane, accumulated into {@code x}, which must be zero on entry.
     * <p>
     * Rows j and j + 1 of L are taken together, and within them four columns at a time, so each
     * element of Z loaded feeds two fused multiply-adds and each element of X is loaded and stored
     * once per four columns. Columns past the diagonal are zeros of the padded factor and add
     * nothing, which keeps the triangle free of remainder loops at the cost of at most five extra
     * columns per row pair.
     * <p>
     * The JIT of Java 17 stops vectorizing this loop nest when other loops over {@code double}
     * arrays share its compiled method, as those that draw the shocks and value the paths would if
     * it were inlined into {@link #simulate}. So the nest stands alone, and the layout check ahead
     * of it also keeps the method over the 325 bytes of bytecode that the JIT inlines at most.
     */
    static void correlate(double[] factor, int stride, int factors, double[][] z, double[][] x) {
        if (z.length < stride || x.length < rows(factors) || factor.length < rows(factors) * stride) {
            throw new IllegalArgumentException("a block of " + z.length + " shock rows and " + x.length
                    + " accumulator rows cannot hold " + factors + " factors");
        }
        for (int j = 0; j < factors; j += 2) {
            int columns = (j + 2 + 3) & ~3;
            int r0 = j * stride;
            int r1 = r0 + stride;
            double[] x0 = x[j];
            double[] x1 = x[j + 1];
            for (int k = 0; k < columns; k += 4) {
                double a0 = factor[r0 + k];
                double a1 = factor[r0 + k + 1];
                double a2 = factor[r0 + k + 2];
                double a3 = factor[r0 + k + 3];
                double b0 = factor[r1 + k];
                double b1 = factor[r1 + k + 1];
                double b2 = factor[r1 + k + 2];
                double b3 = factor[r1 + k + 3];
                double[] z0 = z[k];
                double[] z1 = z[k + 1];
                double[] z2 = z[k + 2];
                double[] z3 = z[k + 3];
                for (int p = 0; p < LANES; p++) {
                    double q0 = z0[p];
                    double q1 = z1[p];
                    double q2 = z2[p];
                    double q3 = z3[p];
                    x0[p] = Math.fma(a3, q3, Math.fma(a2, q2, Math.fma(a1, q1, Math.fma(a0, q0, x0[p]))));
                    x1[p] = Math.fma(b3, q3, Math.fma(b2, q2, Math.fma(b1, q1, Math.fma(b0, q0, x1[p]))));
                }
            }
        }
    }

    /** pnl = V . x for every lane, clearing {@code x} for the next block as it goes. */
    static void value(double[][] x, int rows, double[] exposures, double[] pnl) {
        double[] first = x[0];
        double v0 = exposures[0];
        for (int p = 0; p < LANES; p++) {
            pnl[p] = v0 * first[p];
            first[p] = 0.0;
        }
        for (int j = 1; j < rows; j++) {
            double v = exposures[j];
            double[] xj = x[j];
            for (int p = 0; p < LANES; p++) {
                pnl[p] = Math.fma(v, xj[p], pnl[p]);
                xj[p] = 0.0;
            }
        }
    }
}
