package io.riskgrid.ml.forecast;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Out-of-sample scoring against hand-computed MSE and QLIKE. */
class ForecastEvaluationTest {

    private static final double EPS = 1e-12;

    @Test
    void constantForecastsOnTwoHeldBackDays() {
        double[][] returns = {
                {0.01, 0.02, -0.01, 0.03},
                {0.05, -0.05}, // no day after trainDays 2: not scored
        };
        ForecastEvaluation.Result r = ForecastEvaluation.compare(returns, 2, new Constant(1e-4), new Constant(4e-4));
        // Scored days: r^2 = 1e-4 and 9e-4.
        // Baseline h = 1e-4: squared errors 0 and (8e-4)^2 = 64e-8, mean 32e-8.
        //   QLIKE: ratio 1 gives 0; ratio 9 gives 9 - ln 9 - 1.
        // Learned h = 4e-4: squared errors (3e-4)^2 = 9e-8 and (5e-4)^2 = 25e-8, mean 17e-8.
        //   QLIKE: ratios 0.25 and 2.25.
        double baselineQlike = (0 + 9 - Math.log(9) - 1) / 2;
        double learnedQlike = (0.25 - Math.log(0.25) - 1 + 2.25 - Math.log(2.25) - 1) / 2;
        assertThat(r.observations()).isEqualTo(2);
        assertThat(r.baselineMse()).isCloseTo(32e-8, within(1e-20));
        assertThat(r.learnedMse()).isCloseTo(17e-8, within(1e-20));
        assertThat(r.baselineQlike()).isCloseTo(baselineQlike, within(EPS));
        assertThat(r.learnedQlike()).isCloseTo(learnedQlike, within(EPS));
        assertThat(r.forecastErrorVsBaseline()).isCloseTo(learnedQlike / baselineQlike, within(EPS));
        // 0.5377 / 2.9014: the learned constant is better on this loss.
        assertThat(r.forecastErrorVsBaseline()).isLessThan(1);
    }

    @Test
    void aDayWithoutAPriceChangeIsScoredAgainstTheFloorNotZero() {
        double[][] returns = {{0.01, 0.0}};
        ForecastEvaluation.Result r = ForecastEvaluation.compare(returns, 1, new Constant(1e-4), new Constant(1e-4));
        // r^2 = 0 is floored at 1e-10; ratio 1e-10 / 1e-4 = 1e-6: 1e-6 - ln(1e-6) - 1.
        assertThat(r.baselineQlike()).isCloseTo(1e-6 + 6 * Math.log(10) - 1, within(EPS));
        assertThat(r.baselineMse()).isCloseTo(1e-8, within(1e-20));
        assertThat(r.forecastErrorVsBaseline()).isEqualTo(1.0);
    }

    @Test
    void forecastersSeeOnlyThePastOfTheDayTheyForecast() {
        List<Integer> seen = new ArrayList<>();
        VolatilityForecaster recording = new Constant(1e-4) {
            @Override
            public double forecastVariance(double[] returns, int end) {
                seen.add(returns.length - end);
                return 1e-4;
            }
        };
        VolatilityForecaster peeking = new Constant(1e-4) {
            @Override
            public double forecastVariance(double[] returns, int end) {
                return returns[end] * returns[end];
            }
        };
        double[][] returns = {{0.01, 0.02, -0.01, 0.03}};
        ForecastEvaluation.compare(returns, 1, recording, new Constant(1e-4));
        assertThat(seen).containsExactly(0, 0, 0);
        assertThatThrownBy(() -> ForecastEvaluation.compare(returns, 1, new Constant(1e-4), peeking))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void rejectsBadForecastsAndNothingToScore() {
        double[][] returns = {{0.01, 0.02, -0.01}};
        assertThatThrownBy(() -> ForecastEvaluation.compare(returns, 1, new Constant(1e-4), new Constant(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> ForecastEvaluation.compare(returns, 3, new Constant(1e-4), new Constant(1e-4)))
                .hasMessageContaining("no instrument");
        assertThatThrownBy(() -> ForecastEvaluation.compare(returns, 2, EwmaForecaster.DEFAULT, new Constant(1e-4)))
                .hasMessageContaining("trainDays must be at least 20");
    }

    /** Forecasts the same variance every day. */
    private static class Constant implements VolatilityForecaster {
        private final double variance;

        Constant(double variance) {
            this.variance = variance;
        }

        @Override
        public String name() {
            return "constant " + variance;
        }

        @Override
        public int minHistory() {
            return 1;
        }

        @Override
        public double forecastVariance(double[] returns, int end) {
            return variance;
        }
    }
}
