package io.riskgrid.ml.grid;

/**
 * What a TRAIN job trains: a model of {@code kind} (PCA or AUTOENCODER) with {@code seed}, which
 * seeds both the synthetic desk history it learns from and the model's own randomness, so the same
 * request trains the same model. {@code jobId} is recorded with the model. A plain carrier.
 */
public final class TrainRequest {

    public String kind;
    public long seed;
    public String jobId;

    public TrainRequest(String kind, long seed, String jobId) {
        this.kind = kind;
        this.seed = seed;
        this.jobId = jobId;
    }
}
