package io.riskgrid.core.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Firm-wide breakers with the defaults: total loss 5%, rapid loss 2% within 60 s, 10 CRITICAL alerts.
 * Start-of-day equity is 1,000,000 throughout, so the total-loss trigger is 0.05 * 1,000,000 = 50,000
 * and the rapid-loss trigger is 0.02 * 1,000,000 = 20,000 (both exact in binary floating point).
 */
class FirmBreakerMonitorTest {

    private static final double SOD = 1_000_000;
    private static final long T0 = 1_700_000_000_000L;
    private static final double EPS = 1e-9;

    private static FirmBreakerMonitor monitor(int capacity) {
        return new FirmBreakerMonitor(CircuitBreakers.DEFAULT, capacity);
    }

    // ---- total loss ----------------------------------------------------------------------------

    @Test
    void totalLossTripsAtExactlyTheFraction() {
        // loss = 1,000,000 - 950,000 = 50,000 = 5% of start-of-day equity. A single sample has no earlier
        // high, so the rapid-loss breaker sees a drop of 0 and cannot be what trips.
        BreakerTrip trip = monitor(16).sample(T0, SOD, 950_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.TOTAL_LOSS);
        assertThat(trip.value()).isCloseTo(50_000, within(EPS));
        assertThat(trip.threshold()).isCloseTo(50_000, within(EPS));
    }

    @Test
    void totalLossJustShortOfTheFractionDoesNotTrip() {
        // loss = 1,000,000 - 950,001 = 49,999 < 50,000.
        assertThat(monitor(16).sample(T0, SOD, 950_001, 0)).isNull();
    }

