package io.riskgrid.core.control;

import io.riskgrid.core.account.TradingState;

/** How far an account has fallen from its peak equity, in the steps that change how it may trade. */
public enum DrawdownTier {
    /** Trading as normal. */
    NONE(TradingState.ACTIVE),
    /** Still ACTIVE, but risk-increasing orders are sized down (see {@link DrawdownTiers#sizingFactor()}). */
    REDUCE_SIZE(TradingState.ACTIVE),
    /** Only risk-reducing orders pass. */
    REDUCING(TradingState.REDUCING),
    /** No order passes. */
    HALTED(TradingState.HALTED);

    private final TradingState state;

    DrawdownTier(TradingState state) {
        this.state = state;
    }

    /** The trading state this tier imposes. */
    public TradingState state() {
        return state;
    }

    /** The more severe of two tiers. */
    public static DrawdownTier max(DrawdownTier a, DrawdownTier b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
