package io.riskgrid.core.var;

import io.riskgrid.core.LowerTail;

import java.util.Arrays;

/**
 * The worst scenarios of a P&amp;L vector and how the positions share the loss in them.
 * <p>
 * Component VaR for scenario methods: each position's average P&amp;L contribution V_i r_i over the
 * scenarios that CVaR averages (the {@link LossDistribution#tailCount} worst), scaled by
 * VaR / (their mean P&amp;L) so that the components add up to VaR. The contributions themselves
 * add up to the tail's mean P&amp;L, minus CVaR, so the scaling only converts the tail's split of
 * CVaR into a split of VaR; it is the expected-shortfall analogue of the Euler allocation
 * V_i dVaR/dV_i, estimated from a tail of scenarios rather than from the single scenario at the
 * quantile, which would be far noisier. If the tail's mean P&amp;L is exactly 0 every component is 0.
 * <p>
 * This class is stateless and thread-safe.
 */
final class LossTail {

    private LossTail() {
    }

    /** The {@code count} smallest values, ascending, found by selection rather than a full sort. */
    static double[] smallest(double[] values, int count) {
        double[] a = values.clone();
        if (count < a.length) {
            LowerTail.select(a, a.length, count - 1);
        }
        Arrays.sort(a, 0, count);
        return Arrays.copyOf(a, count);
    }

    /**
     * Indices, ascending, of the {@code count} scenarios with the smallest P&amp;L, where
     * {@code worst} holds at least the {@code count} smallest values ascending. Ties at the boundary
     * go to the lower indices.
     */
    static int[] worstScenarios(double[] pnl, double[] worst, int count) {
        double threshold = worst[count - 1];
        int below = 0;
        for (double v : pnl) {
            if (v < threshold) {
                below++;
            }
        }
        int ties = count - below;
        int[] indices = new int[count];
        int found = 0;
        for (int s = 0; s < pnl.length && found < count; s++) {
            double v = pnl[s];
            if (v < threshold) {
                indices[found++] = s;
            } else if (v == threshold && ties > 0) {
                indices[found++] = s;
                ties--;
            }
        }
        return indices;
    }

    /** Mean tail contributions (P&amp;L, one per position) scaled to add up to {@code var}. */
    static double[] components(double[] meanContributions, double var) {
        double total = 0;
        for (double c : meanContributions) {
            total += c;
        }
        double[] components = new double[meanContributions.length];
        if (total == 0) {
            return components;
        }
        double scale = var / total;
        for (int i = 0; i < components.length; i++) {
            components[i] = meanContributions[i] * scale;
        }
        return components;
    }
}
