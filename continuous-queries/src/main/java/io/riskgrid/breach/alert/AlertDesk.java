package io.riskgrid.breach.alert;

import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;

import static org.apache.ignite.transactions.TransactionConcurrency.PESSIMISTIC;
import static org.apache.ignite.transactions.TransactionIsolation.REPEATABLE_READ;

/**
 * Where people act on alerts: acknowledging one records who took it on and when, and is audited
 * as ALERT_ACKNOWLEDGED in the same transaction. An alert id names its account
 * ({@code <accountId>-A<n>}), so an alert is found by id alone.
 * <p>
 * This class is thread-safe.
 */
public final class AlertDesk {

    private final Ignite ignite;
    private final IgniteCache<AlertKey, AlertRow> alerts;
    private final IgniteCache<String, AuditRow> audit;

    public AlertDesk(Ignite ignite) {
        this.ignite = ignite;
        this.alerts = ignite.cache(GridTables.ALERTS);
        this.audit = ignite.cache(GridTables.AUDIT_LOG);
    }

    /** The alert, or null. */
    public AlertRow get(String alertId) {
        AlertKey key = AlertKey.ofAlertId(alertId);
        return key == null ? null : alerts.get(key);
    }

    /**
     * Acknowledges an open alert.
     *
     * @return ACKNOWLEDGED, NOT_FOUND, or NOT_OPEN for a resolved alert (nothing is written then)
     */
    public AlertChange.Outcome acknowledge(String alertId, String actor, String comment, long now) {
        AlertKey key = AlertKey.ofAlertId(alertId);
        if (key == null) {
            return AlertChange.Outcome.NOT_FOUND;
        }
        try (Transaction tx = ignite.transactions().txStart(PESSIMISTIC, REPEATABLE_READ)) {
            AlertRow before = alerts.get(key);
            AlertChange.Outcome o = alerts.invoke(key, new AlertChange.Acknowledge(actor, now));
            if (o == AlertChange.Outcome.ACKNOWLEDGED) {
                audit.put(AuditTrail.newEventId(now), AuditTrail.row(now, actor, "ALERT_ACKNOWLEDGED", key.accountId(),
                        before.status, "ACKNOWLEDGED", comment, null, "alert " + alertId + " (" + before.metric + " "
                                + before.severity + ", limit " + before.limitId + ")"));
                tx.commit();
            }
            return o;
        }
    }
}
