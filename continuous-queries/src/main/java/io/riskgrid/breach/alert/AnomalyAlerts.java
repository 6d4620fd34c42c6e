package io.riskgrid.breach.alert;

import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

/**
 * Opens, updates and resolves an account's ANOMALY alert from its anomaly scores, through the same
 * ALERTS rows, entry processors, acknowledgement and escalation as a limit breach. The alert's
 * limit id and metric are {@value #METRIC}; its current value is the score, its limit value the
 * threshold, its utilization score / threshold, and {@code details} names the features that drove
 * the score. Severity is HIGH at or above the threshold and CRITICAL at a score of 1 (beyond every
 * sample of normal trading the model was trained on).
 * <p>
 * Each write carries the scoring time as its version, so an older score never overwrites a newer
 * one. Stateless and thread-safe.
 */
public final class AnomalyAlerts {

    /** Limit id and metric of an anomaly alert. */
    public static final String METRIC = "ANOMALY";

    private final IgniteCache<AlertKey, AlertRow> alerts;

    public AnomalyAlerts(Ignite ignite) {
        this.alerts = ignite.cache(GridTables.ALERTS);
    }

    /** The id of an anomaly alert first raised at {@code raisedAt}. */
    public static String alertId(long raisedAt) {
        return METRIC + "-" + raisedAt;
    }

    /** The severity of a score at or above {@code threshold}. */
    public static Severity severity(double score) {
        return score >= 1 ? Severity.CRITICAL : Severity.HIGH;
    }

    /**
     * Raises the alert {@code alertId} or brings its figures up to date.
     *
     * @return what the write did
     */
    public AlertChange.Outcome raise(String accountId, String alertId, double score, double threshold, String details,
                                     long scoredAt) {
        return alerts.invoke(new AlertKey(accountId, alertId), new AlertChange.Upsert(METRIC, METRIC, "ACCOUNT", null,
                severity(score).name(), score, threshold, score / threshold, Double.NaN, scoredAt, scoredAt,
                details));
    }

    /**
     * Resolves the alert once the score is back below the threshold.
     *
     * @return what the write did
     */
    public AlertChange.Outcome resolve(String accountId, String alertId, double score, double threshold, long scoredAt) {
        return alerts.invoke(new AlertKey(accountId, alertId),
                new AlertChange.Resolve(score, score / threshold, scoredAt, scoredAt));
    }
}
