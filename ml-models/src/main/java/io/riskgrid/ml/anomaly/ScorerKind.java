package io.riskgrid.ml.anomaly;

/** The anomaly models RiskGrid can train. */
public enum ScorerKind {
    /** Smile 2.6.0 PCA of the standardized features; distance from the principal subspace and within it. */
    PCA,
    /** A small dense autoencoder trained with DJL on the PyTorch engine; distance is its reconstruction error. */
    AUTOENCODER
}
