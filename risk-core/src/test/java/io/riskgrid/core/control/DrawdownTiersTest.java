package io.riskgrid.core.control;

import io.riskgrid.core.account.TradingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The drawdown steps that cut an account's trading back (defaults 5% / 10% / 15%, sizing 0.5). */
class DrawdownTiersTest {

    private static final DrawdownTiers TIERS = DrawdownTiers.DEFAULT;

    @Test
    void defaultsAreTheDocumentedLevels() {
        assertThat(TIERS.reduceSizeAt()).isEqualTo(0.05);
        assertThat(TIERS.reducingAt()).isEqualTo(0.10);
        assertThat(TIERS.haltAt()).isEqualTo(0.15);
        assertThat(TIERS.sizingFactor()).isEqualTo(0.5);
    }

    @Test
    void eachTierBeginsExactlyAtItsThreshold() {
        assertThat(TIERS.tierOf(0)).isEqualTo(DrawdownTier.NONE);
        assertThat(TIERS.tierOf(0.0499)).isEqualTo(DrawdownTier.NONE);
        assertThat(TIERS.tierOf(0.05)).isEqualTo(DrawdownTier.REDUCE_SIZE);
        assertThat(TIERS.tierOf(0.0999)).isEqualTo(DrawdownTier.REDUCE_SIZE);
        assertThat(TIERS.tierOf(0.10)).isEqualTo(DrawdownTier.REDUCING);
        assertThat(TIERS.tierOf(0.1499)).isEqualTo(DrawdownTier.REDUCING);
        assertThat(TIERS.tierOf(0.15)).isEqualTo(DrawdownTier.HALTED);
        assertThat(TIERS.tierOf(0.6)).isEqualTo(DrawdownTier.HALTED);
        assertThat(TIERS.tierOf(1.0)).isEqualTo(DrawdownTier.HALTED);
    }

    @Test
    void equityAtANewPeakIsInNoTier() {
        // Drawdown is never negative in practice; a negative figure must not land in a tier either.
        assertThat(TIERS.tierOf(-0.02)).isEqualTo(DrawdownTier.NONE);
    }

    @Test
    void customTiersMoveTheBoundaries() {
        DrawdownTiers t = new DrawdownTiers(0.02, 0.04, 0.08, 0.25);
        assertThat(t.tierOf(0.019)).isEqualTo(DrawdownTier.NONE);
        assertThat(t.tierOf(0.02)).isEqualTo(DrawdownTier.REDUCE_SIZE);
        // 0.05 is REDUCE_SIZE under the defaults but REDUCING here (0.04 <= 0.05 < 0.08).
        assertThat(t.tierOf(0.05)).isEqualTo(DrawdownTier.REDUCING);
        assertThat(t.tierOf(0.08)).isEqualTo(DrawdownTier.HALTED);
    }

    @Test
    void thresholdNamesWhereEachTierBegins() {
        assertThat(TIERS.threshold(DrawdownTier.NONE)).isZero();
        assertThat(TIERS.threshold(DrawdownTier.REDUCE_SIZE)).isEqualTo(0.05);
        assertThat(TIERS.threshold(DrawdownTier.REDUCING)).isEqualTo(0.10);
        assertThat(TIERS.threshold(DrawdownTier.HALTED)).isEqualTo(0.15);
    }

    @Test
    void tierOfItsOwnThresholdIsThatTier() {
        for (DrawdownTier tier : DrawdownTier.values()) {
            assertThat(TIERS.tierOf(TIERS.threshold(tier))).as(tier.name()).isEqualTo(tier);
        }
    }

    @Test
    void tiersThatDoNotRiseStrictlyAreRejected() {
        String msg = "drawdown tiers must satisfy 0 < reduceSizeAt < reducingAt < haltAt < 1";
        assertThatThrownBy(() -> new DrawdownTiers(0, 0.10, 0.15, 0.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(msg).hasMessageContaining("were 0.0,");
        assertThatThrownBy(() -> new DrawdownTiers(-0.05, 0.10, 0.15, 0.5)).hasMessageContaining(msg);
        assertThatThrownBy(() -> new DrawdownTiers(0.10, 0.10, 0.15, 0.5)).hasMessageContaining(msg);
        assertThatThrownBy(() -> new DrawdownTiers(0.05, 0.20, 0.15, 0.5)).hasMessageContaining(msg);
        assertThatThrownBy(() -> new DrawdownTiers(0.05, 0.10, 1.0, 0.5)).hasMessageContaining(msg);
        assertThatThrownBy(() -> new DrawdownTiers(0.05, Double.NaN, 0.15, 0.5)).hasMessageContaining(msg);
    }

    @Test
    void sizingFactorOutsideZeroToOneIsRejected() {
        for (double f : new double[]{0, -0.5, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new DrawdownTiers(0.05, 0.10, 0.15, f))
                    .as("sizingFactor %s", f)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sizingFactor must be in (0, 1], was " + f);
        }
    }

    @Test
    void sizingFactorOfOneIsAccepted() {
        assertThat(new DrawdownTiers(0.05, 0.10, 0.15, 1).sizingFactor()).isEqualTo(1);
    }

    @Test
    void eachTierImposesItsTradingState() {
        // Sized-down orders still trade: REDUCE_SIZE keeps the account ACTIVE.
        assertThat(DrawdownTier.NONE.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(DrawdownTier.REDUCE_SIZE.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(DrawdownTier.REDUCING.state()).isEqualTo(TradingState.REDUCING);
        assertThat(DrawdownTier.HALTED.state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void maxKeepsTheMoreSevereTierSoAReachedTierHolds() {
        // An account that reached REDUCING and then recovers to a 6% drawdown stays REDUCING.
        DrawdownTier held = DrawdownTier.REDUCING;
        assertThat(DrawdownTier.max(held, TIERS.tierOf(0.06))).isEqualTo(DrawdownTier.REDUCING);
        assertThat(DrawdownTier.max(TIERS.tierOf(0.06), held)).isEqualTo(DrawdownTier.REDUCING);
        assertThat(DrawdownTier.max(held, TIERS.tierOf(0.2))).isEqualTo(DrawdownTier.HALTED);
        assertThat(DrawdownTier.max(DrawdownTier.NONE, DrawdownTier.NONE)).isEqualTo(DrawdownTier.NONE);
    }
}
