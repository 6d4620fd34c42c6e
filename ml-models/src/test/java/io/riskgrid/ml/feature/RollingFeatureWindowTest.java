package io.riskgrid.ml.feature;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Trading-pattern features against hand-computed and closed-form figures. */
class RollingFeatureWindowTest {

    private static final double EPS = 1e-9;

    @Test
    void notionalMeanAndVarianceAfterThreeFillsMatchTheWeightedDefinition() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        w.onFill(0, 100);
        w.onFill(1_000, 200);
        w.onFill(2_000, 400);
        // With alpha = 0.5 the weights, newest first, are 0.5, 0.25 and (the rest) 0.25:
        //   mean = 0.5 * 400 + 0.25 * 200 + 0.25 * 100 = 200 + 50 + 25 = 275
        //   var  = 0.5 * (400 - 275)^2 + 0.25 * (200 - 275)^2 + 0.25 * (100 - 275)^2
        //        = 0.5 * 15,625 + 0.25 * 5,625 + 0.25 * 30,625 = 7,812.5 + 1,406.25 + 7,656.25 = 16,875
        assertThat(w.notionalMean()).isCloseTo(275, within(EPS));
        assertThat(w.notionalStdDev()).isCloseTo(Math.sqrt(16_875), within(EPS));
        // An order of 500: (500 - 275) / sqrt(16,875) = 225 / sqrt(16,875); 225^2 / 16,875 = 3, so z = sqrt(3).
        assertThat(w.notionalZScore(500)).isCloseTo(Math.sqrt(3), within(EPS));
        assertThat(w.notionalZScore(275)).isZero();
        // Scoring an order does not add it to the history.
        assertThat(w.fills()).isEqualTo(3);
        assertThat(w.notionalMean()).isCloseTo(275, within(EPS));
    }

    @Test
    void zScoreHasNoOpinionUntilTheHistoryHasSpread() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        assertThat(w.notionalZScore(100)).isNaN();
        w.onFill(0, 100);
        assertThat(w.notionalMean()).isEqualTo(100);
        assertThat(w.notionalStdDev()).isZero();
        assertThat(w.notionalZScore(100)).isNaN();
        w.onFill(1, 100);
        assertThat(w.notionalZScore(1_000)).isNaN();
        // 100 then 300 with alpha 0.5: mean 200, var 0.5 * 100^2 + 0.5 * 100^2 = 10,000, sd 100.
        w.onFill(2, 300);
        assertThat(w.notionalMean()).isCloseTo(200, within(EPS));
        assertThat(w.notionalZScore(50)).isCloseTo(-1.5, within(EPS));
    }

    @Test
    void fillRatesAfterThreeFillsOneSecondApart() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        w.onFill(0, 100);
        w.onFill(1_000, 100);
        w.onFill(2_000, 100);
        // At t = 2 s the fills are 0, 1 and 2 s old. Short horizon 1 s: (e^0 + e^-1 + e^-2) / 1 s
        // = 1.503215 fills/s. Long horizon 10 s: (e^0 + e^-0.1 + e^-0.2) / 10 s = 0.272357 fills/s.
        double current = 1 + Math.exp(-1) + Math.exp(-2);
        double baseline = (1 + Math.exp(-0.1) + Math.exp(-0.2)) / 10;
        assertThat(w.fillRate(2_000)).isCloseTo(current, within(EPS));
        assertThat(w.baselineFillRate(2_000)).isCloseTo(baseline, within(EPS));
        // 1.503215 / 0.272357 = 5.519284
        assertThat(w.fillRateRatio(2_000)).isCloseTo(current / baseline, within(EPS));
        assertThat(w.fillRateRatio(2_000)).isCloseTo(5.519284, within(1e-6));
    }

    @Test
    void ratesDecayWithTimeWithoutFills() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        w.onFill(0, 100);
        // One fill, one second later: e^-1 / 1 s and e^-0.1 / 10 s.
        assertThat(w.fillRate(1_000)).isCloseTo(Math.exp(-1), within(EPS));
        assertThat(w.baselineFillRate(1_000)).isCloseTo(Math.exp(-0.1) / 10, within(EPS));
        // A `now` before the last fill does not decay backwards.
        assertThat(w.fillRate(-5_000)).isCloseTo(1, within(EPS));
    }

    @Test
    void steadyStreamConvergesToItsRate() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.05);
        for (int i = 0; i < 10_000; i++) {
            w.onFill(i * 100L, 1_000);
        }
        long last = 9_999 * 100L;
        // Fills every d = 0.1 s; right after a fill the weighted count is the geometric series
        // 1 + e^(-d/tau) + e^(-2d/tau) + ... = 1 / (1 - e^(-d/tau)) (the 10,000-term tail is e^-1000, nil).
        // tau = 1 s: 10.508332 fills/s; tau = 10 s: 10.050083 fills/s. Both are 10 on average over a cycle.
        double current = 1 / (1 - Math.exp(-0.1));
        double baseline = 1 / (10 * (1 - Math.exp(-0.01)));
        assertThat(w.fillRate(last)).isCloseTo(current, within(1e-9));
        assertThat(w.baselineFillRate(last)).isCloseTo(baseline, within(1e-9));
        assertThat(w.fillRateRatio(last)).isCloseTo(1.045596, within(1e-6));
        // Every notional the same: mean is it, no spread.
        assertThat(w.notionalMean()).isCloseTo(1_000, within(EPS));
        assertThat(w.notionalStdDev()).isZero();
    }

    @Test
    void burstOfFillsRaisesTheRatioFarAboveOne() {
        RollingFeatureWindow w = RollingFeatureWindow.withDefaults();
        for (int i = 0; i < 600; i++) {
            w.onFill(i * 1_000L, 10_000);
        }
        long t = 599_000;
        assertThat(w.fillRateRatio(t)).isBetween(0.9, 1.5);
        for (int k = 1; k <= 50; k++) {
            w.onFill(t + k * 20L, 10_000);
        }
        // 50 fills in one second against a habit of one a second.
        assertThat(w.fillRateRatio(t + 1_000)).isGreaterThan(5);
    }

    @Test
    void lateFillCountsAtTheLatestTime() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        w.onFill(1_000, 100);
        w.onFill(500, 100);
        assertThat(w.lastTimestamp()).isEqualTo(1_000);
        // Both fills count as 0 s old at t = 1 s: 2 / 1 s.
        assertThat(w.fillRate(1_000)).isCloseTo(2, within(EPS));
    }

    @Test
    void snapshotBeforeAndAfterTheFirstFill() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        TradingFeatures empty = w.features(0);
        assertThat(empty.fills()).isZero();
        assertThat(empty.fillRate()).isZero();
        assertThat(empty.baselineFillRate()).isZero();
        assertThat(empty.fillRateRatio()).isNaN();
        assertThat(empty.notionalMean()).isNaN();
        assertThat(empty.notionalStdDev()).isNaN();

        w.onFill(0, 100);
        w.onFill(0, 300);
        // Two fills at t = 0: 2 / 1 s and 2 / 10 s; mean 200, sd 100 (see zScoreHasNoOpinionUntilTheHistoryHasSpread).
        assertThat(w.features(0)).isEqualTo(new TradingFeatures(2, 2.0, 0.2, 10.0, 200.0, 100.0));
    }

    @Test
    void sameFillsGiveTheSameFeatures() {
        RollingFeatureWindow a = RollingFeatureWindow.withDefaults();
        RollingFeatureWindow b = RollingFeatureWindow.withDefaults();
        for (int i = 0; i < 1_000; i++) {
            long ts = 1_700_000_000_000L + i * 137L % 5_000;
            double notional = 1_000 + (i * 7919 % 101) * 13.5;
            a.onFill(ts, notional);
            b.onFill(ts, notional);
        }
        assertThat(a.features(1_700_000_010_000L)).isEqualTo(b.features(1_700_000_010_000L));
    }

    @Test
    void invalidSettingsAreNamedTogether() {
        assertThatThrownBy(() -> new RollingFeatureWindow(0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shortHorizonMs must be positive, was 0")
                .hasMessageContaining("longHorizonMs must be longer than shortHorizonMs")
                .hasMessageContaining("notionalAlpha must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new RollingFeatureWindow(1_000, 500, 0.5)).hasMessageContaining("longHorizonMs");
        assertThatThrownBy(() -> new RollingFeatureWindow(1_000, 5_000, 1.5)).hasMessageContaining("notionalAlpha");
        assertThatThrownBy(() -> new RollingFeatureWindow(1_000, 5_000, Double.NaN)).hasMessageContaining("notionalAlpha");
    }

    @Test
    void invalidNotionalIsRejectedAndLeavesTheWindowUnchanged() {
        RollingFeatureWindow w = new RollingFeatureWindow(1_000, 10_000, 0.5);
        w.onFill(0, 100);
        TradingFeatures before = w.features(0);
        for (double bad : new double[]{-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> w.onFill(10, bad)).hasMessageContaining("notional");
        }
        assertThat(w.features(0)).isEqualTo(before);
        assertThat(w.lastTimestamp()).isZero();
    }

    @Test
    void updatesAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RollingFeatureWindow w = RollingFeatureWindow.withDefaults();
        for (int i = 0; i < 20_000; i++) {
            w.onFill(i, 100 + i % 7);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            w.onFill(20_000L + i, 100 + i % 7);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        // 100,000 updates that each allocated even one 16-byte object would show 1.6 MB; the
        // allowance covers the measurement itself.
        assertThat(allocated).isLessThan(1_024);
    }
}
