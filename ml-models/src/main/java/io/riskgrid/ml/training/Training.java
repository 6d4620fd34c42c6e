package io.riskgrid.ml.training;

import io.riskgrid.ml.anomaly.AnomalyScorer;
import io.riskgrid.ml.anomaly.AnomalyScorers;
import io.riskgrid.ml.anomaly.ScorerKind;
import io.riskgrid.ml.backtest.Backtest;
import io.riskgrid.ml.backtest.BacktestResult;
import io.riskgrid.ml.simulation.LabelledSample;
import io.riskgrid.ml.simulation.SyntheticHistory;

import java.util.List;

/**
 * How RiskGrid trains and backtests anomaly models. Training data is the synthetic desk history
 * ({@link SyntheticHistory}) of the seed with no incidents: the demo book's order flow, sampled
 * every 10 s per account, {@value #TRAINING_MINUTES} simulated minutes of {@value #TRAINING_ACCOUNTS}
 * accounts. The held-back data is a different history (its own seed, derived from the training
 * seed) of {@value #HELD_BACK_MINUTES} minutes with {@value #HELD_BACK_INCIDENTS} labelled incidents,
 * which the model never sees in training. The same seed always gives the same model and the same
 * backtest.
 * <p>
 * Stateless and thread-safe.
 */
public final class Training {

    /** Score at or above which a model alerts: more unusual than 99.5% of normal training samples. */
    public static final double DEFAULT_THRESHOLD = 0.995;
    static final int TRAINING_ACCOUNTS = 20;
    static final int TRAINING_MINUTES = 120;
    static final int HELD_BACK_MINUTES = 90;
    static final int HELD_BACK_INCIDENTS = 45;
    /** Mixed into the training seed to make the held-back history's seed (the golden-ratio constant). */
    static final long HELD_BACK_SALT = 0x9E3779B97F4A7C15L;

    private Training() {
    }

    /** A trained model with its held-back backtest. */
    public record Outcome(AnomalyScorer scorer, int trainingSamples, double threshold, BacktestResult backtest,
                          long trainingMillis) {
    }

    /** The normal-trading feature rows a model of {@code seed} is trained on. */
    public static double[][] trainingData(long seed) {
        SyntheticHistory.Settings s = SyntheticHistory.Settings.DEFAULT.withSeed(seed)
                .withAccounts(TRAINING_ACCOUNTS).withMinutes(TRAINING_MINUTES, 0);
        return SyntheticHistory.normalFeatures(SyntheticHistory.generate(s));
    }

    /** The held-back labelled history of {@code seed}: another simulated desk session, with incidents. */
    public static List<LabelledSample> heldBack(long seed) {
        SyntheticHistory.Settings s = SyntheticHistory.Settings.DEFAULT.withSeed(seed ^ HELD_BACK_SALT)
                .withAccounts(TRAINING_ACCOUNTS).withMinutes(HELD_BACK_MINUTES, HELD_BACK_INCIDENTS);
        return SyntheticHistory.generate(s);
    }

    /** Trains a model of {@code kind} with {@code seed} and backtests it on the seed's held-back history. */
    public static Outcome train(ScorerKind kind, long seed) {
        return train(kind, seed, heldBack(seed));
    }

    /**
     * Trains a model of {@code kind} with {@code seed} and backtests it on {@code heldBack}, the
     * seed's held-back history that the caller has already generated ({@link #heldBack}).
     */
    public static Outcome train(ScorerKind kind, long seed, List<LabelledSample> heldBack) {
        long start = System.nanoTime();
        double[][] normal = trainingData(seed);
        AnomalyScorer scorer = AnomalyScorers.train(kind, normal, seed);
        long trainingMillis = (System.nanoTime() - start) / 1_000_000;
        BacktestResult backtest = Backtest.evaluate(scorer, heldBack, DEFAULT_THRESHOLD);
        return new Outcome(scorer, normal.length, DEFAULT_THRESHOLD, backtest, trainingMillis);
    }
}
