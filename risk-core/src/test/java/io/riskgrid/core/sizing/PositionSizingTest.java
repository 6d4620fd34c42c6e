package io.riskgrid.core.sizing;

import io.riskgrid.core.position.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PositionSizingTest {

    private static final double EPS = 1e-12;
    private static final PositionSizing SIZING = PositionSizing.DEFAULT;

    @Test
    void evenMoneyBetWonSixTimesInTenStakesTwentyPercent() {
        // f* = 0.6 - 0.4 / 1 = 0.2
        assertThat(SIZING.kellyBinary(0.6, 1)).isCloseTo(0.2, within(EPS));
    }

    @Test
    void twoToOneCoinFlipStakesAQuarter() {
        // f* = 0.5 - 0.5 / 2 = 0.25; half Kelly 0.125
        assertThat(SIZING.kellyBinary(0.5, 2)).isCloseTo(0.25, within(EPS));
        assertThat(SIZING.kellyBinary(0.5, 2, 0.5)).isCloseTo(0.125, within(EPS));
    }

    @Test
    void betWithNegativeEdgeHasNegativeKelly() {
        // f* = 0.4 - 0.6 / 1 = -0.2
        assertThat(SIZING.kellyBinary(0.4, 1)).isCloseTo(-0.2, within(EPS));
        // A fair bet, p = 1 / (1 + b): 0.25 - 0.75 / 3 = 0.
        assertThat(SIZING.kellyBinary(0.25, 3)).isCloseTo(0, within(EPS));
    }

    @Test
    void certainWinStakesEverything() {
        assertThat(SIZING.kellyBinary(1, 0.5)).isEqualTo(1.0);
        // A certain loss: 0 - 1 / 0.5 = -2.
        assertThat(SIZING.kellyBinary(0, 0.5)).isEqualTo(-2.0);
    }

    @Test
    void binaryKellyMaximizesExpectedLogGrowth() {
        // g(f) = p ln(1 + b f) + (1 - p) ln(1 - f) is concave; its maximum is where g' = 0, which is f*.
        double p = 0.55;
        double b = 1.5;
        double f = SIZING.kellyBinary(p, b);
        double h = 1e-4;
        double g = growth(p, b, f);
        assertThat(g).isGreaterThan(growth(p, b, f - h)).isGreaterThan(growth(p, b, f + h));
        double slope = (growth(p, b, f + h) - growth(p, b, f - h)) / (2 * h);
        assertThat(slope).isCloseTo(0, within(1e-6));
    }

    private static double growth(double p, double b, double f) {
        return p * Math.log(1 + b * f) + (1 - p) * Math.log(1 - f);
    }

    @Test
    void continuousKellyIsExcessReturnOverVariance() {
        // 0.08 / 0.2^2 = 0.08 / 0.04 = 2; half Kelly 1; a negative excess return points short.
        assertThat(SIZING.kellyContinuous(0.08, 0.2)).isCloseTo(2.0, within(EPS));
        assertThat(SIZING.kellyContinuous(0.08, 0.2, 0.5)).isCloseTo(1.0, within(EPS));
        assertThat(SIZING.kellyContinuous(-0.03, 0.3)).isCloseTo(-1.0 / 3, within(EPS));
    }

    @Test
    void volatilityScaledQuantityMovesByTheRiskBudgetInOneStandardDeviation() {
        // 10,000 / (50 * 1 * 0.02 * sqrt 1) = 10,000 / 1 = 10,000 shares; one sigma: 10,000 * 50 * 0.02 = 10,000.
        assertThat(SIZING.volatilityScaledQuantity(10_000, 50, 1, 0.02, 1)).isCloseTo(10_000, within(1e-9));
        // Over 4 days sigma doubles (sqrt 4 = 2), so half the quantity.
        assertThat(SIZING.volatilityScaledQuantity(10_000, 50, 1, 0.02, 4)).isCloseTo(5_000, within(1e-9));
        // A futures contract of 50 per point at 4,000 with 1.25% daily vol: 4,000 * 50 * 0.0125 = 2,500 per contract.
        assertThat(SIZING.volatilityScaledQuantity(10_000, 4_000, 50, 0.0125, 1)).isCloseTo(4, within(1e-9));
    }

    @Test
    void volatilityTargetWeightIsTargetOverAssetVolatilityCapped() {
        // 10% / 25% = 0.4
        assertThat(SIZING.volatilityTargetWeight(0.10, 0.25, 2)).isCloseTo(0.4, within(EPS));
        // 10% / 4% = 2.5, capped at 2x leverage.
        assertThat(SIZING.volatilityTargetWeight(0.10, 0.04, 2)).isEqualTo(2.0);
    }

    @Test
    void longStopsBelowAndTakesProfitAbove() {
        // d = 2 * 0.02 * sqrt 1 * 100 = 4: stop 96, target 100 + 3 * 4 = 112.
        StopLevels levels = SIZING.stopLevels(Side.BUY, 100, 0.02, 1, 2, 3);
        assertThat(levels.stopLoss()).isCloseTo(96, within(1e-9));
        assertThat(levels.takeProfit()).isCloseTo(112, within(1e-9));
    }

    @Test
    void shortStopsAboveAndTakesProfitBelow() {
        // Over 4 days: d = 2 * 0.02 * 2 * 100 = 8: stop 108, target 100 - 1.5 * 8 = 88.
        StopLevels levels = SIZING.stopLevels(Side.SELL, 100, 0.02, 4, 2, 1.5);
        assertThat(levels.stopLoss()).isCloseTo(108, within(1e-9));
        assertThat(levels.takeProfit()).isCloseTo(88, within(1e-9));
    }

    @Test
    void quantityForStopLosesTheBudgetWhenStoppedOut() {
        // 1,000 / (|100 - 96| * 1) = 250; short stop above: 1,000 / (|100 - 108| * 10) = 12.5.
        assertThat(SIZING.quantityForStop(1_000, 100, 96, 1)).isCloseTo(250, within(1e-9));
        assertThat(SIZING.quantityForStop(1_000, 100, 108, 10)).isCloseTo(12.5, within(1e-9));
    }

    @Test
    void stopsFromVolatilitySizeToTheBudget() {
        // The two together: a long at 100 with a 4-point stop and a 1,000 budget holds 250 units.
        StopLevels levels = SIZING.stopLevels(Side.BUY, 100, 0.02, 1, 2, 3);
        assertThat(SIZING.quantityForStop(1_000, 100, levels.stopLoss(), 1)).isCloseTo(250, within(1e-9));
    }

    @Test
    void probabilityOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> SIZING.kellyBinary(1.2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("winProbability must be between 0 and 1, was 1.2");
        assertThatThrownBy(() -> SIZING.kellyBinary(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("winProbability must be between 0 and 1, was NaN");
    }

    @Test
    void winLossRatioMustBePositive() {
        assertThatThrownBy(() -> SIZING.kellyBinary(0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("winLossRatio must be a positive number, was 0.0");
    }

    @Test
    void kellyMultiplierAboveOneOrNotPositiveIsRejected() {
        assertThatThrownBy(() -> SIZING.kellyBinary(0.6, 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kellyMultiplier must be in (0, 1], was 1.5; betting more than full Kelly lowers growth and adds risk");
        assertThatThrownBy(() -> SIZING.kellyContinuous(0.08, 0.2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("kellyMultiplier must be in (0, 1], was 0.0");
        assertThat(SIZING.kellyBinary(0.6, 1, 1)).isCloseTo(0.2, within(EPS));
    }

    @Test
    void continuousKellyNeedsAFiniteReturnAndPositiveVolatility() {
        assertThatThrownBy(() -> SIZING.kellyContinuous(Double.NaN, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expectedExcessReturn must be a finite number, was NaN");
        assertThatThrownBy(() -> SIZING.kellyContinuous(0.08, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("volatility must be a positive number, was 0.0");
    }

    @Test
    void volatilityScaledQuantityRejectsEachNonPositiveInput() {
        assertThatThrownBy(() -> SIZING.volatilityScaledQuantity(0, 50, 1, 0.02, 1)).hasMessageStartingWith("riskBudget must be");
        assertThatThrownBy(() -> SIZING.volatilityScaledQuantity(1, -50, 1, 0.02, 1)).hasMessageStartingWith("price must be");
        assertThatThrownBy(() -> SIZING.volatilityScaledQuantity(1, 50, 0, 0.02, 1)).hasMessageStartingWith("contractSize must be");
        assertThatThrownBy(() -> SIZING.volatilityScaledQuantity(1, 50, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dailyVolatility must be a positive number, was 0.0");
        assertThatThrownBy(() -> SIZING.volatilityScaledQuantity(1, 50, 1, 0.02, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("horizonDays must be a positive number, was Infinity");
    }

    @Test
    void volatilityTargetWeightRejectsNonPositiveInputs() {
        assertThatThrownBy(() -> SIZING.volatilityTargetWeight(0, 0.2, 1)).hasMessageStartingWith("targetVolatility must be");
        assertThatThrownBy(() -> SIZING.volatilityTargetWeight(0.1, 0, 1)).hasMessageStartingWith("assetVolatility must be");
        assertThatThrownBy(() -> SIZING.volatilityTargetWeight(0.1, 0.2, 0)).hasMessageStartingWith("maxWeight must be");
    }

    @Test
    void stopBeyondZeroIsRejected() {
        // d = 3 * 0.2 * sqrt 4 * 100 = 120 > 100: a long's stop would be -20.
        assertThatThrownBy(() -> SIZING.stopLevels(Side.BUY, 100, 0.2, 4, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stopLoss would be -20.0")
                .hasMessageContaining("must be less than entryPrice 100.0");
        // A short's target: d = 2 * 0.1 * 1 * 100 = 20, target 100 - 6 * 20 = -20.
        assertThatThrownBy(() -> SIZING.stopLevels(Side.SELL, 100, 0.1, 1, 2, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("takeProfit would be -20.0");
    }

    @Test
    void stopLevelsRejectMissingSideAndNonPositiveInputs() {
        assertThatThrownBy(() -> SIZING.stopLevels(null, 100, 0.02, 1, 2, 3)).hasMessage("side is required");
        assertThatThrownBy(() -> SIZING.stopLevels(Side.BUY, 0, 0.02, 1, 2, 3)).hasMessageStartingWith("entryPrice must be");
        assertThatThrownBy(() -> SIZING.stopLevels(Side.BUY, 100, 0.02, 1, -2, 3)).hasMessageStartingWith("stopMultiple must be");
        assertThatThrownBy(() -> SIZING.stopLevels(Side.BUY, 100, 0.02, 1, 2, 0)).hasMessageStartingWith("rewardRiskRatio must be");
    }

    @Test
    void quantityForStopNeedsAStopAwayFromTheEntry() {
        assertThatThrownBy(() -> SIZING.quantityForStop(1_000, 100, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stopLoss must differ from entryPrice, both were 100.0");
        assertThatThrownBy(() -> SIZING.quantityForStop(1_000, 100, 0, 1)).hasMessageStartingWith("stopLoss must be");
    }

    @Test
    void stopLevelsMustBePositivePrices() {
        assertThatThrownBy(() -> new StopLevels(0, 110))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stopLoss must be a positive number, was 0.0");
        assertThatThrownBy(() -> new StopLevels(90, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("takeProfit must be a positive number, was NaN");
    }
}
