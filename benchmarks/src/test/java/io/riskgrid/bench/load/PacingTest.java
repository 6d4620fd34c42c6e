package io.riskgrid.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PacingTest {

    @Test
    void batchesOfAHundredAtFiftyThousandPerSecondAreTwoMillisecondsApart() {
        // 100 fills / 50,000 fills/s = 0.002 s.
        assertThat(new Pacing(50_000, 100).intervalNanos()).isCloseTo(2_000_000, within(1e-6));
    }

    @Test
    void eachOfFourSendersKeepsAQuarterOfTheRate() {
        Pacing each = new Pacing(50_000, 100).perSender(4);

        assertThat(each.fillsPerSecond()).isEqualTo(12_500);
        assertThat(each.batchSize()).isEqualTo(100);
        // 100 / 12,500 s = 8 ms.
        assertThat(each.intervalNanos()).isCloseTo(8_000_000, within(1e-6));
    }

    @Test
    void dueTimesAreComputedFromTheStartSoRoundingNeverDrifts() {
        // 100 fills at 30,000/s: 1/300 s apart, which is no whole number of nanoseconds.
        Pacing p = new Pacing(30_000, 100);
        long start = 1_000;

        assertThat(p.dueNanos(start, 0)).isEqualTo(1_000);
        assertThat(p.dueNanos(start, 1)).isEqualTo(1_000 + 3_333_333);
        assertThat(p.dueNanos(start, 3)).isEqualTo(1_000 + 10_000_000);
        assertThat(p.dueNanos(start, 300_000)).isEqualTo(1_000 + 1_000_000_000_000L);
    }

    @Test
    void countsTheBatchesDueInAWindow() {
        Pacing p = new Pacing(50_000, 100);

        // One second at 500 batches/s: due at 0, 2 ms, ..., 998 ms.
        assertThat(p.batchesIn(1_000_000_000L)).isEqualTo(500);
        // A window of 1 ns still holds the batch due at its start.
        assertThat(p.batchesIn(1)).isEqualTo(1);
        assertThat(p.batchesIn(2_000_001)).isEqualTo(2);
        assertThat(p.batchesIn(0)).isZero();
    }

    @Test
    void awaitingAPassedDeadlineReturnsAtOnce() {
        long before = System.nanoTime();
        Pacing.awaitNanos(before - 1_000_000_000L);

        assertThat(System.nanoTime() - before).isLessThan(100_000_000L);
    }

    @Test
    void awaitingReturnsNoEarlierThanTheDeadline() {
        long deadline = System.nanoTime() + 5_000_000;
        Pacing.awaitNanos(deadline);

        assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
    }

    @Test
    void rejectsSchedulesThatCannotRun() {
        assertThatThrownBy(() -> new Pacing(0, 100)).hasMessageContaining("fillsPerSecond");
        assertThatThrownBy(() -> new Pacing(Double.NaN, 100)).hasMessageContaining("fillsPerSecond");
        assertThatThrownBy(() -> new Pacing(1_000, 0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new Pacing(1_000, 10).perSender(0)).hasMessageContaining("senders");
        assertThatThrownBy(() -> new Pacing(1_000, 10).dueNanos(0, -1)).hasMessageContaining("batchIndex");
    }
}
