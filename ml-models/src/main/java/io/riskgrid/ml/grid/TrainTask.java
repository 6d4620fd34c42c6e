package io.riskgrid.ml.grid;

import io.riskgrid.compute.JobProgress;
import io.riskgrid.grid.schema.ModelRow;
import io.riskgrid.ml.anomaly.ScorerKind;
import io.riskgrid.ml.backtest.Backtest;
import io.riskgrid.ml.backtest.BacktestResult;
import io.riskgrid.ml.simulation.LabelledSample;
import io.riskgrid.ml.training.Training;
import org.apache.ignite.Ignite;

import java.util.List;

/**
 * The TRAIN job: trains an anomaly model on a server node from the synthetic desk history of the
 * request's seed, stores it in MODELS under a new version, backtests it and the CURRENT model on
 * the same held-back labelled history, and promotes it to CURRENT only when its F1 score (the
 * harmonic mean of precision and recall) is higher; otherwise it is stored as REJECTED. With no
 * current model, it is promoted. Callable by name ({@value #NAME}, argument a {@link TrainRequest}).
 */
public final class TrainTask extends ServerJobTask<TrainRequest, TrainResult> {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "io.riskgrid.ml.grid.TrainTask";

    public TrainTask() {
        this(JobProgress.NONE);
    }

    public TrainTask(JobProgress progress) {
        super(progress);
    }

    @Override
    TrainResult run(Ignite ignite, TrainRequest request) {
        ScorerKind kind;
        try {
            kind = ScorerKind.valueOf(request.kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("model must be PCA or AUTOENCODER, was '" + request.kind + "'");
        }
        long now = System.currentTimeMillis();
        List<LabelledSample> heldBack = Training.heldBack(request.seed);
        Training.Outcome trained = Training.train(kind, request.seed, heldBack);
        ModelStore.Current current = ModelStore.current(ignite);

        ModelRow row = ModelStore.row(trained, request.seed, now, request.jobId);
        String version = ModelStore.store(ignite, row);
        TrainResult r = new TrainResult();
        r.modelVersion = version;
        r.kind = kind.name();
        r.seed = request.seed;
        r.trainingSamples = trained.trainingSamples();
        r.trainingMillis = trained.trainingMillis();
        r.threshold = trained.threshold();
        r.backtest = BacktestTask.report(version, kind.name(), request.seed, trained.backtest());
        if (current == null) {
            r.promoted = true;
            r.reason = "no model was current";
        } else {
            BacktestResult old = Backtest.evaluate(current.scorer(), heldBack, current.row().threshold);
            r.currentBacktest = BacktestTask.report(current.version(), current.row().kind, request.seed, old);
            r.promoted = trained.backtest().f1() > old.f1();
            r.reason = String.format(java.util.Locale.ROOT, "F1 %.4f %s the current model %s's %.4f on the same held-back "
                    + "history", trained.backtest().f1(), r.promoted ? "beats" : "does not beat", current.version(), old.f1());
        }
        if (r.promoted) {
            ModelStore.promote(ignite, version, System.currentTimeMillis());
        }
        return r;
    }
}
