package io.riskgrid.grid.schema;

/**
 * A row of LIMITS, keyed by {@link LimitKey}.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid, so changing an instance
 * changes nothing in the grid until it is put. Not thread-safe; do not share an instance between threads.
 * Each field is a SQL column named in upper snake case ({@code avgPrice} is {@code AVG_PRICE}).
 */
public final class LimitRow {

    public String scope;
    public String target;
    public String metric;
    public double maxValue;
    public Double warnAt;
    public long updatedAt;
    /** A raised max value that applies until {@code overrideUntil}; null without an override. */
    public Double overrideValue;
    public Long overrideUntil;
    public String overrideId;
    /**
     * The max value as configured while an adaptive limit has tightened {@code maxValue} below it (a
     * high volatility forecast); null while the limit is as configured.
     */
    public Double configuredMax;
    /** The factor that tightened it, {@code maxValue / configuredMax}; null while not adapted. */
    public Double adaptiveFactor;
}
