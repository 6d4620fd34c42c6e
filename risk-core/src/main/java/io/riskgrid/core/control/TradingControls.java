package io.riskgrid.core.control;

import io.riskgrid.core.account.TradingState;

/**
 * Decides an account's trading state from what may restrict it, in order of precedence:
 * <ol>
 *   <li>the kill switch: an account halted by hand stays HALTED until it is resumed;</li>
 *   <li>a state override: a person's decision for a bounded time (which may loosen an automatic
 *       state, for example to let a REDUCING account trade while a position is unwound);</li>
 *   <li>the drawdown tier, which holds until the account is resumed.</li>
 * </ol>
 * For an order, the firm-wide state applies on top: the more restrictive of firm and account wins.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class TradingControls {

    public static final TradingControls DEFAULT = new TradingControls();

    private TradingControls() {
    }

    /**
     * The account's trading state.
     *
     * @param killSwitch         true while the account is halted by hand
     * @param overrideState      the state an override sets, or null
     * @param overrideUntil      when that override ends, epoch ms (ignored without an override state)
     * @param tier               the account's drawdown tier
     * @param now                the time now, epoch ms
     */
    public TradingState accountState(boolean killSwitch, TradingState overrideState, long overrideUntil,
                                     DrawdownTier tier, long now) {
        if (killSwitch) {
            return TradingState.HALTED;
        }
        if (overrideState != null && now < overrideUntil) {
            return overrideState;
        }
        return tier.state();
    }

    /** The more restrictive of two states (HALTED over REDUCING over ACTIVE); null counts as ACTIVE. */
    public TradingState mostRestrictive(TradingState a, TradingState b) {
        if (a == null) {
            return b == null ? TradingState.ACTIVE : b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
