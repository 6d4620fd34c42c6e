package io.riskgrid.api.anomaly;

/**
 * One stored anomaly model, as {@code GET /api/v1/models} lists it (without its bytes): status
 * CURRENT (every node scores with it), RETIRED or REJECTED; its backtest on held-back labelled data
 * when it was trained.
 */
public record ModelView(String modelVersion, String kind, String status, long createdAt, Long promotedAt, long seed,
                        int trainingSamples, String features, double threshold, double precision, double recall,
                        double f1, String jobId) {
}
