package io.riskgrid.ml.grid;

import io.riskgrid.compute.JobProgress;
import io.riskgrid.ml.backtest.Backtest;
import io.riskgrid.ml.backtest.BacktestResult;
import io.riskgrid.ml.forecast.EwmaForecaster;
import io.riskgrid.ml.forecast.ForecastEvaluation;
import io.riskgrid.ml.forecast.HarForecaster;
import io.riskgrid.ml.training.Training;
import org.apache.ignite.Ignite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The BACKTEST job: scores the held-back labelled synthetic history of the request's seed with a
 * model (the CURRENT one unless a version is named) and reports precision and recall of its
 * alerts; and fits the learned volatility forecast (HAR) on the first {@value #TRAIN_SHARE_PCT}% of
 * the grid's return history and compares it with the EWMA baseline on the rest. Callable by name
 * ({@value #NAME}, argument a {@link BacktestRequest}).
 */
public final class BacktestTask extends ServerJobTask<BacktestRequest, BacktestReport> {

    private static final long serialVersionUID = 1L;
    public static final String NAME = "io.riskgrid.ml.grid.BacktestTask";
    /** Share of each instrument's return history the forecast is fitted on; the rest is held back. */
    static final int TRAIN_SHARE_PCT = 70;

    public BacktestTask() {
        this(JobProgress.NONE);
    }

    public BacktestTask(JobProgress progress) {
        super(progress);
    }

    @Override
    BacktestReport run(Ignite ignite, BacktestRequest request) {
        ModelStore.Current model = request.modelVersion == null
                ? ModelStore.currentOrBootstrap(ignite, System.currentTimeMillis())
                : ModelStore.load(ignite, request.modelVersion);
        if (model == null) {
            throw new IllegalArgumentException("model version '" + request.modelVersion + "' not found");
        }
        BacktestResult result = Backtest.evaluate(model.scorer(), Training.heldBack(request.seed), model.row().threshold);
        BacktestReport r = report(model.version(), model.row().kind, request.seed, result);
        forecast(ignite, r);
        return r;
    }

    /** The report of a backtest result. */
    static BacktestReport report(String version, String kind, long seed, BacktestResult b) {
        BacktestReport r = new BacktestReport();
        r.modelVersion = version;
        r.modelKind = kind;
        r.seed = seed;
        r.threshold = b.threshold();
        r.precision = b.precision();
        r.recall = b.recall();
        r.f1 = b.f1();
        r.truePositives = b.truePositives();
        r.falsePositives = b.falsePositives();
        r.incidents = b.incidents();
        r.incidentsCaught = b.caughtIncidents();
        r.normalSamples = b.normalSamples();
        r.falseAlertsPerAccountHour = b.falseAlertsPerAccountHour();
        r.recallByIncident = new LinkedHashMap<>();
        b.recallByType().forEach((type, recall) -> r.recallByIncident.put(type.name(), recall));
        return r;
    }

    /** Adds the forecast backtest on the grid's return history; leaves it null when the grid holds too little. */
    static void forecast(Ignite ignite, BacktestReport r) {
        List<double[]> series = new ArrayList<>(PredictiveRisk.returnHistory(ignite).values());
        int shortest = series.stream().mapToInt(a -> a.length).min().orElse(0);
        int trainDays = shortest * TRAIN_SHARE_PCT / 100;
        if (series.isEmpty() || trainDays < HarForecaster.MIN_OBSERVATIONS || shortest - trainDays < 1) {
            return;
        }
        double[][] returns = series.toArray(new double[0][]);
        HarForecaster learned = HarForecaster.fit(returns, trainDays);
        ForecastEvaluation.Result e = ForecastEvaluation.compare(returns, trainDays, EwmaForecaster.DEFAULT, learned);
        BacktestReport.ForecastReport f = new BacktestReport.ForecastReport();
        f.baseline = EwmaForecaster.DEFAULT.name();
        f.learned = learned.name();
        f.loss = "QLIKE";
        f.trainDays = trainDays;
        f.observations = e.observations();
        f.baselineQlike = e.baselineQlike();
        f.learnedQlike = e.learnedQlike();
        f.baselineMse = e.baselineMse();
        f.learnedMse = e.learnedMse();
        r.forecast = f;
        r.forecastErrorVsBaseline = e.forecastErrorVsBaseline();
    }
}
