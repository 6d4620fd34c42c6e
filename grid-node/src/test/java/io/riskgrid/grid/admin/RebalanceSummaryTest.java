package io.riskgrid.grid.admin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rebalancing summary's sums and progress fraction, from hand-built node reports (no grid). */
class RebalanceSummaryTest {

    @Test
    void nothingMovingIsSettledWithProgressOne() {
        RebalanceSummary s = RebalanceSummary.of(List.of(node(cache(0, 0, 1024, 300)), node(cache(0, 0, 0, 0))));
        assertThat(s.inProgress()).isFalse();
        assertThat(s.partitionsMoving()).isZero();
        assertThat(s.partitionsLeft()).isZero();
        assertThat(s.partitionsTotal()).isZero();
        assertThat(s.progress()).isEqualTo(1.0);
        assertThat(s.keysReceived()).isEqualTo(300);
        assertThat(RebalanceSummary.of(List.of())).isEqualTo(new RebalanceSummary(false, 0, 0, 0, 1.0, 0));
    }

    @Test
    void progressIsTheShareOfTheRunningRebalancesPartitionsThatArrived() {
        // Node 1 set out to load 1024 partitions of each of two caches and has 256 and 768 left:
        // (2048 - 1024) / 2048 = 0.5. Node 2 finished its own rebalance of 1024 earlier: not counted.
        RebalanceSummary s = RebalanceSummary.of(List.of(
                node(cache(256, 256, 1024, 10), cache(768, 768, 1024, 5)),
                node(cache(0, 0, 1024, 99))));
        assertThat(s.inProgress()).isTrue();
        assertThat(s.partitionsMoving()).isEqualTo(1024);
        assertThat(s.partitionsLeft()).isEqualTo(1024);
        assertThat(s.partitionsTotal()).isEqualTo(2048);
        assertThat(s.progress()).isCloseTo(0.5, within(1e-12));
        assertThat(s.keysReceived()).isEqualTo(114);
    }

    @Test
    void movingPartitionsBeforeTheRebalanceCountsThemCountAsLeft() {
        // Right after a join the partitions are MOVING before the rebalance has set its counters: 100
        // moving, 0 left, a stale total of 40 from an earlier rebalance. Left = total = 100: progress 0.
        RebalanceSummary s = RebalanceSummary.of(List.of(node(cache(100, 0, 40, 0))));
        assertThat(s.inProgress()).isTrue();
        assertThat(s.partitionsLeft()).isEqualTo(100);
        assertThat(s.partitionsTotal()).isEqualTo(100);
        assertThat(s.progress()).isZero();
    }

    @Test
    void cachesFinishedEarlierInTheSameRoundCountAsArrived() {
        // A node loads its caches in turn: A finished (100 s - 101 s), B is loading since 101 s with 512
        // of 1024 left, C waits with all 1024 MOVING; D finished long before (at 20 ms), another round.
        // Round = A, B, C: left 512 + 1024 = 1536 of 3 x 1024 = 3072, progress 0.5.
        NodeReport n = node(timed(cache(0, 0, 1024, 7), 100_000, 101_000), timed(cache(512, 512, 1024, 3), 101_000, NEVER),
                cache(1024, 1024, 1024, 0), timed(cache(0, 0, 1024, 50), 10, 20));
        n.measuredAt = 101_500;
        RebalanceSummary s = RebalanceSummary.of(List.of(n));
        assertThat(s.inProgress()).isTrue();
        assertThat(s.partitionsLeft()).isEqualTo(1536);
        assertThat(s.partitionsTotal()).isEqualTo(3072);
        assertThat(s.progress()).isCloseTo(0.5, within(1e-12));
        assertThat(s.partitionsMoving()).isEqualTo(1536);
    }

    @Test
    void betweenTwoCachesOfARoundTheFinishedOnesStillCount() {
        // A finished at 2000 and B has not started (all 1024 MOVING) when measured at 2100: A is in
        // the round (it ended within the gap before the measurement), 1024 left of 2048: 0.5.
        // E ended more than ROUND_GAP_MS before: another round.
        NodeReport n = node(timed(cache(0, 0, 1024, 7), 1_000, 2_000), cache(1024, 1024, 1024, 0),
                timed(cache(0, 0, 1024, 7), 100, 2_100 - RebalanceSummary.ROUND_GAP_MS - 1));
        n.measuredAt = 2_100;
        RebalanceSummary s = RebalanceSummary.of(List.of(n));
        assertThat(s.partitionsLeft()).isEqualTo(1024);
        assertThat(s.partitionsTotal()).isEqualTo(2048);
        assertThat(s.progress()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void inconsistentFiguresAreRejectedNamingThem() {
        assertThatThrownBy(() -> new RebalanceSummary(true, 0, 5, 4, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("left 5, total 4");
        assertThatThrownBy(() -> new RebalanceSummary(true, 0, 1, 4, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("progress must be in [0, 1], was 1.5");
    }

    private static NodeReport node(CacheReport... caches) {
        NodeReport r = new NodeReport();
        r.caches.addAll(List.of(caches));
        return r;
    }

    private static final long NEVER = CacheReport.NEVER;

    private static CacheReport timed(CacheReport c, long start, long end) {
        c.rebalanceStartTime = start;
        c.rebalanceEndTime = end;
        return c;
    }

    private static CacheReport cache(int moving, int left, int total, long keys) {
        CacheReport c = new CacheReport();
        c.cache = "C";
        c.moving = moving;
        c.rebalancePartitionsLeft = left;
        c.rebalancePartitionsTotal = total;
        c.rebalanceKeysReceived = keys;
        return c;
    }
}
