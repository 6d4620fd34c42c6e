package io.riskgrid.core.position;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Average-cost position keeping against hand-computed cases. */
class PositionMathTest {

    private static final PositionMath MATH = PositionMath.DEFAULT;
    private static final double EPS = 1e-9;

    @Test
    void openingBuySetsQuantityAndAveragePrice() {
        PositionState p = MATH.apply(PositionState.FLAT, 100, 10, 1);
        assertState(p, 100, 10, 0);
    }

    @Test
    void addingMovesAverageToWeightedMean() {
        // (100 * 10 + 50 * 13) / 150 = 1650 / 150 = 11
        PositionState p = MATH.apply(new PositionState(100, 10, 0), 50, 13, 1);
        assertState(p, 150, 11, 0);
    }

    @Test
    void partialCloseRealizesOnClosedQuantityAndKeepsAverage() {
        // 60 closed at 12 against an average of 11: 60 * 1 = 60 realized
        PositionState p = MATH.apply(new PositionState(150, 11, 0), -60, 12, 1);
        assertState(p, 90, 11, 60);
    }

    @Test
    void fullCloseGoesFlatWithZeroAverage() {
        // 90 closed at 10 against 11: 90 * -1 = -90, on top of 60 already realized
        PositionState p = MATH.apply(new PositionState(90, 11, 60), -90, 10, 1);
        assertState(p, 0, 0, -30);
        assertThat(p.isFlat()).isTrue();
    }

    @Test
    void shortIsNegativeAndBuyingBackBelowEntryIsAGain() {
        PositionState shortPos = MATH.apply(PositionState.FLAT, -100, 20, 1);
        assertState(shortPos, -100, 20, 0);
        // 40 bought back at 18 against a short entry of 20: 40 * 2 = 80 gained
        PositionState covered = MATH.apply(shortPos, 40, 18, 1);
        assertState(covered, -60, 20, 80);
    }

    @Test
    void flipClosesTheWholePositionAndOpensTheRestAtTheFillPrice() {
        // long 100 @ 10, sell 150 @ 12: 100 * 2 = 200 realized, then short 50 @ 12
        PositionState p = MATH.apply(new PositionState(100, 10, 0), -150, 12, 1);
        assertState(p, -50, 12, 200);
    }

    @Test
    void flipFromShortToLong() {
        // short 30 @ 50, buy 50 @ 45: 30 * 5 = 150 realized, then long 20 @ 45
        PositionState p = MATH.apply(new PositionState(-30, 50, 0), 50, 45, 1);
        assertState(p, 20, 45, 150);
    }

    @Test
    void contractSizeScalesRealizedPnl() {
        // 2 futures bought at 5000 and sold at 5010 with a multiplier of 50: 2 * 10 * 50 = 1000
        PositionState open = MATH.apply(PositionState.FLAT, 2, 5000, 50);
        PositionState closed = MATH.apply(open, -2, 5010, 50);
        assertState(closed, 0, 0, 1000);
    }

    @Test
    void fractionalFillsCloseToExactlyZero() {
        PositionState p = PositionState.FLAT;
        for (int i = 0; i < 3; i++) {
            p = MATH.apply(p, 0.1, 10, 1);
        }
        p = MATH.apply(p, -0.3, 10, 1);
        assertThat(p.quantity()).isEqualTo(0.0);
        assertThat(p.avgPrice()).isEqualTo(0.0);
    }

    @Test
    void markGivesMarketValueAndUnrealizedPnl() {
        PositionState shortPos = new PositionState(-60, 20, 80);
        // -60 * 25 = -1500 market value; -60 * (25 - 20) = -300 unrealized
        assertThat(MATH.marketValue(shortPos.quantity(), 25, 1)).isCloseTo(-1500, within(EPS));
        assertThat(MATH.unrealizedPnl(shortPos, 25, 1)).isCloseTo(-300, within(EPS));
        // a future: 3 * 5100 * 50 = 765000; 3 * (5100 - 5000) * 50 = 15000
        PositionState future = new PositionState(3, 5000, 0);
        assertThat(MATH.marketValue(3, 5100, 50)).isCloseTo(765_000, within(EPS));
        assertThat(MATH.unrealizedPnl(future, 5100, 50)).isCloseTo(15_000, within(EPS));
    }

    @Test
    void fillAppliesItsSide() {
        Fill sell = Fill.of("f1", "A", "X", Side.SELL, 10, 5, 0);
        assertThat(sell.signedQuantity()).isEqualTo(-10);
        assertState(MATH.apply(PositionState.FLAT, sell, 1), -10, 5, 0);
    }

    private static void assertState(PositionState p, double quantity, double avg, double realized) {
        assertThat(p.quantity()).as("quantity").isCloseTo(quantity, within(EPS));
        assertThat(p.avgPrice()).as("avgPrice").isCloseTo(avg, within(EPS));
        assertThat(p.realizedPnl()).as("realizedPnl").isCloseTo(realized, within(EPS));
    }
}
