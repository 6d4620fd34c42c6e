package io.riskgrid.core.var;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Validation, repair and factorization of factor covariance models. */
class CovarianceModelTest {

    private static final double[] VOLS = {0.01, 0.02, 0.03};
    private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    /**
     * Pairwise plausible but jointly impossible: 1 and 2 move together, 1 and 3 move together, yet
     * 2 and 3 move apart. (1, -1, -1) is an eigenvector: R (1, -1, -1) = (1 - 0.9 - 0.9,
     * 0.9 - 1 + 0.9, 0.9 + 0.9 - 1) = -0.8 (1, -1, -1), so the smallest eigenvalue is 1 - 2 x 0.9 = -0.8
     * (the other two are 1.9, the trace being 3).
     */
    private static final double[][] INCONSISTENT = {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}};

    @Test
    void keepsVolatilitiesAndCorrelationsAndBuildsTheCovariance() {
        CovarianceModel m = CovarianceModel.of(VOLS, new double[][]{{1, 0.5, 0}, {0.5, 1, -0.25}, {0, -0.25, 1}});

        assertThat(m.size()).isEqualTo(3);
        assertThat(m.volatility(2)).isEqualTo(0.03);
        assertThat(m.correlation(1, 2)).isEqualTo(-0.25);
        assertThat(m.repaired()).isFalse();
        double[][] cov = m.covariance();
        // sigma_1 sigma_2 rho_12 = 0.01 x 0.02 x 0.5 = 1e-4; sigma_2 sigma_3 rho_23 = 0.02 x 0.03 x -0.25 = -1.5e-4
        assertThat(cov[0][1]).isCloseTo(1e-4, within(1e-18));
        assertThat(cov[2][1]).isCloseTo(-1.5e-4, within(1e-18));
        assertThat(cov[2][2]).isCloseTo(9e-4, within(1e-18));
    }

    @Test
    void factorReproducesTheCovariance() {
        double[][] corr = {{1, 0.5, 0.2}, {0.5, 1, -0.25}, {0.2, -0.25, 1}};
        CovarianceModel m = CovarianceModel.of(VOLS, corr);

        assertFactorReproducesCovariance(m);
    }

    @Test
    void rejectsAMatrixThatIsNotPositiveSemiDefinite() {
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, INCONSISTENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correlation is not positive semi-definite (smallest eigenvalue -0.800); "
                        + "use repair to project it onto the nearest valid correlation matrix");
    }

    @Test
    void repairsAnInconsistentMatrixIntoAValidCorrelationMatrix() {
        CovarianceModel m = CovarianceModel.repaired(VOLS, INCONSISTENT);

        assertThat(m.repaired()).isTrue();
        double[][] c = m.correlation();
        for (int i = 0; i < 3; i++) {
            assertThat(c[i][i]).isEqualTo(1.0);
            for (int j = 0; j < 3; j++) {
                assertThat(c[i][j]).isEqualTo(c[j][i]).isBetween(-1.0, 1.0);
            }
        }
        for (double lambda : eigenvalues(c)) {
            assertThat(lambda).isGreaterThanOrEqualTo(-1e-12);
        }
        // Swapping factors 2 and 3 leaves the input as it is, so it leaves its (unique) nearest
        // correlation matrix as it is too: that has the form rho_12 = rho_13 = a, rho_23 = b. On
        // (0, 1, -1) it has eigenvalue 1 - b, and on the span of (1, 0, 0) and (0, 1, 1)/sqrt 2 it acts
        // as [1, sqrt2 a; sqrt2 a, 1 + b], so it is PSD iff 1 + b >= 2 a^2. Minimizing the squared
        // distance 4 (0.9 - a)^2 + 2 (0.9 + b)^2 on that convex set: at a = 0.5, b = -0.5 the gradient
        // (-4 x 2 (0.4), 2 x 2 (0.4)) = (-3.2, 1.6) is 1.6 times the constraint's gradient (-4a, 1) = (-2, 1),
        // with a positive multiplier, so a = 0.5, b = -0.5 is the optimum.
        assertThat(c[0][1]).isCloseTo(0.5, within(1e-6));
        assertThat(c[0][2]).isCloseTo(0.5, within(1e-6));
        assertThat(c[1][2]).isCloseTo(-0.5, within(1e-6));
        // Volatilities are untouched.
        assertThat(m.volatility(1)).isEqualTo(0.02);
    }

    @Test
    void repairFindsHighamsNearestCorrelationMatrix() {
        // The worked example of Higham (2002), also in his 2013 "nearest correlation matrix" notes:
        // A = [1 1 0; 1 1 1; 0 1 1] has nearest correlation matrix
        // [1 0.7607 0.1573; 0.7607 1 0.7607; 0.1573 0.7607 1] to the four decimals published.
        CovarianceModel m = CovarianceModel.repaired(new double[]{1, 1, 1},
                new double[][]{{1, 1, 0}, {1, 1, 1}, {0, 1, 1}});

        assertThat(m.repaired()).isTrue();
        assertThat(m.correlation(0, 1)).isCloseTo(0.7607, within(5e-5));
        assertThat(m.correlation(1, 2)).isCloseTo(0.7607, within(5e-5));
        assertThat(m.correlation(0, 2)).isCloseTo(0.1573, within(5e-5));
    }

    @Test
    void repairsALargerMatrixOfInconsistentEstimates() {
        // Ten factors with a correlation of 0.6 between neighbours and -0.4 between every other pair.
        // Interior rows sum to 1 + 2 x 0.6 - 7 x 0.4 = -0.6 and the two end rows to 1 + 0.6 - 8 x 0.4
        // = -1.6, so (1, ..., 1) has Rayleigh quotient (8 x -0.6 + 2 x -1.6) / 10 = -0.8: not PSD.
        int n = 10;
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                corr[i][j] = i == j ? 1 : Math.abs(i - j) == 1 ? 0.6 : -0.4;
            }
        }
        double[] vols = new double[n];
        Arrays.fill(vols, 0.01);
        assertThatThrownBy(() -> CovarianceModel.of(vols, corr)).hasMessageStartingWith("correlation is not positive");

        CovarianceModel m = CovarianceModel.repaired(vols, corr);

        double[][] c = m.correlation();
        for (int i = 0; i < n; i++) {
            assertThat(c[i][i]).isEqualTo(1.0);
            for (int j = 0; j < n; j++) {
                assertThat(c[i][j]).isEqualTo(c[j][i]).isBetween(-1.0, 1.0);
            }
        }
        for (double lambda : eigenvalues(c)) {
            assertThat(lambda).isGreaterThanOrEqualTo(-1e-12);
        }
        assertFactorReproducesCovariance(m);
    }

    @Test
    void repairLeavesAValidMatrixAlone() {
        double[][] corr = {{1, 0.3, 0.1}, {0.3, 1, 0.2}, {0.1, 0.2, 1}};
        CovarianceModel m = CovarianceModel.repaired(VOLS, corr);

        assertThat(m.repaired()).isFalse();
        assertThat(m.correlation()).isDeepEqualTo(corr);
    }

    @Test
    void perfectlyCorrelatedFactorsAreSingularButValid() {
        // rho = 1 has eigenvalues 0 and 2 and no strict Cholesky factor. The semidefinite one is
        // L_rho = [1 0; 1 0], so L = diag(sigma) L_rho = [0.01 0; 0.02 0]: the second factor's shock
        // is exactly twice the first's.
        CovarianceModel m = CovarianceModel.of(new double[]{0.01, 0.02}, new double[][]{{1, 1}, {1, 1}});

        double[] l = m.factor();
        int stride = ShockBlock.stride(2);
        assertThat(l[0]).isEqualTo(0.01);
        assertThat(l[stride]).isEqualTo(0.02);
        assertThat(l[stride + 1]).isZero();
        assertFactorReproducesCovariance(m);
    }

    @Test
    void aZeroVolatilityFactorHasAZeroRowAndNoCovariance() {
        CovarianceModel m = CovarianceModel.of(new double[]{0.01, 0, 0.03}, new double[][]{
                {1, 0.5, 0.2}, {0.5, 1, 0.1}, {0.2, 0.1, 1}});

        assertThat(m.covariance()[1]).containsExactly(0, 0, 0);
        assertFactorReproducesCovariance(m);
    }

    @Test
    void aSubsetIsTheModelOfTheChosenFactorsInTheirNewOrder() {
        double[][] corr = {{1, 0.5, 0.2}, {0.5, 1, -0.25}, {0.2, -0.25, 1}};
        CovarianceModel m = CovarianceModel.of(VOLS, corr).subset(new int[]{2, 0, 0});

        assertThat(m.size()).isEqualTo(3);
        assertThat(m.volatilities()).containsExactly(0.03, 0.01, 0.01);
        assertThat(m.correlation(0, 1)).isEqualTo(0.2);
        // The same factor twice: perfectly correlated copies.
        assertThat(m.correlation(1, 2)).isEqualTo(1.0);
        assertFactorReproducesCovariance(m);
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, corr).subset(new int[]{0, 3}))
                .hasMessage("indices[1] must be between 0 and 2, was 3");
    }

    @Test
    void acceptsRoundingSlipsAndSetsThemExactly() {
        double[][] corr = {{1 - 1e-15, 0.3}, {0.3 + 1e-15, 1}};
        CovarianceModel m = CovarianceModel.of(new double[]{0.01, 0.02}, corr);

        assertThat(m.correlation(0, 0)).isEqualTo(1.0);
        assertThat(m.correlation(0, 1)).isEqualTo(m.correlation(1, 0));
    }

    @Test
    void namesTheEntryThatBreaksTheRules() {
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, new double[][]{{1, 0.3, 0}, {0.2, 1, 0}, {0, 0, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("correlation must be symmetric: correlation[0][1] = 0.3 but correlation[1][0] = 0.2");
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, new double[][]{{1, 0, 1.5}, {0, 1, 0}, {1.5, 0, 1}}))
                .hasMessage("correlation[0][2] must be within [-1, 1], was 1.5");
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, new double[][]{{1, 0, 0}, {0, 0.9, 0}, {0, 0, 1}}))
                .hasMessage("correlation[1][1] must be 1 on the diagonal");
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, new double[][]{{1, Double.NaN, 0}, {0, 1, 0}, {0, 0, 1}}))
                .hasMessage("correlation[0][1] must be a finite number, was NaN");
    }

    @Test
    void namesAShapeMismatch() {
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, new double[][]{{1, 0}, {0, 1}}))
                .hasMessage("correlation has 2 rows but volatilities has 3 entries");
        assertThatThrownBy(() -> CovarianceModel.of(VOLS, new double[][]{{1, 0, 0}, {0, 1}, {0, 0, 1}}))
                .hasMessage("correlation[1] has 2 columns but volatilities has 3 entries");
        assertThatThrownBy(() -> CovarianceModel.of(new double[0], new double[0][]))
                .hasMessage("volatilities must have at least one entry");
    }

    @Test
    void rejectsANegativeOrNonFiniteVolatility() {
        assertThatThrownBy(() -> CovarianceModel.of(new double[]{0.01, -0.02, 0.03}, IDENTITY))
                .hasMessage("volatilities[1] must be zero or positive, was -0.02");
        assertThatThrownBy(() -> CovarianceModel.of(new double[]{0.01, 0.02, Double.NaN}, IDENTITY))
                .hasMessage("volatilities[2] must be a finite number, was NaN");
    }

    @Test
    void repairStillRejectsAMatrixThatIsNotACorrelationMatrixInShape() {
        assertThatThrownBy(() -> CovarianceModel.repaired(VOLS, new double[][]{{1, 0, 0}, {0, 2, 0}, {0, 0, 1}}))
                .hasMessage("correlation[1][1] must be within [-1, 1], was 2.0");
    }

    @Test
    void copiesAreIndependentOfTheModel() {
        double[] vols = {0.01, 0.02, 0.03};
        double[][] corr = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        CovarianceModel m = CovarianceModel.of(vols, corr);
        vols[0] = 9;
        corr[0][1] = 9;
        m.volatilities()[1] = 9;
        m.correlation()[0][2] = 9;

        assertThat(m.volatility(0)).isEqualTo(0.01);
        assertThat(m.volatility(1)).isEqualTo(0.02);
        assertThat(m.correlation(0, 1)).isZero();
        assertThat(m.correlation(0, 2)).isZero();
    }

    /** L L' from the model's factor equals the covariance, to rounding. */
    private static void assertFactorReproducesCovariance(CovarianceModel m) {
        int n = m.size();
        int stride = ShockBlock.stride(n);
        double[] l = m.factor();
        double[][] cov = m.covariance();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < stride; k++) {
                    sum += l[i * stride + k] * l[j * stride + k];
                }
                assertThat(sum).as("(L L')[%d][%d]", i, j).isCloseTo(cov[i][j], within(1e-17));
            }
        }
    }

    private static double[] eigenvalues(double[][] c) {
        return new EigenDecomposition(new Array2DRowRealMatrix(c)).getRealEigenvalues();
    }
}
