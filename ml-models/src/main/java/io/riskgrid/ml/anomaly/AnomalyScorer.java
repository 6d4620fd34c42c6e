package io.riskgrid.ml.anomaly;

/**
 * Scores how unusual one account's trading looks, from its feature vector (see
 * {@code io.riskgrid.ml.feature.FeatureExtractor}).
 * <p>
 * <b>What a score means.</b> A model measures a distance from the normal trading it was trained on
 * (PCA reconstruction distance, autoencoder reconstruction error). The score is that distance
 * calibrated on the training data: the fraction of the normal training samples that lie closer
 * than this one, so 0.5 is an ordinary moment, 0.99 is more unusual than 99% of normal trading,
 * and 1 lies beyond everything seen in training. Scores are in [0, 1] for every finite input.
 * <p>
 * Implementations are immutable and thread-safe once built; the same saved bytes always give a
 * scorer that returns the same score for the same features.
 */
public interface AnomalyScorer {

    /** Which model this is. */
    ScorerKind kind();

    /** Length of the feature vectors it takes. */
    int dimension();

    /**
     * The calibrated anomaly score of one feature vector, in [0, 1].
     *
     * @throws IllegalArgumentException if {@code features} has the wrong length or a NaN or infinite value
     */
    double score(double[] features);

    /**
     * How much each feature contributed to this vector's distance from normal: non-negative shares
     * that add up to 1 (all zero only for a vector at zero distance). An alert lists the features
     * with the largest shares as the ones that drove it.
     */
    double[] contributions(double[] features);

    /** The model, serialized; {@link AnomalyScorers#load(ScorerKind, byte[])} reads it back. */
    byte[] save();
}
