package io.riskgrid.grid.schema;

/**
 * A row of ANOMALY_SCORES, keyed by account id: the account's latest anomaly score, written by the
 * scoring on the account's primary node. {@code features} lists every feature as
 * {@code name=value}, comma separated, and {@code drivers} the features that contributed most to the
 * score, with their shares ({@code orderSize 0.81, turnover 0.12}). {@code alertId} is the open
 * ANOMALY alert of the account, if any.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid. Not thread-safe.
 */
public final class AnomalyRow {

    public double score;
    public double threshold;
    public String modelVersion;
    public String features;
    public String drivers;
    public long scoredAt;
    /** Consistent id of the node that scored. */
    public String node;
    public String alertId;
}
