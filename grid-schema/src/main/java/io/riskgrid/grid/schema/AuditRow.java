package io.riskgrid.grid.schema;

/**
 * A row of AUDIT_LOG, keyed by event id: who did what, to which account, when.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class AuditRow {

    public long ts;
    public String actor;
    public String action;
    public String accountId;
    public String details;
    /** The value before and after the action (a state, a limit value), null where not applicable. */
    public String before;
    public String after;
    /** Why: the reason a person gave, or the rule behind an automatic action. */
    public String reason;
    /** The figure that triggered an automatic action (a drawdown, a loss), null for manual actions. */
    public Double triggerValue;
}