    @Test
    void totalLossIsReportedBeforeRapidLoss() {
        // 1,000,000 -> 940,000 within 10 s: loss 60,000 >= 50,000 and drop 60,000 >= 20,000. Total loss is checked first.
        FirmBreakerMonitor m = monitor(16);
        assertThat(m.sample(T0, SOD, SOD, 0)).isNull();
        BreakerTrip trip = m.sample(T0 + 10_000, SOD, 940_000, 0);
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.TOTAL_LOSS);
        assertThat(trip.value()).isCloseTo(60_000, within(EPS));
    }

    @Test
    void firmWithNoStartOfDayEquityHasNoLossBreakers() {
        // base = max(sod, 0) = 0: a 5% limit of nothing must not trip on every tick.
        FirmBreakerMonitor m = monitor(16);
        assertThat(m.sample(T0, 0, 0, 0)).isNull();
        assertThat(m.sample(T0 + 1_000, 0, -100_000, 0)).isNull();
        assertThat(m.sample(T0 + 2_000, -50_000, -200_000, 0)).isNull();
    }

    // ---- rapid loss ----------------------------------------------------------------------------

    @Test
    void rapidLossWithinTheWindowTrips() {
        // 1,000,000 -> 990,000 -> 980,000 over 60 s: 20,000 below the high inside the window; total loss
        // 20,000 is far from 50,000.
        FirmBreakerMonitor m = monitor(16);
        assertThat(m.sample(T0, SOD, 1_000_000, 0)).isNull();
        assertThat(m.sample(T0 + 30_000, SOD, 990_000, 0)).isNull();
        BreakerTrip trip = m.sample(T0 + 60_000, SOD, 980_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
        assertThat(trip.value()).isCloseTo(20_000, within(EPS));
        assertThat(trip.threshold()).isCloseTo(20_000, within(EPS));
    }

    @Test
    void rapidLossJustShortOfTheFractionDoesNotTrip() {
        // 1,000,000 -> 980,001: drop 19,999 < 20,000.
        FirmBreakerMonitor m = monitor(16);
        m.sample(T0, SOD, 1_000_000, 0);
        assertThat(m.sample(T0 + 5_000, SOD, 980_001, 0)).isNull();
    }

    @Test
    void rapidLossOutsideWindowDoesNotTrip() {
        // The same 20,000 drop, but the high is 60,001 ms old: 60,001 > 60,000 so it has left the window.
        FirmBreakerMonitor m = monitor(16);
        m.sample(T0, SOD, 1_000_000, 0);
        assertThat(m.sample(T0 + 60_001, SOD, 980_000, 0)).isNull();
    }

    @Test
    void highExactlyOneWindowOldStillCounts() {
        // 60,000 ms old is not more than the 60,000 ms window.
        FirmBreakerMonitor m = monitor(16);
        m.sample(T0, SOD, 1_000_000, 0);
        BreakerTrip trip = m.sample(T0 + 60_000, SOD, 980_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
    }

    @Test
    void sameDropSpreadOverMoreThanTheWindowDoesNotTrip() {
        // 5,000 every 20 s: 1,000,000 at 0 s down to 980,000 at 80 s, a 20,000 fall in total.
        // At 60 s the window [0 s, 60 s] has high 1,000,000 and equity 985,000: drop 15,000.
        // At 80 s the window [20 s, 80 s] has high 995,000 and equity 980,000: drop 15,000.
        FirmBreakerMonitor m = monitor(16);
        double[] equity = {1_000_000, 995_000, 990_000, 985_000, 980_000};
        for (int k = 0; k < equity.length; k++) {
            assertThat(m.sample(T0 + 20_000L * k, SOD, equity[k], 0)).as("sample %d", k).isNull();
        }
    }

    @Test
    void rapidLossIsMeasuredFromTheHighestPointNotFromStartOfDay() {
        // The firm rose to 1,030,000 and fell to 1,010,000 within 40 s: still 10,000 above start of day, but
        // 20,000 below the recent high.
        FirmBreakerMonitor m = monitor(16);
        m.sample(T0, SOD, 1_000_000, 0);
        m.sample(T0 + 10_000, SOD, 1_030_000, 0);
        m.sample(T0 + 30_000, SOD, 1_020_000, 0);
        BreakerTrip trip = m.sample(T0 + 50_000, SOD, 1_010_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
        assertThat(trip.value()).isCloseTo(20_000, within(EPS));
    }

    @Test
    void risingEquityNeverTripsRapidLoss() {
        FirmBreakerMonitor m = monitor(16);
        for (int k = 0; k < 10; k++) {
            assertThat(m.sample(T0 + 5_000L * k, SOD, SOD + 50_000.0 * k, 0)).isNull();
        }
    }

    @Test
    void samplesBeyondCapacityAreDropped() {
        // 1,000,000 at 0 s, 995,000 at 10 s, 980,000 at 20 s: all within 60 s.
        double[] equity = {1_000_000, 995_000, 980_000};

        // Keeping 3 samples, the high is 1,000,000: drop 20,000 -> trips.
        FirmBreakerMonitor roomy = monitor(3);
        roomy.sample(T0, SOD, equity[0], 0);
        roomy.sample(T0 + 10_000, SOD, equity[1], 0);
        BreakerTrip trip = roomy.sample(T0 + 20_000, SOD, equity[2], 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);

        // Keeping 2 samples (995,000 and the new 980,000), the 1,000,000 high is gone: drop 15,000 -> no trip.
        FirmBreakerMonitor tight = monitor(2);
        tight.sample(T0, SOD, equity[0], 0);
        tight.sample(T0 + 10_000, SOD, equity[1], 0);
        assertThat(tight.sample(T0 + 20_000, SOD, equity[2], 0)).isNull();
    }

    @Test
    void ringBufferKeepsTheNewestSamplesAfterWrappingAround() {
        // Capacity 3; five samples 10 s apart, so the buffer wraps.
        FirmBreakerMonitor m = monitor(3);
        assertThat(m.sample(T0, SOD, 1_000_000, 0)).isNull();
        assertThat(m.sample(T0 + 10_000, SOD, 1_000_000, 0)).isNull();
        assertThat(m.sample(T0 + 20_000, SOD, 1_010_000, 0)).isNull();
        // Kept: 10 s (1,000,000), 20 s (1,010,000), 30 s (1,000,000): high 1,010,000, drop 10,000.
        assertThat(m.sample(T0 + 30_000, SOD, 1_000_000, 0)).isNull();
        // Kept: 20 s (1,010,000), 30 s, 40 s (990,000): high 1,010,000, drop 20,000 -> trips.
        BreakerTrip trip = m.sample(T0 + 40_000, SOD, 990_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
        assertThat(trip.value()).isCloseTo(20_000, within(EPS));
    }

    @Test
    void resetForgetsHistory() {
        // Without reset, 1,000,000 -> 980,000 in 30 s trips (drop 20,000).
        FirmBreakerMonitor kept = monitor(16);
        kept.sample(T0, SOD, 1_000_000, 0);
        assertThat(kept.sample(T0 + 30_000, SOD, 980_000, 0)).isNotNull();

        // After reset the 1,000,000 sample is forgotten: the only sample is 980,000, drop 0.
        FirmBreakerMonitor resumed = monitor(16);
        resumed.sample(T0, SOD, 1_000_000, 0);
        resumed.reset();
        assertThat(resumed.sample(T0 + 30_000, SOD, 980_000, 0)).isNull();
        // And it measures again from there: 980,000 -> 960,000 is a fresh 20,000 drop.
        BreakerTrip trip = resumed.sample(T0 + 40_000, SOD, 960_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
        assertThat(trip.value()).isCloseTo(20_000, within(EPS));
    }

    @Test
    void resetForgetsHistoryEvenWhenTheBufferIsFull() {
        // Capacity 2, both slots holding 1,000,000 when the firm is resumed. After reset the next sample,
        // 980,000 thirty seconds later, is the only one: drop 0. Had the old samples survived, 1,000,000 at
        // T0 + 1 s would be inside the window and the 20,000 drop would trip.
        FirmBreakerMonitor m = monitor(2);
        m.sample(T0, SOD, 1_000_000, 0);
        m.sample(T0 + 1_000, SOD, 1_000_000, 0);
        m.reset();
        assertThat(m.sample(T0 + 30_000, SOD, 980_000, 0)).isNull();
    }

    // ---- alert cascade -------------------------------------------------------------------------

    @Test
    void alertCascadeTripsAtTheCount() {
        FirmBreakerMonitor m = monitor(16);
        assertThat(m.sample(T0, SOD, SOD, 9)).isNull();
        BreakerTrip trip = m.sample(T0 + 1_000, SOD, SOD, 10);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.CRITICAL_ALERT_CASCADE);
        assertThat(trip.value()).isEqualTo(10);
        assertThat(trip.threshold()).isEqualTo(10);
        assertThat(m.sample(T0 + 2_000, SOD, SOD, 25).breaker()).isEqualTo(BreakerTrip.CRITICAL_ALERT_CASCADE);
    }

    @Test
    void alertCascadeTripsEvenWithoutStartOfDayEquity() {
        assertThat(monitor(16).sample(T0, 0, 0, 10).breaker()).isEqualTo(BreakerTrip.CRITICAL_ALERT_CASCADE);
    }

    @Test
    void lossBreakerIsReportedBeforeTheCascade() {
        // 50,000 loss and 12 CRITICAL alerts at once: total loss comes first.
        assertThat(monitor(16).sample(T0, SOD, 950_000, 12).breaker()).isEqualTo(BreakerTrip.TOTAL_LOSS);
    }

    @Test
    void customBreakersAreHonoured() {
        // total 10%, rapid 1% within 5 s, 3 alerts. SOD 200,000: total trigger 20,000, rapid trigger 2,000.
        CircuitBreakers b = new CircuitBreakers(0.10, 0.01, 5_000, 3, 10_000);
        FirmBreakerMonitor m = new FirmBreakerMonitor(b, 8);
        assertThat(m.breakers()).isSameAs(b);
        m.sample(T0, 200_000, 200_000, 0);
        // 2,000 drop but 6 s later: outside 5 s -> no trip. Loss 2,000 < 20,000.
        assertThat(m.sample(T0 + 6_000, 200_000, 198_000, 0)).isNull();
        // Another 2,000 within 1 s: 198,000 -> 196,000 -> trips rapid; 200,000 is now 7 s old.
        BreakerTrip rapid = m.sample(T0 + 7_000, 200_000, 196_000, 0);
        assertThat(rapid.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
        assertThat(rapid.threshold()).isCloseTo(2_000, within(EPS));
        // 3 alerts with no further drop (the last sample's own value is the high 20 s later).
        assertThat(m.sample(T0 + 30_000, 200_000, 196_000, 3).breaker()).isEqualTo(BreakerTrip.CRITICAL_ALERT_CASCADE);
        // 180,000: loss 20,000 = 10% -> total loss.
        assertThat(m.sample(T0 + 60_000, 200_000, 180_000, 0).breaker()).isEqualTo(BreakerTrip.TOTAL_LOSS);
    }

    // ---- construction --------------------------------------------------------------------------

    @Test
    void constructorRejectsMissingBreakersAndNonPositiveCapacity() {
        assertThatThrownBy(() -> new FirmBreakerMonitor(null, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("breakers is required");
        assertThatThrownBy(() -> new FirmBreakerMonitor(CircuitBreakers.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be positive, was 0");
        assertThatThrownBy(() -> new FirmBreakerMonitor(CircuitBreakers.DEFAULT, -3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    @Test
    void aSampleThatIsNotANumberIsIgnoredAndDoesNotBlindTheRapidLossWindow() {
        FirmBreakerMonitor m = new FirmBreakerMonitor(new CircuitBreakers(0.05, 0.02, 60_000, 10, 60_000), 16);
        // start-of-day 1,000,000; rapid-loss limit 2% = 20,000
        assertThat(m.sample(0, 1_000_000, 1_000_000, 0)).isNull();
        assertThat(m.sample(1_000, 1_000_000, Double.NaN, 0)).isNull();
        // 1,000,000 -> 975,000 within the window: a drop of 25,000 >= 20,000 trips
        BreakerTrip trip = m.sample(2_000, 1_000_000, 975_000, 0);
        assertThat(trip).isNotNull();
        assertThat(trip.breaker()).isEqualTo(BreakerTrip.RAPID_LOSS);
    }
}
