package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The VaR conventions on small hand-sorted samples. The six P&amp;Ls {3, -5, 0, 2, -4, -1} sort to
 * x = (-5, -4, -1, 0, 2, 3).
 */
class LossDistributionTest {

    private static final double[] SIX = {3, -5, 0, 2, -4, -1};

    @Test
    void varIsMinusTheType7QuantileAtOneMinusConfidence() {
        LossDistribution d = LossDistribution.of(SIX);

        // c = 0.8: h = (6 - 1) x 0.2 = 1, q = x[1] = -4, VaR = 4 (h is 0.9999999999999998 in binary,
        // which interpolates to -4 + 2e-16).
        assertThat(d.var(0.8)).isCloseTo(4, within(1e-12));
        // c = 0.9: h = 5 x 0.1 = 0.5, q = x[0] + 0.5 (x[1] - x[0]) = -5 + 0.5 = -4.5, VaR = 4.5.
        assertThat(d.var(0.9)).isCloseTo(4.5, within(1e-12));
        // c = 0.5: h = 2.5, q = x[2] + 0.5 (x[3] - x[2]) = -1 + 0.5 = -0.5, VaR = 0.5.
        assertThat(d.var(0.5)).isCloseTo(0.5, within(1e-12));
        // c = 0.1: h = 4.5, q = 2 + 0.5 x 1 = 2.5: the quantile is a gain, so VaR is negative.
        assertThat(d.var(0.1)).isCloseTo(-2.5, within(1e-12));
    }

    @Test
    void cvarAveragesTheKPlusOneWorstWithTheRoundingAllowance() {
        LossDistribution d = LossDistribution.of(SIX);

        // c = 0.8: k = floor(5 x 0.2 + 1e-9) = 1 (5 x 0.19999999999999996 alone would floor to 0),
        // so CVaR = -(-5 - 4) / 2 = 4.5.
        assertThat(LossDistribution.tailCount(6, 0.8)).isEqualTo(2);
        assertThat(d.cvar(0.8)).isCloseTo(4.5, within(1e-12));
        // c = 0.9: k = floor(0.5 + 1e-9) = 0, CVaR = 5.
        assertThat(d.cvar(0.9)).isCloseTo(5, within(1e-12));
        // c = 0.5: k = floor(2.5) = 2, CVaR = -(-5 - 4 - 1) / 3 = 10/3.
        assertThat(d.cvar(0.5)).isCloseTo(10.0 / 3, within(1e-12));
    }

    @Test
    void aSingleScenarioIsItsOwnVarAndCvar() {
        LossDistribution d = LossDistribution.of(new double[]{-7});

        assertThat(d.var(0.99)).isEqualTo(7);
        assertThat(d.cvar(0.99)).isEqualTo(7);
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void leavesTheCallersArrayAsItWas() {
        double[] pnl = SIX.clone();
        LossDistribution.of(pnl);

        assertThat(pnl).containsExactly(SIX);
    }

    @Test
    void aTailKeptBySelectionReadsAsTheFullySortedSample() {
        // The Monte Carlo path keeps only the worst P&Ls it needs, found by selection.
        double[] pnl = new double[1_000];
        for (int i = 0; i < pnl.length; i++) {
            pnl[i] = ((i * 7919L) % 1_000) - 500.0;
        }
        LossDistribution full = LossDistribution.of(pnl);
        for (double c : new double[]{0.9, 0.95, 0.99, 0.999}) {
            int needed = LossDistribution.needed(pnl.length, c);
            LossDistribution tail = LossDistribution.ofWorst(LossTail.smallest(pnl, needed), pnl.length);

            assertThat(tail.var(c)).isEqualTo(full.var(c));
            assertThat(tail.cvar(c)).isEqualTo(full.cvar(c));
        }
        // i -> 7919 i mod 1000 is a permutation of 0..999, so the P&Ls are -500..499: at 99%,
        // h = 999 x 0.01 = 9.99, q = -491 + 0.99 = -490.01; k = 9, CVaR = mean(500..491) = 495.5.
        assertThat(full.var(0.99)).isCloseTo(490.01, within(1e-9));
        assertThat(full.cvar(0.99)).isCloseTo(495.5, within(1e-9));
    }

    @Test
    void rejectsAnEmptyOrNonFiniteSampleAndABadConfidence() {
        assertThatThrownBy(() -> LossDistribution.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pnl must have at least one entry");
        assertThatThrownBy(() -> LossDistribution.of(new double[]{1, Double.POSITIVE_INFINITY}))
                .hasMessage("pnl[1] must be a finite number, was Infinity");
        assertThatThrownBy(() -> LossDistribution.of(SIX).var(1))
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 1.0");
    }
}
