package io.riskgrid.core.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes a return series well-formed, and the messages a JSON caller sees when it is not. */
class PerformanceInputTest {

    private static final double[] FIVE = {0.01, -0.02, 0.03, -0.01, 0.02};

    @Test
    void defaultsAreZeroRatesDailyPeriodsNoBenchmarkAnd95Percent() {
        PerformanceInput in = PerformanceInput.of(FIVE);
        assertThat(in.riskFreeRate()).containsExactly(0.0);
        assertThat(in.requiredReturn()).containsExactly(0.0);
        assertThat(in.periodsPerYear()).isEqualTo(252);
        assertThat(in.benchmarkReturns()).isNull();
        assertThat(in.hasBenchmark()).isFalse();
        assertThat(in.confidence()).isEqualTo(0.95);
    }

    @Test
    void oneRateAppliesToEveryPeriodAndASeriesPeriodByPeriod() {
        PerformanceInput in = new PerformanceInput(FIVE, new double[] {0.001}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5},
                12, null, 0.99);
        assertThat(in.riskFreeRateAt(0)).isEqualTo(0.001);
        assertThat(in.riskFreeRateAt(4)).isEqualTo(0.001);
        assertThat(in.requiredReturnAt(0)).isEqualTo(0.1);
        assertThat(in.requiredReturnAt(4)).isEqualTo(0.5);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] returns = FIVE.clone();
        double[] bench = FIVE.clone();
        PerformanceInput in = new PerformanceInput(returns, null, null, 252, bench, 0.95);
        returns[0] = 9;
        bench[0] = 9;
        in.returns()[1] = 9;
        in.benchmarkReturns()[1] = 9;
        assertThat(in.returns()).containsExactly(FIVE);
        assertThat(in.benchmarkReturns()).containsExactly(FIVE);
    }

    @Test
    void equalInputsAreEqual() {
        PerformanceInput a = new PerformanceInput(FIVE, new double[] {0.001}, null, 252, FIVE, 0.95);
        PerformanceInput b = new PerformanceInput(FIVE.clone(), new double[] {0.001}, new double[] {0}, 252, FIVE.clone(), 0.95);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(PerformanceInput.of(FIVE));
        assertThat(a.toString()).contains("returns=[0.01, -0.02, 0.03, -0.01, 0.02]");
    }

    @Test
    void missingReturnsAndBenchmarkReturnsAreAllowed() {
        double[] withGap = {0.01, Double.NaN, 0.02};
        PerformanceInput in = new PerformanceInput(withGap, null, null, 252, withGap, 0.95);
        assertThat(Double.isNaN(in.returnAt(1))).isTrue();
        assertThat(Double.isNaN(in.benchmarkReturnAt(1))).isTrue();
        assertThat(in.length()).isEqualTo(3);
    }

    @Test
    void returnsAreRequired() {
        assertThatThrownBy(() -> PerformanceInput.of(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("returns is required");
    }

    @Test
    void emptyReturnsAreRejected() {
        assertThatThrownBy(() -> PerformanceInput.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("returns must not be empty");
    }

    @Test
    void infiniteReturnIsRejectedByPosition() {
        double[] returns = {0.01, 0.02, 0.03, Double.POSITIVE_INFINITY, 0.04};
        assertThatThrownBy(() -> PerformanceInput.of(returns))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("returns[3] must be a finite number or null");
    }

    @Test
    void benchmarkOfAnotherLengthIsRejected() {
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, null, 252, new double[4], 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("benchmarkReturns has 4 entries but returns has 5");
    }

    @Test
    void infiniteBenchmarkReturnIsRejectedByPosition() {
        double[] bench = {0.01, Double.NEGATIVE_INFINITY, 0, 0, 0};
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, null, 252, bench, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("benchmarkReturns[1] must be a finite number or null");
    }

    @Test
    void riskFreeRateOfAnotherLengthIsRejected() {
        assertThatThrownBy(() -> new PerformanceInput(FIVE, new double[3], null, 252, null, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("riskFreeRate has 3 entries; give one number or one per return (5)");
    }

    @Test
    void requiredReturnOfAnotherLengthIsRejected() {
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, new double[0], 252, null, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requiredReturn has 0 entries; give one number or one per return (5)");
    }

    @Test
    void missingRateIsRejected() {
        assertThatThrownBy(() -> new PerformanceInput(FIVE, new double[] {0, 0, Double.NaN, 0, 0}, null, 252, null, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("riskFreeRate[2] must be a finite number, was NaN");
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, new double[] {Double.POSITIVE_INFINITY}, 252, null, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requiredReturn must be a finite number, was Infinity");
    }

    @Test
    void confidenceOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, null, 252, null, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, null, 252, null, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence must be between 0 and 1, was -0.1");
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, null, 252, null, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence must be between 0 and 1, was NaN");
    }

    @Test
    void periodsPerYearMustBePositive() {
        assertThatThrownBy(() -> new PerformanceInput(FIVE, null, null, 0, null, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("periodsPerYear must be positive, was 0");
    }
}
