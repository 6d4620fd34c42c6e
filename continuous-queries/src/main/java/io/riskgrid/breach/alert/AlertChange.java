package io.riskgrid.breach.alert;

import io.riskgrid.core.alert.AlertStatus;
import io.riskgrid.core.alert.Severity;
import io.riskgrid.grid.schema.AlertRow;

import io.riskgrid.grid.schema.AlertKey;
import org.apache.ignite.cache.CacheEntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * The changes the grid makes to one ALERTS row, each an entry processor that runs atomically on
 * the row's primary node, so that the breach engine, the escalation tick and a person
 * acknowledging never overwrite each other's fields.
 * <ul>
 *   <li>{@link Upsert} raises the alert or updates its figures and severity from a newer ACCOUNT_RISK
 *       row; a rise in severity makes an ACKNOWLEDGED alert ACTIVE again.</li>
 *   <li>{@link Resolve} marks it RESOLVED once its breach closed.</li>
 *   <li>{@link Escalate} marks an unacknowledged HIGH or CRITICAL alert ESCALATED.</li>
 *   <li>{@link Acknowledge} records who took an open alert on, and when.</li>
 * </ul>
 * Upsert and Resolve carry the version of the risk row they come from and change nothing when the
 * alert was already derived from a newer one, so replaying an old event is harmless.
 */
public final class AlertChange {

    /** What a processor did, as a processor result. */
    public enum Outcome { RAISED, UPDATED, SEVERITY_CHANGED, RESOLVED, ESCALATED, ACKNOWLEDGED, UNCHANGED, NOT_FOUND, NOT_OPEN }

    private AlertChange() {
    }

    /** Raises or updates an alert from a breach in an ACCOUNT_RISK row. */
    public static final class Upsert implements CacheEntryProcessor<AlertKey, AlertRow, Outcome> {
        private static final long serialVersionUID = 1L;
        final String limitId;
        final String metric;
        final String scope;
        final String target;
        final String severity;
        final double currentValue;
        final double limitValue;
        final double utilization;
        final double warnAt;
        final long version;
        final long ts;
        final String details;

        public Upsert(String limitId, String metric, String scope, String target, String severity, double currentValue,
                      double limitValue, double utilization, double warnAt, long version, long ts) {
            this(limitId, metric, scope, target, severity, currentValue, limitValue, utilization, warnAt, version, ts, null);
        }

        /** @param details what drove the alert, for people (an ANOMALY alert's features); null keeps the row's */
        public Upsert(String limitId, String metric, String scope, String target, String severity, double currentValue,
                      double limitValue, double utilization, double warnAt, long version, long ts, String details) {
            this.limitId = limitId;
            this.metric = metric;
            this.scope = scope;
            this.target = target;
            this.severity = severity;
            this.currentValue = currentValue;
            this.limitValue = limitValue;
            this.utilization = utilization;
            this.warnAt = warnAt;
            this.version = version;
            this.ts = ts;
            this.details = details;
        }

        @Override
        public Outcome process(MutableEntry<AlertKey, AlertRow> entry, Object... args) {
            AlertRow row = entry.getValue();
            Outcome outcome;
            if (row == null) {
                row = new AlertRow();
                row.limitId = limitId;
                row.metric = metric;
                row.status = AlertStatus.ACTIVE.name();
                row.severity = severity;
                row.createdAt = ts;
                row.severitySince = ts;
                outcome = Outcome.RAISED;
            } else if (version <= row.sourceVersion || AlertStatus.RESOLVED.name().equals(row.status)) {
                return Outcome.UNCHANGED;
            } else if (!severity.equals(row.severity)) {
                boolean rose = Severity.valueOf(severity).above(Severity.valueOf(row.severity));
                row.severity = severity;
                row.severitySince = ts;
                if (rose && AlertStatus.ACKNOWLEDGED.name().equals(row.status)) {
                    row.status = AlertStatus.ACTIVE.name();
                }
                outcome = Outcome.SEVERITY_CHANGED;
            } else {
                outcome = Outcome.UPDATED;
            }
            row.scope = scope;
            row.target = target;
            row.currentValue = currentValue;
            row.limitValue = limitValue;
            row.utilization = utilization;
            row.warnAt = warnAt;
            row.peakUtilization = Math.max(row.peakUtilization, utilization);
            row.updatedAt = ts;
            row.sourceVersion = version;
            if (details != null) {
                row.details = details;
            }
            entry.setValue(row);
            return outcome;
        }
    }

