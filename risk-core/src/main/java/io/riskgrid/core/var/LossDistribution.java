package io.riskgrid.core.var;

import io.riskgrid.core.Guard;

import java.util.Arrays;

/**
 * The loss tail of a set of equally likely scenario P&amp;Ls (Monte Carlo paths or historical
 * scenarios), read the way the VaR conventions of the API define it, so that figures can be
 * checked against numpy or R:
 * <ul>
 *   <li>VaR at confidence c is minus the type-7 quantile (the default of numpy and R) of the P&amp;L at
 *       p = 1 - c: with the P&amp;Ls sorted ascending as x[0..n-1], h = (n - 1) p and
 *       q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]);</li>
 *   <li>CVaR (expected shortfall) is minus the mean of the k + 1 smallest P&amp;Ls, with
 *       k = floor((n - 1)(1 - c) + 1e-9); the 1e-9 absorbs binary rounding, so that n = 6 and
 *       c = 0.8 give k = 1 and not 0.</li>
 * </ul>
 * Both are losses: positive when the tail is a loss. k is never below floor h, so the CVaR tail
 * always reaches the VaR quantile.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class LossDistribution {

    /** The smallest P&amp;Ls, ascending: all of them, or just the tail that one confidence level needs. */
    private final double[] worst;
    private final int size;

    private LossDistribution(double[] worst, int size) {
        this.worst = worst;
        this.size = size;
    }

    /**
     * The distribution of these P&amp;Ls, each scenario equally likely. The array is copied and the
     * copy sorted.
     *
     * @throws IllegalArgumentException if {@code pnl} is empty or holds a NaN or infinite value
     */
    public static LossDistribution of(double[] pnl) {
        checkPnl(pnl);
        double[] sorted = pnl.clone();
        Arrays.sort(sorted);
        return new LossDistribution(sorted, sorted.length);
    }

    /**
     * The distribution of {@code size} P&amp;Ls of which the smallest are given in {@code worst},
     * ascending (all of them, or at least the {@link #needed} for the confidences to be read). The
     * array is kept, not copied.
     */
    static LossDistribution ofWorst(double[] worst, int size) {
        return new LossDistribution(worst, size);
    }

    /** VaR at {@code confidence}: minus the type-7 quantile of the P&amp;L at 1 - confidence. */
    public double var(double confidence) {
        VarInputs.checkConfidence(confidence);
        double h = (size - 1) * (1 - confidence);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, size - 1);
        requireKept(hi, confidence);
        double q = worst[lo] + (h - lo) * (worst[hi] - worst[lo]);
        // 0 - q rather than -q: a flat tail reads as a VaR of 0, not -0.
        return 0.0 - q;
    }

    /** CVaR at {@code confidence}: minus the mean of the {@link #tailCount} smallest P&amp;Ls. */
    public double cvar(double confidence) {
        VarInputs.checkConfidence(confidence);
        int count = tailCount(size, confidence);
        requireKept(count - 1, confidence);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += worst[i];
        }
        return 0.0 - sum / count;
    }

    /** Number of scenarios. */
    public int size() {
        return size;
    }

    /** k + 1 = floor((n - 1)(1 - confidence) + 1e-9) + 1: the number of scenarios CVaR averages. */
    public static int tailCount(int size, double confidence) {
        Guard.positive(size, "size");
        VarInputs.checkConfidence(confidence);
        return (int) Math.floor((size - 1) * (1 - confidence) + 1e-9) + 1;
    }

    /** How many of the smallest P&amp;Ls VaR and CVaR at {@code confidence} read: the CVaR tail and one more. */
    static int needed(int size, double confidence) {
        return Math.min(size, tailCount(size, confidence) + 1);
    }

    static void checkPnl(double[] pnl) {
        Guard.notNull(pnl, "pnl");
        if (pnl.length == 0) {
            throw new IllegalArgumentException("pnl must have at least one entry");
        }
        for (int i = 0; i < pnl.length; i++) {
            Guard.finite(pnl[i], "pnl[" + i + "]");
        }
    }

    private void requireKept(int index, double confidence) {
        if (index >= worst.length) {
            throw new IllegalArgumentException("confidence " + confidence + " reads the " + (index + 1)
                    + " smallest P&Ls but only the " + worst.length + " smallest were kept");
        }
    }

    @Override
    public String toString() {
        return "LossDistribution[size=" + size + "]";
    }
}
