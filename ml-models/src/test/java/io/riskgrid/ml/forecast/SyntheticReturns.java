package io.riskgrid.ml.forecast;

import java.util.SplittableRandom;

/** Seeded daily return series from known volatility processes, for tests. */
final class SyntheticReturns {

    /** Days simulated and discarded before a series starts, so it starts in the stationary regime. */
    private static final int BURN_IN = 500;

    private SyntheticReturns() {
    }

    /**
     * A HAR-ARCH process: {@code r[t] = sqrt(h[t]) z[t]},
     * {@code h[t] = w + b1 RV1 + b5 RV5 + b22 RV22} with {@code RVk} the mean squared return of the
     * last k days and {@code z} standard normal. Its unconditional variance is {@code w / (1 - b1 - b5 - b22)}.
     */
    static double[][] har(int instruments, int days, double w, double b1, double b5, double b22, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double unconditional = w / (1 - b1 - b5 - b22);
        double[][] out = new double[instruments][days];
        for (int i = 0; i < instruments; i++) {
            double[] r = new double[BURN_IN + days];
            for (int t = 0; t < r.length; t++) {
                double h = unconditional;
                if (t >= 22) {
                    h = w + b1 * meanSquare(r, t - 1, t) + b5 * meanSquare(r, t - 5, t) + b22 * meanSquare(r, t - 22, t);
                }
                r[t] = Math.sqrt(h) * random.nextGaussian();
            }
            System.arraycopy(r, BURN_IN, out[i], 0, days);
        }
        return out;
    }

    /**
     * GARCH(1,1): {@code h[t] = omega + alpha r[t-1]^2 + beta h[t-1]}, {@code r[t] = sqrt(h[t]) z[t]};
     * unconditional variance {@code omega / (1 - alpha - beta)}. With alpha = beta = 0 the returns are
     * iid normal with variance omega.
     */
    static double[][] garch(int instruments, int days, double omega, double alpha, double beta, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[instruments][days];
        for (int i = 0; i < instruments; i++) {
            double h = omega / (1 - alpha - beta);
            double previous = 0;
            for (int t = -BURN_IN; t < days; t++) {
                h = omega + alpha * previous * previous + beta * h;
                previous = Math.sqrt(h) * random.nextGaussian();
                if (t >= 0) {
                    out[i][t] = previous;
                }
            }
        }
        return out;
    }

    static double meanSquare(double[] r, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += r[t] * r[t];
        }
        return sum / (to - from);
    }
}
