package io.riskgrid.ml.grid;

import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.ModelRow;
import io.riskgrid.ml.anomaly.AnomalyScorer;
import io.riskgrid.ml.anomaly.AnomalyScorers;
import io.riskgrid.ml.anomaly.ScorerKind;
import io.riskgrid.ml.feature.FeatureExtractor;
import io.riskgrid.ml.training.Training;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned anomaly models in MODELS. Exactly one model is CURRENT and every node scores with
 * it; a model's bytes never change once stored, so each node loads a version once and keeps it.
 * A new version becomes CURRENT only through {@link #promote}, which the TRAIN job calls when the
 * new model's backtest beats the current one's.
 * <p>
 * A grid with no model yet trains the bootstrap model the first time it scores: a PCA model from
 * the synthetic desk history with seed {@value #BOOTSTRAP_SEED}. Training is deterministic, so two
 * nodes that bootstrap at once store the same bytes under the same version.
 * <p>
 * Thread-safe.
 */
public final class ModelStore {

    public static final String CURRENT = "CURRENT";
    public static final String RETIRED = "RETIRED";
    public static final String REJECTED = "REJECTED";
    /** Version of the model a grid starts with. */
    public static final String BOOTSTRAP_VERSION = "PCA-000000";
    public static final long BOOTSTRAP_SEED = 7L;

    private static final String SEQUENCE = "riskgrid-model-version";
    private static final Map<String, AnomalyScorer> LOADED = new ConcurrentHashMap<>();

    private ModelStore() {
    }

    /** The model every node scores with, loaded. */
    public record Current(String version, ModelRow row, AnomalyScorer scorer) {
    }

    /** The CURRENT model, or null when the grid has none. */
    public static Current current(Ignite ignite) {
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT MODEL_VERSION FROM MODELS WHERE STATUS = ? "
                + "ORDER BY PROMOTED_AT DESC, MODEL_VERSION DESC LIMIT 1").setSchema(GridTables.SCHEMA).setArgs(CURRENT);
        if (!ignite.cluster().localNode().isClient()) {
            q.setLocal(true);
        }
        List<List<?>> rows = models(ignite).query(q).getAll();
        if (rows.isEmpty()) {
            return null;
        }
        String version = (String) rows.get(0).get(0);
        return load(ignite, version);
    }

    /** The CURRENT model, training and promoting the bootstrap model first if the grid has none. */
    public static Current currentOrBootstrap(Ignite ignite, long now) {
        Current c = current(ignite);
        if (c != null) {
            return c;
        }
        synchronized (ModelStore.class) {
            c = current(ignite);
            if (c != null) {
                return c;
            }
            Training.Outcome trained = Training.train(ScorerKind.PCA, BOOTSTRAP_SEED);
            ModelRow row = row(trained, BOOTSTRAP_SEED, now, null);
            models(ignite).putIfAbsent(BOOTSTRAP_VERSION, row);
            promote(ignite, BOOTSTRAP_VERSION, now);
            return current(ignite);
        }
    }

    /** A model version by id, loaded; null if unknown. */
    public static Current load(Ignite ignite, String version) {
        ModelRow row = models(ignite).get(version);
        if (row == null) {
            return null;
        }
        AnomalyScorer scorer = LOADED.computeIfAbsent(version, v -> AnomalyScorers.load(ScorerKind.valueOf(row.kind), row.bytes));
        return new Current(version, row, scorer);
    }

    /** The MODELS row of a freshly trained model (status left for the caller). */
    public static ModelRow row(Training.Outcome trained, long seed, long now, String jobId) {
        ModelRow row = new ModelRow();
        row.kind = trained.scorer().kind().name();
        row.status = REJECTED;
        row.createdAt = now;
        row.seed = seed;
        row.trainingSamples = trained.trainingSamples();
        row.features = String.join(",", FeatureExtractor.NAMES);
        row.threshold = trained.threshold();
        row.precision = trained.backtest().precision();
        row.recall = trained.backtest().recall();
        row.f1 = trained.backtest().f1();
        row.jobId = jobId;
        row.bytes = trained.scorer().save();
        return row;
    }

    /** Stores a new model under a fresh version ({@code PCA-000004}) and returns the version. */
    public static String store(Ignite ignite, ModelRow row) {
        long n = ignite.atomicSequence(SEQUENCE, 0, true).incrementAndGet();
        String version = String.format("%s-%06d", row.kind, n);
        models(ignite).put(version, row);
        return version;
    }

    /** Makes {@code version} the CURRENT model and retires the one before. */
    public static synchronized void promote(Ignite ignite, String version, long now) {
        IgniteCache<String, ModelRow> models = models(ignite);
        ModelRow next = models.get(version);
        if (next == null) {
            throw new IllegalArgumentException("model version '" + version + "' not found");
        }
        next.status = CURRENT;
        next.promotedAt = now;
        models.put(version, next);
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT MODEL_VERSION FROM MODELS WHERE STATUS = ? AND MODEL_VERSION <> ?")
                .setSchema(GridTables.SCHEMA).setArgs(CURRENT, version);
        for (List<?> r : models.query(q).getAll()) {
            ModelRow old = models.get((String) r.get(0));
            if (old != null) {
                old.status = RETIRED;
                models.put((String) r.get(0), old);
            }
        }
    }

    private static IgniteCache<String, ModelRow> models(Ignite ignite) {
        return ignite.cache(GridTables.MODELS);
    }
}
