package io.riskgrid.grid.schema;

/**
 * A row of ALERTS, keyed by {@link AlertKey}.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class AlertRow {

    public String limitId;
    public String metric;
    public String severity;
    public String status;
    public double currentValue;
    public double limitValue;
    public double utilization;
    public long createdAt;
    public long updatedAt;
    public String ackBy;
    public Long ackAt;
    /** The limit's scope, target and warn level when the alert was last updated. */
    public String scope;
    public String target;
    public double warnAt;
    /** Highest utilization seen while the alert was open. */
    public double peakUtilization;
    /** When the alert reached its current severity (escalation clocks run from here). */
    public long severitySince;
    public Long escalatedAt;
    public Long resolvedAt;
    /** Version of the ACCOUNT_RISK row the alert was last derived from. */
    public long sourceVersion;
    /** What drove the alert when the limit alone does not say: an ANOMALY alert's features and their shares. */
    public String details;
}