    /** Resolves an alert whose breach closed. */
    public static final class Resolve implements CacheEntryProcessor<AlertKey, AlertRow, Outcome> {
        private static final long serialVersionUID = 1L;
        final double currentValue;
        final double utilization;
        final long version;
        final long ts;

        /** @param currentValue the limit's value when the breach closed, NaN if the limit itself was removed */
        public Resolve(double currentValue, double utilization, long version, long ts) {
            this.currentValue = currentValue;
            this.utilization = utilization;
            this.version = version;
            this.ts = ts;
        }

        @Override
        public Outcome process(MutableEntry<AlertKey, AlertRow> entry, Object... args) {
            AlertRow row = entry.getValue();
            if (row == null) {
                return Outcome.NOT_FOUND;
            }
            if (AlertStatus.RESOLVED.name().equals(row.status) || version < row.sourceVersion) {
                return Outcome.UNCHANGED;
            }
            row.status = AlertStatus.RESOLVED.name();
            if (!Double.isNaN(currentValue)) {
                row.currentValue = currentValue;
                row.utilization = utilization;
            }
            row.resolvedAt = ts;
            row.updatedAt = ts;
            row.sourceVersion = Math.max(row.sourceVersion, version);
            entry.setValue(row);
            return Outcome.RESOLVED;
        }
    }

    /** Escalates an alert that stayed unacknowledged at HIGH or CRITICAL for too long. */
    public static final class Escalate implements CacheEntryProcessor<AlertKey, AlertRow, Outcome> {
        private static final long serialVersionUID = 1L;
        final long highAfterMs;
        final long criticalAfterMs;
        final long now;

        public Escalate(long highAfterMs, long criticalAfterMs, long now) {
            this.highAfterMs = highAfterMs;
            this.criticalAfterMs = criticalAfterMs;
            this.now = now;
        }

        @Override
        public Outcome process(MutableEntry<AlertKey, AlertRow> entry, Object... args) {
            AlertRow row = entry.getValue();
            if (row == null) {
                return Outcome.NOT_FOUND;
            }
            if (!AlertStatus.ACTIVE.name().equals(row.status)) {
                return Outcome.UNCHANGED;
            }
            long waited = now - row.severitySince;
            boolean due = Severity.CRITICAL.name().equals(row.severity) ? waited >= criticalAfterMs
                    : Severity.HIGH.name().equals(row.severity) && waited >= highAfterMs;
            if (!due) {
                return Outcome.UNCHANGED;
            }
            row.status = AlertStatus.ESCALATED.name();
            row.escalatedAt = now;
            row.updatedAt = now;
            entry.setValue(row);
            return Outcome.ESCALATED;
        }
    }

    /** Acknowledges an open alert. */
    public static final class Acknowledge implements CacheEntryProcessor<AlertKey, AlertRow, Outcome> {
        private static final long serialVersionUID = 1L;
        final String actor;
        final long now;

        public Acknowledge(String actor, long now) {
            this.actor = actor;
            this.now = now;
        }

        @Override
        public Outcome process(MutableEntry<AlertKey, AlertRow> entry, Object... args) {
            AlertRow row = entry.getValue();
            if (row == null) {
                return Outcome.NOT_FOUND;
            }
            if (AlertStatus.RESOLVED.name().equals(row.status)) {
                return Outcome.NOT_OPEN;
            }
            row.status = AlertStatus.ACKNOWLEDGED.name();
            row.ackBy = actor;
            row.ackAt = now;
            row.updatedAt = now;
            entry.setValue(row);
            return Outcome.ACKNOWLEDGED;
        }
    }
}
