package io.riskgrid.grid.schema;

/**
 * A row of OVERRIDES, keyed by {@link OverrideKey}: a person's bounded-time change to one limit
 * ({@code limitId} raised to {@code limitValue}) or to the account's trading state ({@code state}), with the
 * value it replaced, why, who, and until when. {@code status} is ACTIVE until it ends, then EXPIRED
 * (its time ran out) or REPLACED (a newer override of the same limit or state took its place).
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class OverrideRow {

    public String limitId;
    public String state;
    public Double limitValue;
    public String previous;
    public String reason;
    public String actor;
    public long createdAt;
    public long expiresAt;
    public String status;
    public Long endedAt;
}
