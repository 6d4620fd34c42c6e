package io.riskgrid.ml.anomaly;

import java.util.Objects;

/**
 * Trains and loads {@link AnomalyScorer}s.
 * <p>
 * Training takes rows of normal trading: one feature vector per row, all the same length, finite,
 * at least {@value FeatureVectors#MIN_TRAINING_ROWS} rows (a few thousand are typical: a PCA trains
 * in milliseconds, the autoencoder in seconds). Training is deterministic: the same kind, rows and
 * seed always give a scorer with bit-identical scores (the PCA uses no randomness and ignores the
 * seed). Saved bytes are a compact versioned binary format, independent of Smile, DJL and Java
 * serialization, and loading never needs a deep-learning engine.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class AnomalyScorers {

    private AnomalyScorers() {
    }

    /**
     * Trains a scorer of {@code kind} on rows of normal trading.
     *
     * @param normal rows of normal trading (not changed)
     * @param seed   seed of every random choice in training
     * @throws IllegalArgumentException naming the problem if there are fewer than
     *                                  {@value FeatureVectors#MIN_TRAINING_ROWS} rows, rows of
     *                                  unequal length, a NaN or infinite value, or no variation at all
     */
    public static AnomalyScorer train(ScorerKind kind, double[][] normal, long seed) {
        Objects.requireNonNull(kind, "kind");
        FeatureVectors.checkTrainingRows(normal);
        switch (kind) {
            case PCA:
                return PcaScorer.train(normal);
            case AUTOENCODER:
                return AutoencoderScorer.train(normal, seed);
            default:
                throw new IllegalArgumentException("unknown scorer kind " + kind);
        }
    }

    /**
     * Reads a scorer that {@link AnomalyScorer#save()} wrote.
     *
     * @throws IllegalArgumentException if {@code bytes} are not a saved model of {@code kind}
     *                                  (garbage, truncated, another kind, another format version)
     */
    public static AnomalyScorer load(ScorerKind kind, byte[] bytes) {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case PCA:
                return PcaScorer.load(bytes);
            case AUTOENCODER:
                return AutoencoderScorer.load(bytes);
            default:
                throw new IllegalArgumentException("unknown scorer kind " + kind);
        }
    }
}
