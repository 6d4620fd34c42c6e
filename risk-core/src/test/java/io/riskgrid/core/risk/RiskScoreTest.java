package io.riskgrid.core.risk;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskScoreTest {

    @Test
    void weightedSumOfCappedComponents() {
        // limits 0.6; leverage 2 -> 0.2; drawdown 0.03 -> 0.2; VaR 2% of equity -> 0.2; concentration 0.5; margin 0.4
        // 100 * (0.25*0.6 + 0.20*0.2 + 0.25*0.2 + 0.15*0.2 + 0.075*0.5 + 0.075*0.4)
        //   = 100 * (0.15 + 0.04 + 0.05 + 0.03 + 0.0375 + 0.03) = 33.75
        RiskScore s = RiskScore.of(0.6, 2, 0.03, 0.02, 0.5, 0.4);
        assertThat(s.score()).isCloseTo(33.75, within(1e-9));
        assertThat(s.limitComponent()).isCloseTo(0.6, within(1e-12));
        assertThat(s.leverageComponent()).isCloseTo(0.2, within(1e-12));
        assertThat(s.drawdownComponent()).isCloseTo(0.2, within(1e-12));
        assertThat(s.varComponent()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void unknownVarContributesNothing() {
        // Only leverage 5 -> 0.5: 100 * 0.20 * 0.5 = 10
        assertThat(RiskScore.of(0, 5, 0, Double.NaN, 0, 0).score()).isCloseTo(10, within(1e-9));
    }

    @Test
    void withLimitsAndVarReplacesOnlyThoseComponents() {
        RiskScore base = RiskScore.of(0, 5, 0.075, Double.NaN, 0, 0);
        // leverage 0.5 -> 10 points, drawdown 0.5 -> 12.5 points, limits 1.0 -> 25, VaR 0.05/0.10 -> 0.5 -> 7.5
        assertThat(base.withLimitsAndVar(1.2, 0.05).score()).isCloseTo(55, within(1e-9));
    }

    @Test
    void everythingAtOrBeyondReferenceScoresOneHundred() {
        assertThat(RiskScore.of(3, 50, 0.9, 0.5, 1, 3).score()).isCloseTo(100, within(1e-9));
        assertThat(RiskScore.of(0, 0, 0, 0, 0, 0).score()).isZero();
    }

    @Test
    void scoreNeverFallsWhenAnyInputRises() {
        assertMonotone(x -> RiskScore.of(x, 2, 0.05, 0.02, 0.3, 0.2));
        assertMonotone(x -> RiskScore.of(0.4, x * 10, 0.05, 0.02, 0.3, 0.2));
        assertMonotone(x -> RiskScore.of(0.4, 2, x * 0.2, 0.02, 0.3, 0.2));
        assertMonotone(x -> RiskScore.of(0.4, 2, 0.05, x * 0.2, 0.3, 0.2));
        assertMonotone(x -> RiskScore.of(0.4, 2, 0.05, 0.02, x, 0.2));
        assertMonotone(x -> RiskScore.of(0.4, 2, 0.05, 0.02, 0.3, x));
    }

    private static void assertMonotone(DoubleFunction<RiskScore> score) {
        double previous = -1;
        for (double x = 0; x <= 1.5; x += 0.05) {
            double s = score.apply(x).score();
            assertThat(s).isGreaterThanOrEqualTo(previous).isBetween(0.0, 100.0);
            previous = s;
        }
    }
}
