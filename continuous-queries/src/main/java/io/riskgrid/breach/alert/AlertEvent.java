package io.riskgrid.breach.alert;

import io.riskgrid.grid.schema.AlertRow;

import java.util.Objects;

/**
 * A change in an alert's life as the {@link AlertFeed} delivers it: raised, severity up or down,
 * acknowledged, escalated, resolved. Carries the alert's figures after the change.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param kind             what happened
 * @param previousSeverity the severity before, null for a new alert
 * @param previousStatus   the status before, null for a new alert
 */
public record AlertEvent(Kind kind, String accountId, String alertId, String limitId, String metric, String severity,
                         String status, String previousSeverity, String previousStatus, double currentValue,
                         double limitValue, double utilization, long createdAt, long updatedAt, String ackBy) {

    /** What happened to the alert. */
    public enum Kind { RAISED, SEVERITY_UP, SEVERITY_DOWN, ACKNOWLEDGED, ESCALATED, RESOLVED, REOPENED }

    /** The event of a change from {@code before} (null when new) to {@code after}; null when nothing a person would act on changed. */
    public static AlertEvent of(String accountId, String alertId, AlertRow before, AlertRow after) {
        Kind kind = kind(before, after);
        if (kind == null) {
            return null;
        }
        return new AlertEvent(kind, accountId, alertId, after.limitId, after.metric, after.severity, after.status,
                before == null ? null : before.severity, before == null ? null : before.status, after.currentValue,
                after.limitValue, after.utilization, after.createdAt, after.updatedAt, after.ackBy);
    }

    static Kind kind(AlertRow before, AlertRow after) {
        if (after == null) {
            return null;
        }
        if (before == null) {
            return Kind.RAISED;
        }
        if (!Objects.equals(before.status, after.status)) {
            return switch (after.status) {
                case "RESOLVED" -> Kind.RESOLVED;
                case "ACKNOWLEDGED" -> Kind.ACKNOWLEDGED;
                case "ESCALATED" -> Kind.ESCALATED;
                case "ACTIVE" -> !Objects.equals(before.severity, after.severity) ? Kind.SEVERITY_UP : Kind.REOPENED;
                default -> null;
            };
        }
        if (!Objects.equals(before.severity, after.severity)) {
            return io.riskgrid.core.alert.Severity.valueOf(after.severity)
                    .above(io.riskgrid.core.alert.Severity.valueOf(before.severity)) ? Kind.SEVERITY_UP : Kind.SEVERITY_DOWN;
        }
        return null;
    }
}
