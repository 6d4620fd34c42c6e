package io.riskgrid.core.control;

import io.riskgrid.core.account.TradingState;
import org.junit.jupiter.api.Test;

import static io.riskgrid.core.account.TradingState.ACTIVE;
import static io.riskgrid.core.account.TradingState.HALTED;
import static io.riskgrid.core.account.TradingState.REDUCING;
import static org.assertj.core.api.Assertions.assertThat;

/** Precedence of kill switch, override and drawdown tier, and the firm-over-account rule. */
class TradingControlsTest {

    private static final TradingControls CONTROLS = TradingControls.DEFAULT;
    private static final long NOW = 1_700_000_000_000L;
    private static final long NO_OVERRIDE = 0;

    @Test
    void withNothingSetTheTierDecides() {
        assertThat(CONTROLS.accountState(false, null, NO_OVERRIDE, DrawdownTier.NONE, NOW)).isEqualTo(ACTIVE);
        assertThat(CONTROLS.accountState(false, null, NO_OVERRIDE, DrawdownTier.REDUCE_SIZE, NOW)).isEqualTo(ACTIVE);
        assertThat(CONTROLS.accountState(false, null, NO_OVERRIDE, DrawdownTier.REDUCING, NOW)).isEqualTo(REDUCING);
        assertThat(CONTROLS.accountState(false, null, NO_OVERRIDE, DrawdownTier.HALTED, NOW)).isEqualTo(HALTED);
    }

    @Test
    void killSwitchHaltsWhateverTheOverrideAndTier() {
        // An unexpired override to ACTIVE on a NONE tier would otherwise trade.
        assertThat(CONTROLS.accountState(true, ACTIVE, NOW + 60_000, DrawdownTier.NONE, NOW)).isEqualTo(HALTED);
        assertThat(CONTROLS.accountState(true, null, NO_OVERRIDE, DrawdownTier.NONE, NOW)).isEqualTo(HALTED);
        assertThat(CONTROLS.accountState(true, REDUCING, NOW + 60_000, DrawdownTier.REDUCING, NOW)).isEqualTo(HALTED);
    }

    @Test
    void unexpiredOverrideLoosensTheTier() {
        // A REDUCING (10% drawdown) account let trade while a position is unwound.
        assertThat(CONTROLS.accountState(false, ACTIVE, NOW + 1, DrawdownTier.REDUCING, NOW)).isEqualTo(ACTIVE);
        assertThat(CONTROLS.accountState(false, REDUCING, NOW + 60_000, DrawdownTier.HALTED, NOW)).isEqualTo(REDUCING);
    }

    @Test
    void unexpiredOverrideTightensTheTier() {
        assertThat(CONTROLS.accountState(false, REDUCING, NOW + 60_000, DrawdownTier.NONE, NOW)).isEqualTo(REDUCING);
        assertThat(CONTROLS.accountState(false, HALTED, NOW + 60_000, DrawdownTier.NONE, NOW)).isEqualTo(HALTED);
    }

    @Test
    void overrideEndsExactlyAtItsEndTime() {
        // now == until: the override is over and the REDUCING tier is back.
        assertThat(CONTROLS.accountState(false, ACTIVE, NOW, DrawdownTier.REDUCING, NOW)).isEqualTo(REDUCING);
        // one millisecond earlier it still held.
        assertThat(CONTROLS.accountState(false, ACTIVE, NOW, DrawdownTier.REDUCING, NOW - 1)).isEqualTo(ACTIVE);
    }

    @Test
    void expiredOverrideFallsBackToTheTier() {
        assertThat(CONTROLS.accountState(false, ACTIVE, NOW - 60_000, DrawdownTier.HALTED, NOW)).isEqualTo(HALTED);
        assertThat(CONTROLS.accountState(false, HALTED, NOW - 1, DrawdownTier.NONE, NOW)).isEqualTo(ACTIVE);
    }

    @Test
    void overrideEndTimeWithoutAnOverrideStateIsIgnored() {
        assertThat(CONTROLS.accountState(false, null, NOW + 60_000, DrawdownTier.REDUCING, NOW)).isEqualTo(REDUCING);
    }

    @Test
    void mostRestrictiveOfTwoStates() {
        // HALTED over REDUCING over ACTIVE, whichever side each is on.
        TradingState[][] cases = {
                {ACTIVE, ACTIVE, ACTIVE},
                {ACTIVE, REDUCING, REDUCING},
                {REDUCING, ACTIVE, REDUCING},
                {ACTIVE, HALTED, HALTED},
                {HALTED, ACTIVE, HALTED},
                {REDUCING, REDUCING, REDUCING},
                {REDUCING, HALTED, HALTED},
                {HALTED, REDUCING, HALTED},
                {HALTED, HALTED, HALTED}};
        for (TradingState[] c : cases) {
            assertThat(CONTROLS.mostRestrictive(c[0], c[1])).as("%s, %s", c[0], c[1]).isEqualTo(c[2]);
        }
    }

    @Test
    void missingStateCountsAsActive() {
        assertThat(CONTROLS.mostRestrictive(null, null)).isEqualTo(ACTIVE);
        assertThat(CONTROLS.mostRestrictive(null, REDUCING)).isEqualTo(REDUCING);
        assertThat(CONTROLS.mostRestrictive(HALTED, null)).isEqualTo(HALTED);
        assertThat(CONTROLS.mostRestrictive(ACTIVE, null)).isEqualTo(ACTIVE);
    }

    @Test
    void haltedFirmStopsAnAccountThatAnOverrideLetTrade() {
        TradingState account = CONTROLS.accountState(false, ACTIVE, NOW + 60_000, DrawdownTier.REDUCING, NOW);
        assertThat(CONTROLS.mostRestrictive(HALTED, account)).isEqualTo(HALTED);
    }
}
