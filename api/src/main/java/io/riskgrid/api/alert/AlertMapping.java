package io.riskgrid.api.alert;

import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;

/**
 * The one place where ALERTS rows become REST records.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class AlertMapping {

    private AlertMapping() {
    }

    public static AlertView toView(AlertKey key, AlertRow r) {
        return new AlertView(key.alertId(), key.accountId(), r.limitId, r.metric, r.severity, r.status,
                known(r.currentValue), known(r.limitValue), known(r.utilization), known(r.peakUtilization),
                known(r.warnAt), r.scope, r.target, r.createdAt, r.updatedAt, r.severitySince, r.escalatedAt,
                r.resolvedAt, r.ackBy, r.ackAt, r.details);
    }

    /** A figure as JSON can carry it: NaN (not known) becomes null. */
    private static Double known(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
