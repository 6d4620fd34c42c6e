package io.riskgrid.core.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskScoreTest {

    @Test
    void weightedSumOfCappedComponents() {
        // leverage 2 -> 0.2; drawdown 0.03 -> 0.2; concentration 0.5; margin 0.4
        // 100 * (0.35 * 0.2 + 0.35 * 0.2 + 0.15 * 0.5 + 0.15 * 0.4) = 100 * 0.275 = 27.5
        RiskScore s = RiskScore.of(2, 0.03, 0.5, 0.4);
        assertThat(s.score()).isCloseTo(27.5, within(1e-9));
        assertThat(s.leverageComponent()).isCloseTo(0.2, within(1e-12));
        assertThat(s.drawdownComponent()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void everythingAtOrBeyondReferenceScoresOneHundred() {
        assertThat(RiskScore.of(50, 0.9, 1, 3).score()).isCloseTo(100, within(1e-9));
        assertThat(RiskScore.of(0, 0, 0, 0).score()).isZero();
    }

    @Test
    void scoreNeverFallsWhenAnInputRises() {
        double previous = -1;
        for (double lev = 0; lev <= 12; lev += 0.5) {
            double s = RiskScore.of(lev, 0.05, 0.3, 0.2).score();
            assertThat(s).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
    }
}
