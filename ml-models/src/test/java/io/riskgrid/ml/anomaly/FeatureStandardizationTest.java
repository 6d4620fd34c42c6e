package io.riskgrid.ml.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Standardization against hand-computed means and standard deviations. */
class FeatureStandardizationTest {

    @Test
    void standardizesWithTheSampleMeanAndSampleStandardDeviation() {
        // Column 0: 1, 2, 3, 4 -> mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, sd sqrt(5 / 3).
        // Column 1: constant 5 -> sd floored at 0.001 * 5.
        // Column 2: constant 0 -> sd floored at 0.001 * max(1, 0).
        double[][] rows = {{1, 5, 0}, {2, 5, 0}, {3, 5, 0}, {4, 5, 0}};
        FeatureStandardization s = FeatureStandardization.fit(rows);
        double[] x = {4, 5.01, -0.002};
        assertThat(s.z(x, 0)).isCloseTo(1.5 / Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(s.z(x, 1)).isCloseTo(0.01 / 0.005, within(1e-9));
        assertThat(s.z(x, 2)).isCloseTo(-2.0, within(1e-12));
    }
}
