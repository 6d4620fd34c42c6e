package io.riskgrid.grid.schema;

/**
 * The row of RISK_POLICY (key {@code default}): alert severity thresholds, hysteresis and
 * escalation delays, drawdown tiers and circuit-breaker settings, flattened into columns. See
 * {@code io.riskgrid.core.control.RiskPolicy} for their meaning and defaults.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class PolicyRow {

    public double severityLow;
    public double severityMedium;
    public double severityHigh;
    public double severityCritical;
    public double hysteresis;
    public long highEscalationMs;
    public long criticalEscalationMs;
    public double reduceSizeAt;
    public double reducingAt;
    public double haltAt;
    public double sizingFactor;
    public double totalLossFraction;
    public double rapidLossFraction;
    public long rapidLossWindowMs;
    public int criticalAlertCount;
    public long criticalAlertWindowMs;
    public long updatedAt;
}
