package io.riskgrid.ml.grid;

/**
 * What a BACKTEST job evaluates: {@code modelVersion} (null for the CURRENT model) on the held-back
 * synthetic history of {@code seed}, with labelled incidents. A plain carrier.
 */
public final class BacktestRequest {

    public String modelVersion;
    public long seed;

    public BacktestRequest(String modelVersion, long seed) {
        this.modelVersion = modelVersion;
        this.seed = seed;
    }
}
