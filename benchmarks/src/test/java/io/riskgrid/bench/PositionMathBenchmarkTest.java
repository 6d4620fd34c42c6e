package io.riskgrid.bench;

import io.riskgrid.core.account.AccountRisk;
import io.riskgrid.core.position.PositionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The benchmark methods compute what they claim for their fixed inputs, so a benchmark that
 * measures a broken or different computation is caught by {@code mvn verify}. JMH is not run.
 */
class PositionMathBenchmarkTest {

    private static final double EPS = 1e-9;
    private final PositionMathBenchmark bench = new PositionMathBenchmark();

    @BeforeEach
    void setUp() {
        bench.setUp();
    }

    @Test
    void increaseMovesTheAverageToTheWeightedMean() {
        // Long 100 at 10, buy 50 at 13: (100 * 10 + 50 * 13) / 150 = 1,650 / 150 = 11.
        assertState(bench.increase(), 150, 11, 0);
    }

    @Test
    void reduceRealizesOnTheClosedQuantity() {
        // Sell 60 at 12 against an average of 10: 60 * (12 - 10) = 120 realized, 40 left at 10.
        assertState(bench.reduce(), 40, 10, 120);
    }

    @Test
    void flipClosesAndOpensTheRestShortAtTheFillPrice() {
        // Sell 150 at 12: the 100 long close for 100 * (12 - 10) = 200; 50 open short at 12.
        assertState(bench.flip(), -50, 12, 200);
    }

    @Test
    void accountRiskOverTwentyPositions() {
        AccountRisk r = bench.accountRisk();
        // Realized 10 * (0 + ... + 19) = 1,900; unrealized 100 * (190 - 200) = -1,000.
        double equity = 1_000_000 + 1_900 - 1_000;
        assertThat(r.realizedPnl()).isCloseTo(1_900, within(EPS));
        assertThat(r.unrealizedPnl()).isCloseTo(-1_000, within(EPS));
        assertThat(r.equity()).isCloseTo(1_000_900, within(EPS));
        // Gross 10,000 * (1 + ... + 20) = 2,100,000. Long (even i) hold 1 + 3 + ... + 19 = 100 units of
        // 10,000, short (odd i) 2 + 4 + ... + 20 = 110: net -100,000.
        assertThat(r.grossExposure()).isCloseTo(2_100_000, within(EPS));
        assertThat(r.netExposure()).isCloseTo(-100_000, within(EPS));
        // Margin 10% of 1,000,000 long + 20% of 1,100,000 short = 100,000 + 220,000.
        assertThat(r.marginUsed()).isCloseTo(320_000, within(EPS));
        assertThat(r.marginAvailable()).isCloseTo(equity - 320_000, within(EPS));
        assertThat(r.leverage()).isCloseTo(2_100_000 / equity, within(EPS));
        // The largest position is I19 at 200,000.
        assertThat(r.maxConcentration()).isCloseTo(200_000.0 / 2_100_000.0, within(EPS));
        assertThat(r.maxConcentrationInstrument()).isEqualTo("I19");
        // Equity above the initial 1,000,000 is the new peak: no drawdown.
        assertThat(r.peakEquity()).isCloseTo(1_000_900, within(EPS));
        assertThat(r.drawdown()).isZero();
        // No limits and no VaR here, so score = 100 * (0.20 * leverage / 10 + 0.25 * 0 + 0.075 * concentration
        //       + 0.075 * margin / equity) = 100 * (0.20 * 0.2098112 + 0.075 * 0.0952381 + 0.075 * 0.3197122) = 7.30835
        double expected = 100 * (0.20 * (2_100_000 / equity) / 10 + 0.075 * (200_000.0 / 2_100_000.0)
                + 0.075 * (320_000 / equity));
        assertThat(r.score().score()).isCloseTo(expected, within(EPS));
        assertThat(r.score().score()).isCloseTo(7.30835, within(1e-5));
    }

    @Test
    void bookHasTwentyPositions() {
        assertThat(PositionMathBenchmark.book()).hasSize(PositionMathBenchmark.POSITIONS).hasSize(20);
    }

    private static void assertState(PositionState p, double quantity, double avgPrice, double realized) {
        assertThat(p.quantity()).isCloseTo(quantity, within(EPS));
        assertThat(p.avgPrice()).isCloseTo(avgPrice, within(EPS));
        assertThat(p.realizedPnl()).isCloseTo(realized, within(EPS));
    }
}
