package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Closed-form VaR of a two-asset book worked by hand. Unless a test says otherwise the book is
 * V = (1,000,000, 2,000,000) with one-day volatilities (1%, 2%) and correlation 0.5, so
 * <pre>
 * Sigma = | 1e-4  1e-4 |    (Sigma_12 = 0.5 x 0.01 x 0.02 = 1e-4)
 *         | 1e-4  4e-4 |
 * Sigma V = (1e-4 x 1e6 + 1e-4 x 2e6, 1e-4 x 1e6 + 4e-4 x 2e6) = (300, 900)
 * V' Sigma V = 1e6 x 300 + 2e6 x 900 = 2.1e9,  s = sqrt(2.1e9) = 45,825.7569495584
 * </pre>
 * and at 99%: z = Phi^-1(0.99) = 2.3263478740408408, phi(z) = exp(-z^2/2)/sqrt(2 pi) = 0.026652142203458.
 */
class ParametricVarTest {

    private static final double[] BOOK = {1_000_000, 2_000_000};
    private static final CovarianceModel MODEL = CovarianceModel.of(new double[]{0.01, 0.02},
            new double[][]{{1, 0.5}, {0.5, 1}});
    private static final double S = 45_825.7569495584;
    private static final double Z99 = 2.3263478740408408;
    private static final double PHI_Z99 = 0.026652142203458;

    @Test
    void varAndCvarOfATwoAssetBookMatchTheClosedForm() {
        VarResult r = ParametricVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1);

        // VaR = z s = 2.3263478740408408 x 45,825.7569495584 = 106,606.652255917
        assertThat(r.var()).isCloseTo(106_606.652255917, within(1e-6));
        assertThat(r.var()).isCloseTo(Z99 * S, within(1e-6));
        // CVaR = s phi(z) / (1 - c) = 45,825.7569495584 x 0.026652142203458 / 0.01 = 122,135.459080074
        assertThat(r.cvar()).isCloseTo(122_135.459080074, within(1e-5));
        assertThat(r.cvar()).isCloseTo(S * PHI_Z99 / 0.01, within(1e-5));
        assertThat(r.method()).isEqualTo(VarMethod.PARAMETRIC);
        assertThat(r.scenarios()).isZero();
    }

    @Test
    void componentVarIsTheEulerSplitAndAddsUpToVar() {
        VarResult r = ParametricVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1);

        // component_i = V_i (Sigma V)_i / s x z: V_1 (Sigma V)_1 = 3e8 and V_2 (Sigma V)_2 = 1.8e9 of
        // V' Sigma V = 2.1e9, so the components are VaR/7 = 15,229.5217508454 and 6 VaR/7 = 91,377.1305050721.
        assertThat(r.componentVar()).hasSize(2);
        assertThat(r.componentVar(0)).isCloseTo(15_229.5217508454, within(1e-6));
        assertThat(r.componentVar(1)).isCloseTo(91_377.1305050721, within(1e-6));
        assertThat(r.componentVar(0) + r.componentVar(1)).isCloseTo(r.var(), within(1e-6));
    }

    @Test
    void tenDayFiguresAreOneDayFiguresTimesSquareRootOfTen() {
        VarResult oneDay = ParametricVar.DEFAULT.compute(BOOK, MODEL, 0.99, 1);
        VarResult tenDay = ParametricVar.DEFAULT.compute(BOOK, MODEL, 0.99, 10);

        // s_10 = s sqrt(10): VaR = 106,606.652255917 x 3.16227766016838 = 337,119.834854227
        assertThat(tenDay.var()).isCloseTo(337_119.834854227, within(1e-5));
        assertThat(tenDay.cvar()).isCloseTo(oneDay.cvar() * Math.sqrt(10), within(1e-6));
        assertThat(tenDay.componentVar(0)).isCloseTo(oneDay.componentVar(0) * Math.sqrt(10), within(1e-6));
        assertThat(tenDay.horizonDays()).isEqualTo(10);
    }

    @Test
    void offsettingPositionsOnPerfectlyCorrelatedFactorsHaveNoRisk() {
        // rho = 1 is singular but valid: sigma_P = |0.01 x 2e6 - 0.02 x 1e6| = 0.
        CovarianceModel lockstep = CovarianceModel.of(new double[]{0.01, 0.02}, new double[][]{{1, 1}, {1, 1}});
        VarResult r = ParametricVar.DEFAULT.compute(new double[]{2_000_000, -1_000_000}, lockstep, 0.99, 1);

        assertThat(r.var()).isCloseTo(0, within(1e-6));
        assertThat(r.cvar()).isCloseTo(0, within(1e-6));
    }

    @Test
    void perfectlyCorrelatedFactorsAddTheirVolatilities() {
        // rho = 1: s = 0.01 x 1e6 + 0.02 x 1e6 = 30,000; VaR = 2.3263478740408408 x 30,000 = 69,790.436221225
        CovarianceModel lockstep = CovarianceModel.of(new double[]{0.01, 0.02}, new double[][]{{1, 1}, {1, 1}});
        VarResult r = ParametricVar.DEFAULT.compute(new double[]{1_000_000, 1_000_000}, lockstep, 0.99, 1);

        assertThat(r.var()).isCloseTo(69_790.436221225, within(1e-6));
        // Each position's share is its own stand-alone volatility: 10,000 / 30,000 and 20,000 / 30,000.
        assertThat(r.componentVar(0)).isCloseTo(69_790.436221225 / 3, within(1e-6));
    }

    @Test
    void aBookWithoutExposureHasNoVar() {
        VarResult r = ParametricVar.DEFAULT.compute(new double[]{0, 0}, MODEL, 0.95, 1);

        assertThat(r.var()).isZero();
        assertThat(r.cvar()).isZero();
        assertThat(r.componentVar()).containsExactly(0, 0);
    }

    @Test
    void rejectsAConfidenceOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> ParametricVar.DEFAULT.compute(BOOK, MODEL, 1.2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 1.2");
        assertThatThrownBy(() -> ParametricVar.DEFAULT.compute(BOOK, MODEL, 0, 1))
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 0.0");
    }

    @Test
    void rejectsAModelOfAnotherSize() {
        CovarianceModel three = CovarianceModel.of(new double[]{0.01, 0.02, 0.03},
                new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

        assertThatThrownBy(() -> ParametricVar.DEFAULT.compute(BOOK, three, 0.99, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("volatilities has 3 entries but marketValues has 2");
    }

    @Test
    void rejectsAHorizonOfZeroDaysAndANonFiniteMarketValue() {
        assertThatThrownBy(() -> ParametricVar.DEFAULT.compute(BOOK, MODEL, 0.99, 0))
                .hasMessage("horizonDays must be positive, was 0");
        assertThatThrownBy(() -> ParametricVar.DEFAULT.compute(new double[]{1, Double.NaN}, MODEL, 0.99, 1))
                .hasMessage("marketValues[1] must be a finite number, was NaN");
        assertThatThrownBy(() -> ParametricVar.DEFAULT.compute(null, MODEL, 0.99, 1))
                .hasMessage("marketValues is required");
    }
}
