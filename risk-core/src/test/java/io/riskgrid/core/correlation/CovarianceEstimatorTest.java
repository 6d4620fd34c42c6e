package io.riskgrid.core.correlation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Rolling and EWMA estimates against small examples worked by hand, and the properties every
 * estimate must have (symmetric, unit diagonal, correlations in [-1, 1], positive semi-definite).
 */
class CovarianceEstimatorTest {

    private static final double EPS = 1e-15;

    /*
     * Three instruments over three periods, the rolling example:
     *   x = 0.01, 0.03, 0.02   mean 0.02   deviations -0.01, +0.01,  0
     *   y = 0.02, 0.00, 0.04   mean 0.02   deviations  0,    -0.02, +0.02
     *   z = 0.00, 0.02, 0.04   mean 0.02   deviations -0.02,  0,    +0.02
     * Sample (co)variances divide the sum of products of deviations by n - 1 = 2:
     *   var x = (1e-4 + 1e-4 + 0) / 2 = 1e-4          vol x = 0.01
     *   var y = (0 + 4e-4 + 4e-4) / 2 = 4e-4          vol y = 0.02
     *   var z = (4e-4 + 0 + 4e-4) / 2 = 4e-4          vol z = 0.02
     *   cov xy = (0 - 2e-4 + 0) / 2 = -1e-4           corr = -1e-4 / (0.01 * 0.02) = -0.5
     *   cov xz = (2e-4 + 0 + 0) / 2 = 1e-4            corr =  1e-4 / (0.01 * 0.02) =  0.5
     *   cov yz = (0 + 0 + 4e-4) / 2 = 2e-4            corr =  2e-4 / (0.02 * 0.02) =  0.5
     */
    private static final double[] X = {0.01, 0.03, 0.02};
    private static final double[] Y = {0.02, 0.00, 0.04};
    private static final double[] Z = {0.00, 0.02, 0.04};

    @Test
    void rollingTwoAssetExampleUsesOnlyTheLastWindow() {
        // Two older, wild observations sit before the window of 3 and must not count.
        double[] x = {0.50, -0.40, 0.01, 0.03, 0.02};
        double[] y = {-0.30, 0.60, 0.02, 0.00, 0.04};
        CorrelationEstimate e = CovarianceEstimator.rolling(3).estimate(new double[][]{x, y});
        assertThat(e.observations()).isEqualTo(3);
        assertThat(e.volatility(0)).isCloseTo(0.01, within(EPS));
        assertThat(e.volatility(1)).isCloseTo(0.02, within(EPS));
        assertThat(e.covariance(0, 0)).isCloseTo(1e-4, within(EPS));
        assertThat(e.covariance(1, 1)).isCloseTo(4e-4, within(EPS));
        assertThat(e.covariance(0, 1)).isCloseTo(-1e-4, within(EPS));
        assertThat(e.correlation(0, 1)).isCloseTo(-0.5, within(1e-12));
        assertThat(e.correlation(1, 0)).isEqualTo(e.correlation(0, 1));
    }

    @Test
    void rollingThreeAssetExample() {
        CorrelationEstimate e = CovarianceEstimator.rolling(3).estimate(new double[][]{X, Y, Z});
        assertThat(e.volatilities()).containsExactly(new double[]{0.01, 0.02, 0.02}, within(EPS));
        double[][] cov = e.covariance();
        assertThat(cov[0]).containsExactly(new double[]{1e-4, -1e-4, 1e-4}, within(EPS));
        assertThat(cov[1]).containsExactly(new double[]{-1e-4, 4e-4, 2e-4}, within(EPS));
        assertThat(cov[2]).containsExactly(new double[]{1e-4, 2e-4, 4e-4}, within(EPS));
        double[][] corr = e.correlation();
        assertThat(corr[0]).containsExactly(new double[]{1, -0.5, 0.5}, within(1e-12));
        assertThat(corr[1]).containsExactly(new double[]{-0.5, 1, 0.5}, within(1e-12));
        assertThat(corr[2]).containsExactly(new double[]{0.5, 0.5, 1}, within(1e-12));
    }

