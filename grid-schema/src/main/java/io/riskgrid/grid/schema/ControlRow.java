package io.riskgrid.grid.schema;

/**
 * A row of TRADING_CONTROLS, keyed by scope ({@code FIRM}): the firm-wide trading state, which
 * applies on top of every account's own state, and what set it: the kill switch or a circuit
 * breaker ({@code trigger} names the breaker, {@code triggerValue} the figure that tripped it).
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class ControlRow {

    public String state;
    public String reason;
    public String actor;
    public long since;
    public String trigger;
    public Double triggerValue;
}
