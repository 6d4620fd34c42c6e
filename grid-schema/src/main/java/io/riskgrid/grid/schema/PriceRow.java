package io.riskgrid.grid.schema;

/**
 * A row of PRICES, keyed by instrument id: the latest price; a price with an older timestamp never replaces a newer one.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class PriceRow {

    public double price;
    public long ts;
}
