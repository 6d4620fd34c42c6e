package io.riskgrid.ml.anomaly;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The PCA scorer against the shared contract and against hand-computed figures. */
class PcaScorerTest extends AnomalyScorerContract {

    private static final double EPS = 1e-9;

    @Override
    protected ScorerKind kind() {
        return ScorerKind.PCA;
    }

    /**
     * 60 rows {@code mu + A u} for u in {(1,0), (-1,0), (0,1), (0,-1)}, 15 times each. The u have
     * mean 0 and sum of u u' = 30 I, so the sample mean is exactly mu and the sample covariance is
     * exactly (30 / 59) A A'.
     */
    private static double[][] design(double[] mu, double[][] a) {
        double[][] us = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        double[][] rows = new double[60][];
        for (int i = 0; i < 60; i++) {
            double[] u = us[i % 4];
            rows[i] = new double[] {
                mu[0] + a[0][0] * u[0] + a[0][1] * u[1],
                mu[1] + a[1][0] * u[0] + a[1][1] * u[1]};
        }
        return rows;
    }

    @Test
    void hotellingT2IsTheMahalanobisDistanceWhenBothComponentsAreKept() {
        double[] mu = {10, -3};
        double[][] a = {{2, 0}, {1.5, 1}};
        // A A' = [[4, 3], [3, 3.25]]: correlation 3 / sqrt(13) = 0.832, so the first component
        // explains (1 + 0.832) / 2 = 91.6% < 95% and both are kept.
        PcaScorer pca = PcaScorer.train(design(mu, a));
        assertThat(pca.keptComponents()).isEqualTo(2);
        // x = mu + A v: (x - mu)' S^-1 (x - mu) = (59 / 30) |v|^2, whatever the standardization.
        double[] v = {1, 2};
        double[] x = {mu[0] + 2 * v[0], mu[1] + 1.5 * v[0] + v[1]};
        assertThat(pca.hotellingT2(x)).isCloseTo(59.0 / 30 * 5, within(EPS));
        assertThat(pca.squaredPredictionError(x)).isCloseTo(0.0, within(EPS));
        // With every component kept the SPE term is left out: distance = T^2.
        assertThat(pca.distance(x)).isCloseTo(59.0 / 30 * 5, within(EPS));
        double[] w = {3, -1};
        double[] y = {mu[0] + 2 * w[0], mu[1] + 1.5 * w[0] + w[1]};
        assertThat(pca.hotellingT2(y)).isCloseTo(59.0 / 30 * 10, within(EPS));
    }

    @Test
    void contributionsOfAFullRankModelAreTheSymmetricWhiteningShares() {
        double[] mu = {10, -3};
        double[][] a = {{2, 0}, {1.5, 1}};
        PcaScorer pca = PcaScorer.train(design(mu, a));
        // One standard deviation up in feature 0 only: z = (1, 0). With correlation rho, R^-1/2 has
        // diagonal (p + q) / 2 and off-diagonal (p - q) / 2 for p = 1 / sqrt(1 + rho) and
        // q = 1 / sqrt(1 - rho), so w = R^-1/2 z = ((p + q) / 2, (p - q) / 2).
        double rho = 3 / Math.sqrt(13);
        double p = 1 / Math.sqrt(1 + rho);
        double q = 1 / Math.sqrt(1 - rho);
        double share0 = (p + q) * (p + q) / ((p + q) * (p + q) + (p - q) * (p - q));
        double sd0 = Math.sqrt(30.0 / 59 * 4);
        double[] shares = pca.contributions(new double[] {mu[0] + sd0, mu[1]});
        assertThat(shares[0]).isCloseTo(share0, within(EPS));
        assertThat(shares[1]).isCloseTo(1 - share0, within(EPS));
    }

    @Test
    void distanceIsHotellingT2PlusSpeOverTheDroppedEigenvalue() {
        // A = [[1, 0.1], [1, -0.1]]: equal variances (30 / 59) * 1.01 and correlation 0.99 / 1.01,
        // so the first component (1, 1) / sqrt 2 explains 99% and is the only one kept, with
        // eigenvalue 1 + 0.99 / 1.01 = 2 / 1.01; the dropped one is 1 - 0.99 / 1.01 = 0.02 / 1.01.
        PcaScorer pca = PcaScorer.train(design(new double[] {0, 0}, new double[][] {{1, 0.1}, {1, -0.1}}));
        assertThat(pca.keptComponents()).isEqualTo(1);
        assertThat(pca.residualVariance()).isCloseTo(0.02 / 1.01, within(EPS));
        double variance = 30.0 / 59 * 1.01;
        // x = (1, 0): z = (1, 0) / sd, t = 1 / (sqrt 2 sd), residual (1, -1) / (2 sd).
        double[] x = {1, 0};
        double t2 = 1 / (2 * variance) / (2 / 1.01);
        double spe = 1 / (2 * variance);
        assertThat(t2).isCloseTo(59.0 / 120, within(EPS));
        assertThat(spe).isCloseTo(59.0 / 60.6, within(EPS));
        assertThat(pca.hotellingT2(x)).isCloseTo(t2, within(EPS));
        assertThat(pca.squaredPredictionError(x)).isCloseTo(spe, within(EPS));
        // SPE / sigma^2 = (59 / 60.6) * (1.01 / 0.02) = 59 / 1.2.
        assertThat(pca.distance(x)).isCloseTo(59.0 / 120 + 59.0 / 1.2, within(1e-7));
        // Both features move the same amount off the line and along it: the pair cannot be told apart.
        double[] shares = pca.contributions(x);
        assertThat(shares[0]).isCloseTo(0.5, within(EPS));
        assertThat(shares[1]).isCloseTo(0.5, within(EPS));
    }

    @Test
    void trainingIgnoresTheSeedBecausePcaHasNoRandomness() {
        double[][] rows = SyntheticTradingData.generate(3L).training();
        byte[] first = AnomalyScorers.train(ScorerKind.PCA, rows, 1L).save();
        byte[] second = AnomalyScorers.train(ScorerKind.PCA, rows, 2L).save();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFeatureThatNeverMovedInTrainingDoesNotBreakTheModel() {
        double[][] rows = SyntheticTradingData.generate(3L).training();
        double[][] withConstant = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            withConstant[i] = Arrays.copyOf(rows[i], rows[i].length + 1);
            withConstant[i][rows[i].length] = 5.0;
        }
        AnomalyScorer pca = AnomalyScorers.train(ScorerKind.PCA, withConstant, 1L);
        // Its sd is floored at 0.001 * |5|; an unchanged value is ordinary, a move of 1 is not.
        double[] ordinary = withConstant[0].clone();
        assertThat(pca.score(ordinary)).isLessThan(1.0);
        double[] moved = ordinary.clone();
        moved[rows[0].length] = 6.0;
        assertThat(pca.score(moved)).isEqualTo(1.0);
        assertThat(argMax(pca.contributions(moved))).isEqualTo(rows[0].length);
    }

    @Test
    void trainingRejectsRowsThatNeverVary() {
        double[][] constant = new double[60][];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = new double[] {1, 2, 3};
        }
        assertThatThrownBy(() -> AnomalyScorers.train(ScorerKind.PCA, constant, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant");
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }
}
