package io.riskgrid.core.limit;

/** What a limit measures. Utilization is always current / max. */
public enum LimitMetric {
    GROSS_NOTIONAL,
    NET_NOTIONAL,
    POSITION_QTY,
    CONCENTRATION,
    LEVERAGE,
    DAILY_LOSS,
    DRAWDOWN,
    VAR_99
}
