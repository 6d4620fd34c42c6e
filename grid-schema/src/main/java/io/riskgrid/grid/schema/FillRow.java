package io.riskgrid.grid.schema;

/**
 * A row of FILLS, keyed by {@link FillKey}: a fill that has been applied to its position. Its presence is what makes a second delivery of the same fill id a duplicate.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class FillRow {

    public String instrumentId;
    public String side;
    public double quantity;
    public double price;
    public long ts;
    public String strategy;
    public String venue;
    public long receivedAt;
}
