package io.riskgrid.ml.grid;

/**
 * What a TRAIN job produced: the new model's version, whether it was promoted to CURRENT, and why,
 * from its backtest against the model that was current, both on the same held-back labelled data.
 * A plain carrier; Jackson writes its public fields as the job's result.
 */
public final class TrainResult {

    public String modelVersion;
    public String kind;
    public long seed;
    public boolean promoted;
    public String reason;
    public int trainingSamples;
    public long trainingMillis;
    public double threshold;
    public BacktestReport backtest;
    /** The model that was CURRENT when training finished, on the same held-back data; null if there was none. */
    public BacktestReport currentBacktest;
}
