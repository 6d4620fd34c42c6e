package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Historical VaR of V = (100,000, 50,000) over ten scenarios, P&amp;L_k = 100,000 r1 + 50,000 r2:
 * <pre>
 *  k   r1     r2     P&amp;L
 *  0   0.01   0.00   1,000
 *  1  -0.02   0.01  -1,500
 *  2   0.00  -0.04  -2,000
 *  3   0.03   0.02   4,000
 *  4  -0.01  -0.03  -2,500
 *  5   0.02  -0.01   1,500
 *  6  -0.03   0.00  -3,000
 *  7   0.00   0.01     500
 *  8  -0.05   0.02  -4,000
 *  9   0.01   0.01   1,500
 * </pre>
 * Sorted: -4,000 (k=8), -3,000 (6), -2,500 (4), -2,000 (2), -1,500 (1), 500, 1,000, 1,500, 1,500, 4,000.
 */
class HistoricalVarTest {

    private static final double[] BOOK = {100_000, 50_000};
    private static final double[][] SCENARIOS = {
            {0.01, 0.00}, {-0.02, 0.01}, {0.00, -0.04}, {0.03, 0.02}, {-0.01, -0.03},
            {0.02, -0.01}, {-0.03, 0.00}, {0.00, 0.01}, {-0.05, 0.02}, {0.01, 0.01}};

    @Test
    void varInterpolatesBetweenTheTwoWorstScenariosAt90Percent() {
        VarResult r = HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 0.9, 1);

        // h = 9 x 0.1 = 0.9: q = -4,000 + 0.9 x (-3,000 + 4,000) = -3,100, VaR = 3,100.
        assertThat(r.var()).isCloseTo(3_100, within(1e-6));
        // k = floor(0.9 + 1e-9) = 0: CVaR is the worst scenario alone, 4,000.
        assertThat(r.cvar()).isCloseTo(4_000, within(1e-6));
        assertThat(r.scenarios()).isEqualTo(10);
        assertThat(r.method()).isEqualTo(VarMethod.HISTORICAL);
    }

    @Test
    void componentsSplitVarAsTheTailScenariosSplitTheLoss() {
        VarResult r = HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 0.9, 1);

        // Tail = scenario 8: contributions -5,000 and +1,000 of a P&L of -4,000. Scaled by
        // VaR / P&L = 3,100 / -4,000 = -0.775: 3,875 and -775, which add up to 3,100.
        assertThat(r.componentVar(0)).isCloseTo(3_875, within(1e-6));
        assertThat(r.componentVar(1)).isCloseTo(-775, within(1e-6));
    }

    @Test
    void at80PercentTheTailHoldsTheTwoWorstScenarios() {
        VarResult r = HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 0.8, 1);

        // h = 9 x 0.2 = 1.8: q = -3,000 + 0.8 x (-2,500 + 3,000) = -2,600, VaR = 2,600.
        assertThat(r.var()).isCloseTo(2_600, within(1e-6));
        // k = floor(1.8 + 1e-9) = 1: CVaR = (4,000 + 3,000) / 2 = 3,500.
        assertThat(r.cvar()).isCloseTo(3_500, within(1e-6));
        // Scenarios 8 and 6: mean contributions (-5,000 - 3,000) / 2 = -4,000 and (1,000 + 0) / 2 = 500,
        // scaled by 2,600 / -3,500: 4,000 x 26/35 = 2,971.428571... and -500 x 26/35 = -371.428571...
        assertThat(r.componentVar(0)).isCloseTo(4_000.0 * 26 / 35, within(1e-6));
        assertThat(r.componentVar(1)).isCloseTo(-500.0 * 26 / 35, within(1e-6));
    }

    @Test
    void fourDayFiguresAreOneDayFiguresDoubled() {
        VarResult oneDay = HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 0.9, 1);
        VarResult fourDay = HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 0.9, 4);

        // sqrt(4) = 2: VaR 6,200, CVaR 8,000.
        assertThat(fourDay.var()).isCloseTo(6_200, within(1e-6));
        assertThat(fourDay.cvar()).isCloseTo(8_000, within(1e-6));
        assertThat(fourDay.componentVar(0)).isCloseTo(2 * oneDay.componentVar(0), within(1e-6));
    }

    @Test
    void rejectsAScenarioRowOfTheWrongWidth() {
        double[][] ragged = {{0.01, 0.02, 0.03}, {0.01, 0.02, 0.03}, {0.01, 0.02, 0.03}, {0.01, 0.02}};

        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(new double[]{1, 2, 3}, ragged, 0.99, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenarioReturns[3] has 2 columns but there are 3 positions");
    }

    @Test
    void rejectsNoScenariosANonFiniteReturnAndABadConfidence() {
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(BOOK, new double[0][], 0.99, 1))
                .hasMessage("scenarioReturns must have at least one scenario");
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(BOOK, new double[][]{{0.01, Double.NaN}}, 0.99, 1))
                .hasMessage("scenarioReturns[0][1] must be a finite number, was NaN");
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 1.2, 1))
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 1.2");
        assertThatThrownBy(() -> HistoricalVar.DEFAULT.compute(BOOK, SCENARIOS, 0.99, 0))
                .hasMessage("horizonDays must be positive, was 0");
    }
}
