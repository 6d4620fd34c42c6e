package io.riskgrid.bench;

import io.riskgrid.core.pretrade.PreTradeReason;
import io.riskgrid.core.pretrade.PreTradeResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The benchmark methods give the answers they claim for their fixed inputs, so a benchmark that
 * measures a broken or different check is caught by {@code mvn verify}. JMH is not run.
 * <p>
 * The book: position i holds market value (i + 1) x 10,000, long for even i, short for odd, so gross
 * 10,000 x (1 + ... + 20) = 2,100,000; I0 is long 100 at 100 = 10,000; TECH holds I0, I5, I10, I15 =
 * 10,000 + 60,000 + 110,000 + 160,000 = 340,000.
 */
class PreTradeCheckBenchmarkTest {

    private static final double EPS = 1e-9;
    private final PreTradeCheckBenchmark bench = new PreTradeCheckBenchmark();

    @BeforeEach
    void setUp() {
        bench.setUp();
    }

    @Test
    void approvedOrderPassesEveryLimit() {
        assertThat(bench.approvedOrder()).isTrue();
        PreTradeResult r = bench.result();
        assertThat(r.reasonCount()).isZero();
        assertThat(r.limitCount()).isEqualTo(9);
        // I0 200 x 100 = 20,000: gross 2,100,000 + 10,000 = 2,110,000; / 4,000,000 = 0.5275.
        assertThat(r.utilizationAfter(0)).isCloseTo(0.5275, within(EPS));
        // TECH 340,000 + 10,000 = 350,000; / 1,000,000 = 0.35.
        assertThat(r.utilizationAfter(8)).isCloseTo(0.35, within(EPS));
    }

    @Test
    void rejectedOrderBreachesFiveLimits() {
        assertThat(bench.rejectedOrder()).isFalse();
        PreTradeResult r = bench.result();
        // I0 becomes 20,100 x 100 = 2,010,000: gross 2,100,000 - 10,000 + 2,010,000 = 4,100,000.
        assertThat(r.reasonCount()).isEqualTo(5);
        for (int k = 0; k < 5; k++) {
            assertThat(r.reason(k)).isEqualTo(PreTradeReason.LIMIT_BREACH);
        }
        // GROSS 4,100,000 / 4,000,000 = 1.025.
        assertThat(r.reasonLimit(0)).isZero();
        assertThat(r.reasonUtilizationAfter(0)).isCloseTo(1.025, within(EPS));
        // LEVERAGE 4,100,000 / 1,000,000 = 4.1; / 4 = 1.025.
        assertThat(r.reasonLimit(1)).isEqualTo(2);
        assertThat(r.reasonUtilizationAfter(1)).isCloseTo(1.025, within(EPS));
        // CONCENTRATION 2,010,000 / 4,100,000 = 0.490244; / 0.35 = 1.400697.
        assertThat(r.reasonLimit(2)).isEqualTo(3);
        assertThat(r.reasonUtilizationAfter(2)).isCloseTo(2_010_000.0 / 4_100_000.0 / 0.35, within(EPS));
        // I0-QTY 20,100 / 5,000 = 4.02.
        assertThat(r.reasonLimit(3)).isEqualTo(7);
        assertThat(r.reasonUtilizationAfter(3)).isCloseTo(4.02, within(EPS));
        // TECH-GROSS 340,000 - 10,000 + 2,010,000 = 2,340,000; / 1,000,000 = 2.34.
        assertThat(r.reasonLimit(4)).isEqualTo(8);
        assertThat(r.reasonUtilizationAfter(4)).isCloseTo(2.34, within(EPS));
        // NET -100,000 - 10,000 + 2,010,000 = 1,900,000; / 2,000,000 = 0.95, within the limit.
        assertThat(r.utilizationAfter(1)).isCloseTo(0.95, within(EPS));
    }

    @Test
    void bookHasTwentyPositionsInFiveSectors() {
        assertThat(PreTradeCheckBenchmark.book().size()).isEqualTo(PreTradeCheckBenchmark.POSITIONS).isEqualTo(20);
        assertThat(PreTradeCheckBenchmark.SECTORS).hasSize(5);
        assertThat(PreTradeCheckBenchmark.limits().size()).isEqualTo(9);
    }
}
