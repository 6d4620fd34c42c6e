package io.riskgrid.ml.anomaly;

/**
 * Helpers that turn per-feature parts of a distance into the shares {@link AnomalyScorer#contributions}
 * returns.
 * <p>
 * This class is stateless and thread-safe.
 */
final class Contributions {

    private Contributions() {
    }

    /**
     * Divides a vector whose entries will be squared by its largest magnitude, so squaring cannot
     * overflow for extreme (finite) inputs; shares of squared terms do not change under a common
     * scale. Entries that already overflowed to infinity dominate every finite one, so in that
     * limit they become +-1 and the finite ones 0.
     */
    static void rescaleForSquaring(double[] v) {
        double max = 0;
        boolean infinite = false;
        for (double x : v) {
            if (Double.isInfinite(x)) {
                infinite = true;
            }
            max = Math.max(max, Math.abs(x));
        }
        if (infinite) {
            for (int j = 0; j < v.length; j++) {
                v[j] = Double.isInfinite(v[j]) ? Math.signum(v[j]) : 0.0;
            }
        } else if (max > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= max;
            }
        }
    }

    /** Non-negative parts divided by their sum; all zeros when the sum is zero (a vector at zero distance). */
    static double[] normalize(double[] parts) {
        double sum = 0;
        for (double p : parts) {
            sum += p;
        }
        if (sum > 0) {
            for (int j = 0; j < parts.length; j++) {
                parts[j] /= sum;
            }
        }
        return parts;
    }
}
