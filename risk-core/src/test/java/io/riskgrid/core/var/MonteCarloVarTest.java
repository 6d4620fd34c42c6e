package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Monte Carlo VaR against the closed form of a Gaussian book, within bands derived from the
 * sampling error of each estimator. The book is the one of {@link ParametricVarTest}:
 * V = (1,000,000, 2,000,000), volatilities (1%, 2%), correlation 0.5, so the one-day P&amp;L is
 * N(0, s^2) with s = sqrt(2.1e9) = 45,825.7569495584, and at c = 0.99 (p = 0.01)
 * z = 2.3263478740408408, phi(z) = 0.026652142203458, VaR = z s = 106,606.652255917 and
 * CVaR = s phi(z) / p = 122,135.459080074.
 */
class MonteCarloVarTest {

    private static final double[] BOOK = {1_000_000, 2_000_000};
    private static final CovarianceModel MODEL = CovarianceModel.of(new double[]{0.01, 0.02},
            new double[][]{{1, 0.5}, {0.5, 1}});
    private static final double S = 45_825.7569495584;
    private static final double VAR_99 = 106_606.652255917;
    private static final double CVAR_99 = 122_135.459080074;
    private static final int PATHS = 400_000;
    private static final long SEED = 20_240_601L;

    @Test
    void varIsWithinFiveStandardErrorsOfTheClosedForm() {
        VarResult r = MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1, PATHS, SEED);

