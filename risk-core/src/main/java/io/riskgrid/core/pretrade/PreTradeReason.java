package io.riskgrid.core.pretrade;

/**
 * Why a pre-trade check rejected an order. A rejection may carry several reasons: every one that
 * would reject the order on its own is reported, so a trader sees all that stands in the way.
 */
public enum PreTradeReason {
    /** The firm's trading is HALTED: no order of any account may pass. */
    FIRM_HALTED,
    /** The account is HALTED (kill switch, override or drawdown): no order may pass. */
    ACCOUNT_HALTED,
    /** The firm is REDUCING: only orders that reduce a position may pass. */
    FIRM_REDUCING,
    /** The account is REDUCING: only orders that reduce a position may pass. */
    ACCOUNT_REDUCING,
    /** A risk-increasing order would leave a limit's utilization above 1. */
    LIMIT_BREACH,
    /**
     * The account's drawdown has reached the REDUCE_SIZE tier and a risk-increasing order would
     * leave a limit's utilization above the tier's sizing factor.
     */
    SIZING_REDUCED
}
