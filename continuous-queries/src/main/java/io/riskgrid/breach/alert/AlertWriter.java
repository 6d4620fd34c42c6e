package io.riskgrid.breach.alert;

import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns the breaches recorded in an account's ACCOUNT_RISK row into ALERTS rows: every open breach
 * raises or updates its alert, and an alert whose breach is no longer open is resolved. The row
 * carries everything needed (limit ids, values, utilizations, severities, alert ids), so this reads
 * nothing but the limit's definition, and every write is an idempotent entry processor:
 * applying the same row twice, or an older row after a newer one, changes nothing.
 * <p>
 * This class is thread-safe.
 */
public final class AlertWriter {

    /** Utilization moves smaller than this do not rewrite an open alert's figures. */
    public static final double UTILIZATION_STEP = 0.005;

    private final IgniteCache<AlertKey, AlertRow> alerts;
    private final IgniteCache<LimitKey, LimitRow> limits;

    public AlertWriter(Ignite ignite) {
        this.alerts = ignite.cache(GridTables.ALERTS);
        this.limits = ignite.cache(GridTables.LIMITS);
    }

    /**
     * Applies the change from {@code before} (null if unknown) to {@code after}.
     *
     * @return how many alerts were raised, changed severity or resolved
     */
    public int write(String accountId, AccountRiskRow before, AccountRiskRow after) {
        if (after == null || after.limitIds == null) {
            return 0;
        }
        int changes = 0;
        Set<String> open = new HashSet<>();
        for (int i = 0; i < after.limitIds.length; i++) {
            String alertId = after.breachAlertIds == null ? null : after.breachAlertIds[i];
            if (alertId == null) {
                continue;
            }
            open.add(alertId);
            if (unchanged(before, after, i, alertId)) {
                continue;
            }
            LimitRow limit = limits.get(new LimitKey(accountId, after.limitIds[i]));
            String metric = limit == null ? null : limit.metric;
            String scope = limit == null ? null : limit.scope;
            String target = limit == null ? null : limit.target;
            double warnAt = limit == null || limit.warnAt == null ? Double.NaN : limit.warnAt;
            AlertChange.Outcome o = alerts.invoke(new AlertKey(accountId, alertId), new AlertChange.Upsert(after.limitIds[i],
                    metric, scope, target, after.breachSeverities[i], after.currentValues[i], after.limitValues[i],
                    after.utilizations[i], warnAt, after.version, after.updatedAt));
            if (o == AlertChange.Outcome.RAISED || o == AlertChange.Outcome.SEVERITY_CHANGED) {
                changes++;
            }
        }
        if (before != null && before.breachAlertIds != null) {
            for (int j = 0; j < before.breachAlertIds.length; j++) {
                String alertId = before.breachAlertIds[j];
                if (alertId != null && !open.contains(alertId)) {
                    changes += resolve(accountId, alertId, after, before.limitIds[j]);
                }
            }
        }
        return changes;
    }

    /**
     * True when the previous row had the same breach (alert id and severity) at a utilization within
     * {@value #UTILIZATION_STEP}: the alert's figures are then left as they are, so that a re-mark of
     * every account does not rewrite every open alert. Its figures trail by less than that step.
     */
    private static boolean unchanged(AccountRiskRow before, AccountRiskRow after, int i, String alertId) {
        if (before == null || before.limitIds == null || before.breachAlertIds == null) {
            return false;
        }
        int j = i < before.limitIds.length && before.limitIds[i].equals(after.limitIds[i]) ? i
                : java.util.Arrays.asList(before.limitIds).indexOf(after.limitIds[i]);
        return j >= 0 && alertId.equals(before.breachAlertIds[j])
                && after.breachSeverities[i].equals(before.breachSeverities[j])
                && Math.abs(after.utilizations[i] - before.utilizations[j]) < UTILIZATION_STEP;
    }

    /**
     * Resolves every alert in {@code openAlertIds} that the row no longer has open: the repair
     * after a resolution event was lost with a failed node.
     */
    public int resolveMissing(String accountId, AccountRiskRow row, Collection<String> openAlertIds) {
        Set<String> open = new HashSet<>();
        if (row.breachAlertIds != null) {
            for (String id : row.breachAlertIds) {
                if (id != null) {
                    open.add(id);
                }
            }
        }
        int n = 0;
        for (String id : openAlertIds) {
            if (!open.contains(id)) {
                n += resolve(accountId, id, row, null);
            }
        }
        return n;
    }

    private int resolve(String accountId, String alertId, AccountRiskRow after, String limitId) {
        int k = limitId == null || after.limitIds == null ? -1 : java.util.Arrays.asList(after.limitIds).indexOf(limitId);
        double current = k < 0 ? Double.NaN : after.currentValues[k];
        double utilization = k < 0 ? Double.NaN : after.utilizations[k];
        AlertChange.Outcome o = alerts.invoke(new AlertKey(accountId, alertId),
                new AlertChange.Resolve(current, utilization, after.version, after.updatedAt));
        return o == AlertChange.Outcome.RESOLVED ? 1 : 0;
    }
}
