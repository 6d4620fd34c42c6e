package io.riskgrid.core.account;

/** Whether an account (or the firm) may trade. */
public enum TradingState {
    /** Every order may pass the pre-trade check. */
    ACTIVE,
    /** Only orders that reduce risk may pass. */
    REDUCING,
    /** No order may pass. */
    HALTED
}
