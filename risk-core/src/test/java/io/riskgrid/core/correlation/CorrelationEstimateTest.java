package io.riskgrid.core.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Construction, invariants and subsets of a correlation estimate. */
class CorrelationEstimateTest {

    private static final double EPS = 1e-15;

    /*
     * vols 0.01, 0.02, 0.02 with correlations xy -0.5, xz 0.5, yz 0.5 (the rolling example of
     * CovarianceEstimatorTest). Sigma = D C D:
     *   xx 0.01^2 = 1e-4; yy = zz = 0.02^2 = 4e-4
     *   xy -0.5 * 0.01 * 0.02 = -1e-4; xz 0.5 * 0.01 * 0.02 = 1e-4; yz 0.5 * 0.02 * 0.02 = 2e-4
     */
    private static CorrelationEstimate threeAssets() {
        return CorrelationEstimate.of(new double[]{0.01, 0.02, 0.02},
                new double[][]{{1, -0.5, 0.5}, {-0.5, 1, 0.5}, {0.5, 0.5, 1}}, 60);
    }

    @Test
    void ofDerivesTheCovarianceFromVolatilitiesAndCorrelation() {
        CorrelationEstimate e = threeAssets();
        assertThat(e.size()).isEqualTo(3);
        assertThat(e.covariance()[0]).containsExactly(new double[]{1e-4, -1e-4, 1e-4}, within(EPS));
        assertThat(e.covariance()[1]).containsExactly(new double[]{-1e-4, 4e-4, 2e-4}, within(EPS));
        assertThat(e.covariance()[2]).containsExactly(new double[]{1e-4, 2e-4, 4e-4}, within(EPS));
        assertThat(e.observations()).isEqualTo(60);
    }

    @Test
    void subsetKeepsTheChosenInstrumentsInTheOrderGiven() {
        // Instruments z then x: vols 0.02, 0.01; corr zx = 0.5; Sigma = [[4e-4, 1e-4], [1e-4, 1e-4]].
        CorrelationEstimate s = threeAssets().subset(new int[]{2, 0});
        assertThat(s.volatilities()).containsExactly(0.02, 0.01);
        assertThat(s.correlation()[0]).containsExactly(1, 0.5);
        assertThat(s.correlation()[1]).containsExactly(0.5, 1);
        assertThat(s.covariance()[0]).containsExactly(new double[]{4e-4, 1e-4}, within(EPS));
        assertThat(s.covariance()[1]).containsExactly(new double[]{1e-4, 1e-4}, within(EPS));
        assertThat(s.observations()).isEqualTo(60);
    }

    @Test
    void subsetOfOneInstrumentIsItsVarianceAlone() {
        CorrelationEstimate s = threeAssets().subset(new int[]{1});
        assertThat(s.volatility(0)).isEqualTo(0.02);
        assertThat(s.correlation(0, 0)).isEqualTo(1.0);
        assertThat(s.covariance(0, 0)).isCloseTo(4e-4, within(EPS));
    }

    @Test
    void subsetRejectsUnknownAndRepeatedIndices() {
        CorrelationEstimate e = threeAssets();
        assertThatThrownBy(() -> e.subset(new int[]{0, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indices[1] must be between 0 and 2, was 3");
        assertThatThrownBy(() -> e.subset(new int[]{1, 1}))
                .hasMessageContaining("indices must be distinct; 1 appears twice");
        assertThatThrownBy(() -> e.subset(new int[0]))
                .hasMessageContaining("indices must name at least one instrument");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] vols = {0.01, 0.02};
        double[][] corr = {{1, 0.3}, {0.3, 1}};
        CorrelationEstimate e = CorrelationEstimate.of(vols, corr, 10);
        vols[0] = 99;
        corr[0][1] = 0.9;
        e.volatilities()[1] = 99;
        e.correlation()[1][0] = 0.9;
        e.covariance()[0][0] = 99;
        assertThat(e.volatility(0)).isEqualTo(0.01);
        assertThat(e.volatility(1)).isEqualTo(0.02);
        assertThat(e.correlation(0, 1)).isEqualTo(0.3);
        assertThat(e.correlation(1, 0)).isEqualTo(0.3);
        assertThat(e.covariance(0, 0)).isCloseTo(1e-4, within(EPS));
    }

    @Test
    void equalEstimatesAreEqualByContent() {
        assertThat(threeAssets()).isEqualTo(threeAssets()).hasSameHashCodeAs(threeAssets());
        assertThat(threeAssets()).isNotEqualTo(threeAssets().subset(new int[]{1, 0, 2}));
    }

    @Test
    void anInvalidCorrelationMatrixIsRejected() {
        double[] vols = {0.01, 0.02};
        assertThatThrownBy(() -> CorrelationEstimate.of(vols, new double[][]{{1, 0.3}, {0.2, 1}}, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlation must be symmetric");
        assertThatThrownBy(() -> CorrelationEstimate.of(vols, new double[][]{{0.9, 0.3}, {0.3, 1}}, 10))
                .hasMessageContaining("correlation[0][0] must be 1, was 0.9");
        assertThatThrownBy(() -> CorrelationEstimate.of(vols, new double[][]{{1, 1.2}, {1.2, 1}}, 10))
                .hasMessageContaining("correlation[0][1] must be between -1 and 1, was 1.2");
        assertThatThrownBy(() -> CorrelationEstimate.of(vols, new double[][]{{1, Double.NaN}, {Double.NaN, 1}}, 10))
                .hasMessageContaining("correlation[0][1] must be a finite number, was NaN");
        assertThatThrownBy(() -> CorrelationEstimate.of(vols, new double[][]{{1, 0.3}}, 10))
                .hasMessageContaining("correlation must be 2 x 2");
        assertThatThrownBy(() -> CorrelationEstimate.of(new double[]{0.01, -0.02}, new double[][]{{1, 0}, {0, 1}}, 10))
                .hasMessageContaining("volatilities[1] must be zero or positive, was -0.02");
        assertThatThrownBy(() -> CorrelationEstimate.of(vols, new double[][]{{1, 0}, {0, 1}}, 0))
                .hasMessageContaining("observations must be positive, was 0");
    }

    @Test
    void aCovarianceThatDisagreesWithVolatilityAndCorrelationIsRejected() {
        // 0.3 * 0.01 * 0.02 = 6e-5, not 7e-5.
        assertThatThrownBy(() -> new CorrelationEstimate(new double[]{0.01, 0.02}, new double[][]{{1, 0.3}, {0.3, 1}},
                new double[][]{{1e-4, 7e-5}, {7e-5, 4e-4}}, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance[0][1] must be correlation * volatility[0] * volatility[1]");
    }
}