    @Test
    void ewmaTwoAssetExampleWithLambdaOneHalf() {
        /*
         * lambda = 0.5, three returns. Weight (1 - lambda) lambda^k for the return k periods before the
         * newest: 0.5, 0.25, 0.125, sum 0.875 = 1 - 0.5^3; normalized 4/7 (newest), 2/7, 1/7 (oldest).
         * Zero mean, so each term is weight * r_i * r_j:
         *   x = 0.04, -0.02, 0.02   (oldest first)
         *   y = 0.02,  0.01, 0.01
         *   var x  = 1/7 * 16e-4 + 2/7 * 4e-4 + 4/7 * 4e-4 = (16 + 8 + 16)/7 e-4 = 40/7 e-4
         *   var y  = 1/7 *  4e-4 + 2/7 * 1e-4 + 4/7 * 1e-4 = (4 + 2 + 4)/7 e-4   = 10/7 e-4
         *   cov xy = 1/7 *  8e-4 + 2/7 * -2e-4 + 4/7 * 2e-4 = (8 - 4 + 8)/7 e-4  = 12/7 e-4
         *   corr   = 12/7 / sqrt(40/7 * 10/7) = 12/7 / (20/7) = 0.6
         */
        CorrelationEstimate e = CovarianceEstimator.ewma(0.5).estimate(new double[][]{{0.04, -0.02, 0.02}, {0.02, 0.01, 0.01}});
        assertThat(e.observations()).isEqualTo(3);
        assertThat(e.covariance(0, 0)).isCloseTo(40.0 / 7 * 1e-4, within(EPS));
        assertThat(e.covariance(1, 1)).isCloseTo(10.0 / 7 * 1e-4, within(EPS));
        assertThat(e.covariance(0, 1)).isCloseTo(12.0 / 7 * 1e-4, within(EPS));
        assertThat(e.volatility(0)).isCloseTo(Math.sqrt(40.0 / 7) * 0.01, within(EPS));
        assertThat(e.volatility(1)).isCloseTo(Math.sqrt(10.0 / 7) * 0.01, within(EPS));
        assertThat(e.correlation(0, 1)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void ewmaWeightsAreDecayingAndNormalizedOverTheHistoryGiven() {
        // A unit return in one period and zero elsewhere has "variance" equal to that period's weight.
        // lambda 0.5, three periods: 4/7 for the newest, 2/7 for the middle, 1/7 for the oldest.
        CovarianceEstimator half = CovarianceEstimator.ewma(0.5);
        assertThat(half.estimate(new double[][]{{0, 0, 1}}).covariance(0, 0)).isCloseTo(4.0 / 7, within(EPS));
        assertThat(half.estimate(new double[][]{{0, 1, 0}}).covariance(0, 0)).isCloseTo(2.0 / 7, within(EPS));
        assertThat(half.estimate(new double[][]{{1, 0, 0}}).covariance(0, 0)).isCloseTo(1.0 / 7, within(EPS));
        // RiskMetrics lambda 0.94 on two periods: weights 0.06 and 0.06 * 0.94 = 0.0564, normalized by
        // their sum 0.1164: newest 0.06 / 0.1164 = 1 / 1.94, oldest 0.94 / 1.94.
        CovarianceEstimator rm = CovarianceEstimator.DEFAULT;
        assertThat(rm.lambda()).isEqualTo(0.94);
        assertThat(rm.estimate(new double[][]{{0, 1}}).covariance(0, 0)).isCloseTo(1 / 1.94, within(EPS));
        assertThat(rm.estimate(new double[][]{{1, 0}}).covariance(0, 0)).isCloseTo(0.94 / 1.94, within(EPS));
    }

    @Test
    void ewmaIsZeroMeanSoAConstantNonZeroReturnStillHasVolatility() {
        // Every return 0.01: sum of normalized weights * 1e-4 = 1e-4, so vol 0.01, where a sample
        // variance around the mean would be 0.
        CorrelationEstimate e = CovarianceEstimator.ewma(0.9).estimate(new double[][]{{0.01, 0.01, 0.01, 0.01}});
        assertThat(e.volatility(0)).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void perfectlyCorrelatedSeriesGiveOneAndAntiCorrelatedMinusOne() {
        double[] x = {0.013, -0.021, 0.034, 0.005, -0.017, 0.008};
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        double[] scaled = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            up[t] = 2 * x[t] + 0.001;   // an affine function with positive slope: sample correlation 1
            down[t] = -3 * x[t];        // negative slope: -1
            scaled[t] = 0.5 * x[t];     // EWMA is zero-mean, so only a pure scaling gives it 1
        }
        CorrelationEstimate rolling = CovarianceEstimator.rolling(6).estimate(new double[][]{x, up, down});
        assertThat(rolling.correlation(0, 1)).isCloseTo(1, within(1e-12)).isLessThanOrEqualTo(1);
        assertThat(rolling.correlation(0, 2)).isCloseTo(-1, within(1e-12)).isGreaterThanOrEqualTo(-1);
        assertThat(rolling.correlation(1, 2)).isCloseTo(-1, within(1e-12)).isGreaterThanOrEqualTo(-1);
        CorrelationEstimate ewma = CovarianceEstimator.DEFAULT.estimate(new double[][]{x, scaled, down});
        assertThat(ewma.correlation(0, 1)).isCloseTo(1, within(1e-12)).isLessThanOrEqualTo(1);
        assertThat(ewma.correlation(0, 2)).isCloseTo(-1, within(1e-12)).isGreaterThanOrEqualTo(-1);
        // vol of 0.5 x is half the vol of x, vol of -3 x three times it.
        assertThat(ewma.volatility(1)).isCloseTo(0.5 * ewma.volatility(0), within(1e-15));
        assertThat(ewma.volatility(2)).isCloseTo(3 * ewma.volatility(0), within(1e-15));
    }

    @Test
    void aFlatInstrumentHasZeroVolatilityZeroCorrelationAndUnitDiagonal() {
        // 0.1 is not exact in binary, so the window mean of a constant 0.1 series can differ from 0.1
        // by rounding; the estimate must still see no variance at all.
        double[] flat = {0.1, 0.1, 0.1, 0.1, 0.1};
        double[] x = {0.01, -0.02, 0.03, 0.00, 0.02};
        CorrelationEstimate rolling = CovarianceEstimator.rolling(5).estimate(new double[][]{x, flat});
        assertFlatSecond(rolling);
        CorrelationEstimate ewma = CovarianceEstimator.DEFAULT.estimate(new double[][]{x, {0, 0, 0, 0, 0}});
        assertFlatSecond(ewma);
    }

    private static void assertFlatSecond(CorrelationEstimate e) {
        assertThat(e.volatility(1)).isEqualTo(0.0);
        assertThat(e.covariance(1, 1)).isEqualTo(0.0);
        assertThat(e.covariance(0, 1)).isEqualTo(0.0);
        assertThat(e.covariance(1, 0)).isEqualTo(0.0);
        assertThat(e.correlation(0, 1)).isEqualTo(0.0);
        assertThat(e.correlation(1, 0)).isEqualTo(0.0);
        assertThat(e.correlation(1, 1)).isEqualTo(1.0);
        assertThat(e.correlation(0, 0)).isEqualTo(1.0);
        assertThat(e.volatility(0)).isPositive();
    }

    @Test
    void everyEstimateIsSymmetricUnitDiagonalBoundedAndPositiveSemiDefinite() {
        Random random = new Random(20240601L);
        // 8 instruments and a window of 5: fewer observations than instruments, so Sigma is singular,
        // the case where separately estimated pairs most easily lose positive semi-definiteness.
        double[][] r = new double[8][30];
        double[] market = new double[30];
        for (int t = 0; t < 30; t++) {
            market[t] = 0.01 * random.nextGaussian();
        }
        for (int i = 0; i < r.length; i++) {
            for (int t = 0; t < 30; t++) {
                r[i][t] = (i % 2 == 0 ? 1 : -0.7) * market[t] + 0.004 * random.nextGaussian();
            }
        }
        for (CovarianceEstimator estimator : new CovarianceEstimator[]{
                CovarianceEstimator.rolling(5), CovarianceEstimator.rolling(30), CovarianceEstimator.ewma(0.94),
                CovarianceEstimator.ewma(0.5)}) {
            CorrelationEstimate e = estimator.estimate(r);
            double[][] corr = e.correlation();
            for (int i = 0; i < corr.length; i++) {
                assertThat(corr[i][i]).isEqualTo(1.0);
                for (int j = 0; j < corr.length; j++) {
                    assertThat(corr[i][j]).isEqualTo(corr[j][i]).isBetween(-1.0, 1.0);
                    assertThat(e.covariance(i, j)).isEqualTo(e.covariance(j, i));
                }
            }
            assertThat(smallestEigenvalue(corr)).as("smallest eigenvalue of C, %s", estimator).isGreaterThan(-1e-12);
            double[][] cov = e.covariance();
            assertThat(smallestEigenvalue(cov)).as("smallest eigenvalue of Sigma, %s", estimator).isGreaterThan(-1e-16);
        }
    }

    private static double smallestEigenvalue(double[][] m) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        for (double v : ev) {
            min = Math.min(min, v);
        }
        return min;
    }

    @Test
    void tooFewObservationsForTheWindowIsRejectedWithWhatIsNeeded() {
        double[][] tenReturns = {new double[10], new double[10]};
        assertThatThrownBy(() -> CovarianceEstimator.rolling(60).estimate(tenReturns))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rolling window 60 needs at least 61 prices / 60 returns, have 10");
        assertThatThrownBy(() -> CovarianceEstimator.DEFAULT.estimate(new double[][]{{}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EWMA needs at least 2 prices / 1 return, have 0");
    }

    @Test
    void raggedSeriesAreRejected() {
        assertThatThrownBy(() -> CovarianceEstimator.rolling(2).estimate(new double[][]{{0.1, 0.2, 0.3}, {0.1, 0.2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returns[1] has 2 observations, returns[0] has 3");
    }

    @Test
    void aNonFiniteObservationInUseIsRejectedByPosition() {
        assertThatThrownBy(() -> CovarianceEstimator.DEFAULT.estimate(new double[][]{{0.1, 0.2}, {0.1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returns[1][1] must be a finite number, was NaN");
        assertThatThrownBy(() -> CovarianceEstimator.rolling(2).estimate(new double[][]{{0.1, Double.POSITIVE_INFINITY, 0.3}}))
                .hasMessageContaining("returns[0][1] must be a finite number, was Infinity");
    }

    @Test
    void aGapBeforeTheRollingWindowDoesNotMatter() {
        // Only the last two returns are used: deviations from their mean 0.02 are -0.01, +0.01, so
        // var = (1e-4 + 1e-4) / 1 = 2e-4.
        CorrelationEstimate e = CovarianceEstimator.rolling(2).estimate(new double[][]{{Double.NaN, 0.01, 0.03}});
        assertThat(e.covariance(0, 0)).isCloseTo(2e-4, within(EPS));
    }

    @Test
    void parametersOutOfRangeAreRejected() {
        assertThatThrownBy(() -> CovarianceEstimator.rolling(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window must be at least 2");
        for (double lambda : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> CovarianceEstimator.ewma(lambda))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lambda must be in (0, 1), was " + lambda);
        }
        assertThatThrownBy(() -> CovarianceEstimator.DEFAULT.estimate(new double[0][]))
                .hasMessageContaining("returns must hold at least one instrument");
        assertThatThrownBy(() -> CovarianceEstimator.DEFAULT.estimate(null))
                .hasMessageContaining("returns is required");
    }

    @Test
    void estimatesFromPricesThroughReturnHistory() {
        // Prices 100, 101, 103.02 give returns 0.01 and 0.02 (103.02 / 101 = 1.02); a rolling window
        // of 2 has mean 0.015, deviations -0.005, +0.005, var = 2 * 2.5e-5 / 1 = 5e-5.
        double[][] r = ReturnHistory.simpleReturns(new double[][]{{100, 101, 103.02}});
        assertThat(CovarianceEstimator.rolling(2).estimate(r).covariance(0, 0)).isCloseTo(5e-5, within(1e-15));
    }
}
