package io.riskgrid.grid.schema;

/**
 * A row of INSTRUMENTS, keyed by instrument id.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class InstrumentRow {

    public String symbol;
    public String assetClass;
    public String sector;
    public String currency;
    public double contractSize;
    public double marginRate;
}
