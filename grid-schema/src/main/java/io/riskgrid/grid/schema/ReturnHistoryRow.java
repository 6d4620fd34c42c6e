package io.riskgrid.grid.schema;

/**
 * A row of RETURN_HISTORY, keyed by instrument id: the instrument's daily simple returns, oldest
 * first, from which the grid estimates volatilities and correlations for VaR. The returns array
 * is not a SQL column; {@code OBSERVATIONS} and {@code AS_OF} are.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 */
public final class ReturnHistoryRow {

    /** Number of returns held, {@code returns.length}. */
    public int observations;
    /** Epoch ms of the end of the newest return's day. */
    public long asOf;
    /** Daily simple returns, oldest first. */
    public double[] returns;

    public static ReturnHistoryRow of(double[] returns, long asOf) {
        ReturnHistoryRow r = new ReturnHistoryRow();
        r.returns = returns.clone();
        r.observations = returns.length;
        r.asOf = asOf;
        return r;
    }
}
