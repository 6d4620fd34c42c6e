package io.riskgrid.grid.schema;

/**
 * A row of POSITIONS, keyed by {@link PositionKey}: the book state of one position and its latest mark. {@code markPrice}/{@code markTs} are the price it was marked at, so that a late mark never replaces a newer one. {@code contractSize} and {@code marginRate} are copied from the instrument when the position opens, so marking and margin need no reference-data read.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class PositionRow {

    public double quantity;
    public double avgPrice;
    public double realizedPnl;
    public double unrealizedPnl;
    public double marketValue;
    public double markPrice;
    public double contractSize;
    public double marginRate;
    /** The instrument's sector, copied when the position opens, for SECTOR-scope limits. */
    public String sector;
    public long markTs;
    public long fillCount;
    public long updatedAt;

    /** A copy of every field. */
    public PositionRow copy() {
        PositionRow c = new PositionRow();
        c.quantity = quantity;
        c.avgPrice = avgPrice;
        c.realizedPnl = realizedPnl;
        c.unrealizedPnl = unrealizedPnl;
        c.marketValue = marketValue;
        c.markPrice = markPrice;
        c.contractSize = contractSize;
        c.marginRate = marginRate;
        c.sector = sector;
        c.markTs = markTs;
        c.fillCount = fillCount;
        c.updatedAt = updatedAt;
        return c;
    }
}
