package io.riskgrid.ml.grid;

import io.riskgrid.compute.JobProgress;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.ReturnHistoryRow;
import io.riskgrid.ml.backtest.BacktestResult;
import io.riskgrid.ml.forecast.EwmaForecaster;
import io.riskgrid.ml.forecast.ForecastEvaluation;
import io.riskgrid.ml.forecast.HarForecaster;
import io.riskgrid.ml.training.Training;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ScanQuery;

import javax.cache.Cache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        BacktestResult result = Training.backtest(model.scorer(), model.row().threshold, Training.heldBack(request.seed));
        BacktestReport r = report(model.version(), model.row().kind, request.seed, result);
        r.forecast = forecast(ignite);
        r.forecastErrorVsBaseline = r.forecast == null ? null : r.forecast.learnedQlike / r.forecast.baselineQlike;
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

    /** The forecast backtest on the grid's return history; null when it holds too little. */
    static BacktestReport.ForecastReport forecast(Ignite ignite) {
        IgniteCache<String, ReturnHistoryRow> history = ignite.cache(GridTables.RETURN_HISTORY);
        Map<String, double[]> byInstrument = new TreeMap<>();
        try (var cursor = history.query(new ScanQuery<String, ReturnHistoryRow>())) {
            for (Cache.Entry<String, ReturnHistoryRow> e : cursor) {
                if (e.getValue().returns != null) {
                    byInstrument.put(e.getKey(), e.getValue().returns);
                }
            }
        }
        List<double[]> series = new ArrayList<>(byInstrument.values());
        int shortest = series.stream().mapToInt(a -> a.length).min().orElse(0);
        int trainDays = shortest * TRAIN_SHARE_PCT / 100;
        if (series.isEmpty() || trainDays < HarForecaster.MIN_OBSERVATIONS || shortest - trainDays < 1) {
            return null;
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
        return f;
    }
}
