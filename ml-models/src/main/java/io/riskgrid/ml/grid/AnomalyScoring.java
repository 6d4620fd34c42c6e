package io.riskgrid.ml.grid;

import io.riskgrid.breach.alert.AlertChange;
import io.riskgrid.breach.alert.AnomalyAlerts;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AnomalyRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.ml.feature.AccountState;
import io.riskgrid.ml.feature.FeatureExtractor;
import io.riskgrid.ml.feature.FeatureWindows;
import io.riskgrid.ml.feature.FillEvent;
import io.riskgrid.ml.forecast.AdaptiveLimitPolicy;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.cache.CachePeekMode;

import javax.cache.Cache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Scores accounts for anomalies on the node that holds them. On a schedule (every
 * {@value #DEFAULT_INTERVAL_MS} ms) each server node scores every account it is primary for;
 * {@link AnomalyScoreTask} scores one account on demand, on its primary. Scoring one account reads
 * its fills of the feature windows, its positions and its risk row locally, computes the features
 * ({@link FeatureExtractor}), scores them with the grid's CURRENT model, writes ANOMALY_SCORES, and
 * raises, updates or resolves the account's ANOMALY alert ({@link AnomalyAlerts}): raised when the
 * score reaches the model's threshold, resolved when it falls back below it.
 * <p>
 * Each scheduled cycle then brings the node's adaptive limits in line with the volatility
 * forecast ({@link PredictiveRisk#adaptLocal}).
 * <p>
 * An account with fewer than {@value #MIN_FILLS} fills in the windows is not judged (its features
 * say nothing yet): its row is written with score 0. An account whose first fill in the grid is
 * younger than the lookback (a grid or account that has just started trading) is compared with the
 * history it has: the baseline window shrinks to the time between its first fill and the recent
 * window, and while that is not longer than the recent window the account is not judged. Without
 * this, every account would trade "far faster than its habit" in a grid's first minutes.
 * <p>
 * Thread-safe: one scheduler thread per node; {@link #score(String, long)} may be called from any thread.
 */
public final class AnomalyScoring implements AutoCloseable {

    /** Scoring period of the schedule. */
    public static final long DEFAULT_INTERVAL_MS = 10_000;
    /** Fills an account needs in the feature windows before it is scored. */
    public static final int MIN_FILLS = 5;
    private static final String NODE_LOCAL_KEY = AnomalyScoring.class.getName();
    private static final int DRIVERS = 3;

    private final Ignite ignite;
    private final LongSupplier clock;
    private final IgniteLogger log;
    private final FeatureExtractor extractor;
    private final FeatureWindows windows;
    private final AnomalyAlerts alerts;
    private final ScheduledExecutorService scheduler;

    private AnomalyScoring(Ignite ignite, LongSupplier clock, long intervalMs) {
        this.ignite = ignite;
        this.clock = clock;
        this.log = ignite.log().getLogger(AnomalyScoring.class);
        this.windows = FeatureWindows.DEFAULT;
        this.extractor = new FeatureExtractor(windows);
        this.alerts = new AnomalyAlerts(ignite);
        if (intervalMs > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "riskgrid-anomaly-scoring-" + ignite.name());
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::scheduled, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /**
     * Starts scoring on a server node and registers it in the node-local map.
     *
     * @param intervalMs period of the schedule; 0 for none (on demand only)
     */
    public static AnomalyScoring start(Ignite ignite, LongSupplier clock, long intervalMs) {
        if (ignite.cluster().localNode().isClient()) {
            throw new IllegalStateException("anomaly scoring runs on server nodes only");
        }
        AnomalyScoring scoring = new AnomalyScoring(ignite, clock, intervalMs);
        ignite.cluster().<String, Object>nodeLocalMap().put(NODE_LOCAL_KEY, scoring);
        return scoring;
    }

    /** The scoring started on this node, or null. */
    public static AnomalyScoring running(Ignite ignite) {
        return (AnomalyScoring) ignite.cluster().<String, Object>nodeLocalMap().get(NODE_LOCAL_KEY);
    }

    /** The scoring of this node; started on demand (no schedule) if the node has none. */
    public static AnomalyScoring of(Ignite ignite) {
        AnomalyScoring s = running(ignite);
        if (s != null) {
            return s;
        }
        synchronized (AnomalyScoring.class) {
            s = running(ignite);
            return s != null ? s : start(ignite, System::currentTimeMillis, 0);
        }
    }

    private void scheduled() {
        long now = clock.getAsLong();
        try {
            scoreLocal(now);
        } catch (RuntimeException e) {
            // A cycle that fails (a node leaving mid-scan) is retried by the next one.
            log.warning("anomaly scoring failed: " + e.getMessage(), e);
        }
        try {
            PredictiveRisk.adaptLocal(ignite, now, AdaptiveLimitPolicy.DEFAULT);
        } catch (RuntimeException e) {
            log.warning("adaptive limits failed: " + e.getMessage(), e);
        }
    }

    /**
     * Scores every account this node is primary for.
     *
     * @return the results, one per account
     */
    public List<AnomalyResult> scoreLocal(long now) {
        IgniteCache<String, AccountRiskRow> risk = ignite.cache(GridTables.ACCOUNT_RISK);
        List<String> ids = new ArrayList<>();
        for (Cache.Entry<String, AccountRiskRow> e : risk.localEntries(CachePeekMode.PRIMARY)) {
            ids.add(e.getKey());
        }
        List<AnomalyResult> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            AnomalyResult r = score(id, now);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Scores one account at {@code now}, writes its ANOMALY_SCORES row and its alert. Call it on
     * the account's primary node (elsewhere it reads remotely, and says so in the result).
     *
     * @return the result, or null for an account without a risk row
     */
    public synchronized AnomalyResult score(String accountId, long now) {
        AccountState state = AccountData.state(ignite, accountId);
        if (state == null) {
            return null;
        }
        ModelStore.Current model = ModelStore.currentOrBootstrap(ignite, now);
        List<FillEvent> fills = AccountData.fills(ignite, accountId, now - windows.lookbackMs(), now);
        FeatureExtractor features = extractor;
        boolean judged = fills.size() >= MIN_FILLS;
        if (judged && !AccountData.hasFillBefore(ignite, accountId, now - windows.lookbackMs())) {
            // The grid holds less history of this account than the baseline window: compare the last
            // minute with the history it has, or do not judge it while that is shorter than a minute.
            long covered = now - windows.recentMs() - fills.get(0).ts();
            judged = covered > windows.recentMs();
            if (judged) {
                features = new FeatureExtractor(new FeatureWindows(windows.recentMs(), covered));
            }
        }
        double[] x = features.features(fills, state, now);
        double score = judged ? model.scorer().score(x) : 0;
        double threshold = model.row().threshold;

        AnomalyResult r = new AnomalyResult();
        r.accountId = accountId;
        r.score = score;
        r.threshold = threshold;
        r.anomalous = judged && score >= threshold;
        r.modelVersion = model.version();
        r.modelKind = model.row().kind;
        r.features = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            r.features.put(FeatureExtractor.NAMES.get(i), x[i]);
        }
        r.drivers = judged ? drivers(model.scorer().contributions(x)) : new LinkedHashMap<>();
        r.scoredAt = now;
        r.node = String.valueOf(ignite.cluster().localNode().consistentId());
        r.primary = ignite.affinity(GridTables.ACCOUNTS).isPrimary(ignite.cluster().localNode(), accountId);

        IgniteCache<String, AnomalyRow> rows = ignite.cache(GridTables.ANOMALY_SCORES);
        AnomalyRow before = rows.get(accountId);
        String openAlert = before == null ? null : before.alertId;
        if (r.anomalous) {
            String alertId = openAlert != null ? openAlert : AnomalyAlerts.alertId(now);
            String details = "score " + String.format(java.util.Locale.ROOT, "%.4f", score) + " >= threshold "
                    + threshold + " (model " + model.version() + "); drivers: " + AnomalyResult.text(r.drivers)
                    + "; features: " + AnomalyResult.text(r.features);
            AlertChange.Outcome o = alerts.raise(accountId, alertId, score, threshold, details, now);
            r.alertOutcome = o == AlertChange.Outcome.UNCHANGED ? null : o.name();
            r.alertId = alertId;
        } else if (openAlert != null) {
            AlertChange.Outcome o = alerts.resolve(accountId, openAlert, score, threshold, now);
            r.alertOutcome = o == AlertChange.Outcome.UNCHANGED ? null : o.name();
            r.alertId = null;
        }
        AnomalyRow row = new AnomalyRow();
        row.score = score;
        row.threshold = threshold;
        row.modelVersion = model.version();
        row.features = AnomalyResult.text(r.features);
        row.drivers = AnomalyResult.text(r.drivers);
        row.scoredAt = now;
        row.node = r.node;
        row.alertId = r.alertId;
        rows.put(accountId, row);
        return r;
    }

    /** The {@value #DRIVERS} largest contributions, largest first, by feature name. */
    private static LinkedHashMap<String, Double> drivers(double[] shares) {
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(shares[b], shares[a]));
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < Math.min(DRIVERS, order.length); k++) {
            out.put(FeatureExtractor.NAMES.get(order[k]), shares[order[k]]);
        }
        return out;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        ignite.cluster().<String, Object>nodeLocalMap().remove(NODE_LOCAL_KEY, this);
    }
}