        // The sample p-quantile of N draws has asymptotic standard error sqrt(p(1-p)/N) / f(q), f the
        // P&L density at the quantile, phi(z)/s: sqrt(0.01 x 0.99 / 400,000) / 0.026652142203458 s
        // = 3.1464e-4 / 0.0266521 s = 0.0059028 s = 270.50. Five of them: 1,352.5 (1.3% of VaR).
        double standardError = Math.sqrt(0.01 * 0.99 / PATHS) / 0.026652142203458 * S;
        assertThat(standardError).isCloseTo(270.50, within(0.01));
        assertThat(r.var()).isCloseTo(VAR_99, within(5 * standardError));
        assertThat(r.scenarios()).isEqualTo(PATHS);
        assertThat(r.method()).isEqualTo(VarMethod.MONTE_CARLO);
    }

    @Test
    void cvarIsWithinFiveStandardErrorsOfTheClosedForm() {
        VarResult r = MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1, PATHS, SEED);

        // The tail mean has influence function ((x - q)+ / p) + q - ES, whose variance gives the
        // asymptotic standard error sqrt((Var(X | X > q) + (1 - p)(ES - q)^2) / (N p)). For the
        // standard normal with lambda = phi(z)/p = 2.66521422: Var(X | X > z) = 1 + z lambda - lambda^2
        // = 1 + 6.200215 - 7.103367 = 0.096849 and ES - q = lambda - z = 0.338866, so
        // sqrt((0.096849 + 0.99 x 0.114830) / 4,000) s = sqrt(0.210531 / 4,000) s = 0.0072548 s = 332.46.
        double lambda = 0.026652142203458 / 0.01;
        double z = 2.3263478740408408;
        double tailVariance = 1 + z * lambda - lambda * lambda;
        double standardError = Math.sqrt((tailVariance + 0.99 * (lambda - z) * (lambda - z)) / (PATHS * 0.01)) * S;
        assertThat(standardError).isCloseTo(332.46, within(0.01));
        assertThat(r.cvar()).isCloseTo(CVAR_99, within(5 * standardError));
    }

    @Test
    void componentsAddUpToVarAndApproachTheEulerSplit() {
        VarResult r = MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1, PATHS, SEED);

        assertThat(r.componentVar(0) + r.componentVar(1)).isCloseTo(r.var(), within(1e-6));
        // For jointly normal returns, E[V_1 x_1 | P&L in the tail] = beta E[P&L | tail] with
        // beta = V_1 (Sigma V)_1 / V' Sigma V = 3e8 / 2.1e9 = 1/7, so component 1 / VaR estimates 1/7.
        // Writing V_1 x_1 = beta P&L + e with e independent of the P&L, Var(e) = 1e8 - 2.1e9 / 49
        // = 5.7143e7, the estimate's error is mean(e) over the m = 4,000 tail paths divided by the
        // tail mean (about CVaR): sqrt(5.7143e7 / 4,000) / 122,135 = 9.79e-4. Five of them: 0.0049.
        double standardError = Math.sqrt((1e8 - 2.1e9 / 49) / 4_000) / CVAR_99;
        assertThat(r.componentVar(0) / r.var()).isCloseTo(1.0 / 7, within(5 * standardError));
    }

    @Test
    void aSinglePositionHasTheVarOfItsOwnVolatility() {
        // One factor, sigma = 2%, V = 1,000,000: s = 20,000, VaR = 2.3263478740408408 x 20,000 = 46,526.96,
        // standard error 0.0059028 x 20,000 = 118.06 as in the test above.
        CovarianceModel single = CovarianceModel.of(new double[]{0.02}, new double[][]{{1}});
        VarResult r = MonteCarloVar.DEFAULT.compute(new double[]{1_000_000}, single, 0.99, 1, PATHS, SEED);

        assertThat(r.var()).isCloseTo(46_526.96, within(5 * 118.06));
        assertThat(r.componentVar(0)).isCloseTo(r.var(), within(1e-9));
    }

    @Test
    void horizonScalesEveryPathBySquareRootOfDays() {
        VarResult oneDay = MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1, 20_000, SEED);
        VarResult fourDay = MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.99, 4, 20_000, SEED);

        // sqrt(4) = 2 exactly, and doubling is exact in binary, so the figures double exactly.
        assertThat(fourDay.var()).isEqualTo(2 * oneDay.var());
        assertThat(fourDay.cvar()).isEqualTo(2 * oneDay.cvar());
    }

    @Test
    void varAndCvarAreThoseOfTheSimulatedPnl() {
        double[] pnl = new double[50_000];
        MonteCarloVar.DEFAULT.simulatePnl(BOOK, MODEL, 1, pnl.length, SEED, pnl);
        LossDistribution d = LossDistribution.of(pnl);

        VarResult r = MonteCarloVar.DEFAULT.compute(BOOK, MODEL, 0.975, 1, pnl.length, SEED);

        assertThat(r.var()).isEqualTo(d.var(0.975));
        assertThat(r.cvar()).isEqualTo(d.cvar(0.975));
    }

    @Test
    void simulatedPnlHasTheBooksVolatility() {
        double[] pnl = new double[PATHS];
        MonteCarloVar.DEFAULT.simulatePnl(BOOK, MODEL, 1, PATHS, SEED, pnl);
        double sum = 0;
        double sumSquares = 0;
        for (double v : pnl) {
            sum += v;
            sumSquares += v * v;
        }
        double mean = sum / PATHS;
        double variance = sumSquares / PATHS - mean * mean;

        // Mean: standard error s / sqrt(N) = 45,825.76 / 632.46 = 72.46, five of them 362.3.
        assertThat(mean).isCloseTo(0, within(5 * S / Math.sqrt(PATHS)));
        // Sample variance of normals: standard error s^2 sqrt(2 / N) = 2.1e9 x 0.002236 = 4.70e6.
        assertThat(variance).isCloseTo(2.1e9, within(5 * 2.1e9 * Math.sqrt(2.0 / PATHS)));
    }

    @Test
    void perfectlyCorrelatedFactorsMoveInLockstep() {
        // rho = 1: the second factor's shock is twice the first's on every path, so a book long
        // 2,000,000 of the first and short 1,000,000 of the second is flat on every path.
        CovarianceModel lockstep = CovarianceModel.of(new double[]{0.01, 0.02}, new double[][]{{1, 1}, {1, 1}});
        double[] pnl = new double[1_000];
        MonteCarloVar.DEFAULT.simulatePnl(new double[]{2_000_000, -1_000_000}, lockstep, 1, pnl.length, SEED, pnl);

        for (double v : pnl) {
            assertThat(v).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void aPositionOnAFactorWithoutVolatilityTakesNoShareOfVar() {
        CovarianceModel calmSecond = CovarianceModel.of(new double[]{0.01, 0}, new double[][]{{1, 0.5}, {0.5, 1}});
        VarResult r = MonteCarloVar.DEFAULT.compute(BOOK, calmSecond, 0.99, 1, 20_000, SEED);

        // The second factor's row of L is zero, so its shock, and its P&L, is 0 on every path.
        assertThat(r.componentVar(1)).isZero();
        assertThat(r.componentVar(0)).isCloseTo(r.var(), within(1e-9));
    }

    @Test
    void rejectsBadArguments() {
        MonteCarloVar mc = MonteCarloVar.DEFAULT;

        assertThatThrownBy(() -> mc.compute(BOOK, MODEL, 0.99, 1, 0, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paths must be positive, was 0");
        assertThatThrownBy(() -> mc.compute(BOOK, MODEL, 0.99, 0, 100, SEED))
                .hasMessage("horizonDays must be positive, was 0");
        assertThatThrownBy(() -> mc.compute(BOOK, MODEL, 1.2, 1, 100, SEED))
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 1.2");
        assertThatThrownBy(() -> mc.compute(new double[]{1, 2, 3}, MODEL, 0.99, 1, 100, SEED))
                .hasMessage("volatilities has 2 entries but marketValues has 3");
        assertThatThrownBy(() -> mc.compute(new double[]{1, Double.POSITIVE_INFINITY}, MODEL, 0.99, 1, 100, SEED))
                .hasMessage("marketValues[1] must be a finite number, was Infinity");
        assertThatThrownBy(() -> mc.simulatePnl(BOOK, MODEL, 1, 10, SEED, new double[5]))
                .hasMessage("pnlOut has 5 entries but paths is 10");
        assertThatThrownBy(() -> new MonteCarloVar(0))
                .hasMessage("parallelism must be positive, was 0");
    }
}
