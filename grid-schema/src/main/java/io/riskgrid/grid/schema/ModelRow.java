package io.riskgrid.grid.schema;

/**
 * A row of MODELS, keyed by model version ({@code PCA-000003}): one trained model, stored in the
 * grid so that every node scores with the same bytes. Replicated: every node reads its models
 * locally. {@code status} is CURRENT for the one model every node scores with, RETIRED for models
 * that were current before, REJECTED for a trained model whose backtest did not beat the current
 * one. {@code bytes} (not a SQL column) is the model as {@code AnomalyScorers.load} reads it.
 * <p>
 * A cache value: a mutable carrier that is copied into and out of the grid. Not thread-safe.
 */
public final class ModelRow {

    /** PCA or AUTOENCODER. */
    public String kind;
    /** CURRENT, RETIRED or REJECTED. */
    public String status;
    public long createdAt;
    public Long promotedAt;
    /** Seed of the training run (and of its synthetic history): the same seed trains the same model. */
    public long seed;
    public int trainingSamples;
    /** The feature names, comma separated, in the order the model reads them. */
    public String features;
    /** Score at or above which an ANOMALY alert is raised. */
    public double threshold;
    /** Backtest on held-back labelled data when the model was trained. */
    public double precision;
    public double recall;
    public double f1;
    /** The TRAIN job that produced it, if any. */
    public String jobId;
    public byte[] bytes;
}
