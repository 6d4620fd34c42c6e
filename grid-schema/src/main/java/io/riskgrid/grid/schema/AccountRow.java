package io.riskgrid.grid.schema;

/**
 * A row of ACCOUNTS, keyed by account id.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class AccountRow {

    public String name;
    public String baseCurrency;
    public double initialEquity;
    public String strategy;
}
