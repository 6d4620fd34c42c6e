package io.riskgrid.core.limit;

/**
 * What a limit measures. Utilization is always current / max. For the current value of each metric
 * in each scope see {@link LimitEvaluator}.
 */
public enum LimitMetric {
    /** Sum of |market value|. */
    GROSS_NOTIONAL(false),
    /** |sum of signed market value|. */
    NET_NOTIONAL(false),
    /** |quantity| of a position (the largest one for ACCOUNT scope, the sum for SECTOR scope). */
    POSITION_QTY(false),
    /** A share of the account's gross exposure, as a fraction. */
    CONCENTRATION(false),
    /** Gross exposure / equity. */
    LEVERAGE(true),
    /** The day's loss, start-of-day equity - equity, as a positive amount (0 on a winning day). */
    DAILY_LOSS(true),
    /** Drawdown from peak equity, as a fraction. */
    DRAWDOWN(true),
    /** One-day 99% value at risk, as a positive amount. */
    VAR_99(true);

    private final boolean accountOnly;

    LimitMetric(boolean accountOnly) {
        this.accountOnly = accountOnly;
    }

    /** True for metrics that only exist for the whole account (no INSTRUMENT or SECTOR scope). */
    public boolean accountOnly() {
        return accountOnly;
    }
}
