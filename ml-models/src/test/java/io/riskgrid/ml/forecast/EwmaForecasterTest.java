package io.riskgrid.ml.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The RiskMetrics recursion against a hand calculation. */
class EwmaForecasterTest {

    private static final double EPS = 1e-15;

    @Test
    void recursionOnFiveReturnsMatchesHandCalculation() {
        EwmaForecaster ewma = EwmaForecaster.of(0.9, 2);
        double[] r = {0.01, -0.03, 0.02, 0.04, -0.01};
        // Seed on the first two: h[2] = (0.0001 + 0.0009) / 2 = 0.0005.
        assertThat(ewma.forecastVariance(r, 2)).isCloseTo(5.0e-4, within(EPS));
        // h[3] = 0.9 * 0.0005 + 0.1 * 0.0004 = 0.00045 + 0.00004 = 0.00049
        assertThat(ewma.forecastVariance(r, 3)).isCloseTo(4.9e-4, within(EPS));
        // h[4] = 0.9 * 0.00049 + 0.1 * 0.0016 = 0.000441 + 0.00016 = 0.000601
        assertThat(ewma.forecastVariance(r, 4)).isCloseTo(6.01e-4, within(EPS));
        // h[5] = 0.9 * 0.000601 + 0.1 * 0.0001 = 0.0005409 + 0.00001 = 0.0005509 (tomorrow's forecast)
        assertThat(ewma.forecastVariance(r, 5)).isCloseTo(5.509e-4, within(EPS));
    }

    @Test
    void forecastDoesNotReadTheDayItForecasts() {
        EwmaForecaster ewma = EwmaForecaster.of(0.9, 2);
        double[] calm = {0.01, -0.03, 0.02, 0.04, -0.01};
        double[] crash = {0.01, -0.03, 0.02, -0.25, 0.30};
        assertThat(ewma.forecastVariance(crash, 3)).isEqualTo(ewma.forecastVariance(calm, 3));
    }

    @Test
    void constantSizeReturnsGiveTheirSquareWhateverTheDecay() {
        // If every |r| = 0.02 the seed is 0.0004 and the recursion keeps it: 0.94 h + 0.06 h = h.
        double[] r = new double[60];
        for (int t = 0; t < r.length; t++) {
            r[t] = t % 2 == 0 ? 0.02 : -0.02;
        }
        assertThat(EwmaForecaster.DEFAULT.forecastVariance(r, 60)).isCloseTo(4.0e-4, within(1e-15));
        assertThat(EwmaForecaster.DEFAULT.minHistory()).isEqualTo(20);
        assertThat(EwmaForecaster.DEFAULT.lambda()).isEqualTo(0.94);
    }

    @Test
    void rejectsTooShortHistoryAndBadParameters() {
        assertThatThrownBy(() -> EwmaForecaster.DEFAULT.forecastVariance(new double[30], 19))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
        assertThatThrownBy(() -> EwmaForecaster.DEFAULT.forecastVariance(new double[30], 31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
        double[] withNaN = new double[30];
        withNaN[5] = Double.NaN;
        assertThatThrownBy(() -> EwmaForecaster.DEFAULT.forecastVariance(withNaN, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("returns[5]");
        assertThatThrownBy(() -> EwmaForecaster.of(1.0, 20)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> EwmaForecaster.of(0.94, 0)).hasMessageContaining("seedDays");
    }

    @Test
    void historyOfZeroReturnsStillGivesAPositiveVariance() {
        assertThat(EwmaForecaster.DEFAULT.forecastVariance(new double[25], 25)).isPositive();
    }
}
