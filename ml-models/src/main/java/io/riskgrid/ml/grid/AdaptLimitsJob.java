package io.riskgrid.ml.grid;

import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.compute.control.PutLimitsJob;
import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.grid.schema.LimitRow;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tightens or restores an account's adaptive limits (ACCOUNT-scope limits of the enabled metrics)
 * to {@code factor} times their configured max value, on the account's primary under its lock,
 * with the risk, breaches and trading state recomputed in the same transaction. Each change is
 * audited as LIMIT_ADAPTED with the max value before and after, the factor as trigger value and the
 * forecast that caused it. A factor of 1 restores the configured value.
 */
final class AdaptLimitsJob extends AccountControlJob {

    private static final long serialVersionUID = 1L;
    static final String ACTION = "LIMIT_ADAPTED";

    private final double factor;
    private final String[] metrics;
    private final String forecast;

    AdaptLimitsJob(String accountId, double factor, Set<String> metrics, String forecast, long now) {
        super(accountId, AuditTrail.SYSTEM, "volatility forecast " + forecast, now);
        this.factor = factor;
        this.metrics = metrics.toArray(new String[0]);
        this.forecast = forecast;
    }

    @Override
    public boolean byPerson() {
        return false;
    }

    @Override
    public void apply(AccountUpdate u) {
        for (Map.Entry<String, LimitRow> e : u.limits().entrySet()) {
            LimitRow before = e.getValue();
            LimitRow next = adapted(before, factor, metrics);
            if (next == null) {
                continue;
            }
            next.updatedAt = now;
            u.putLimit(e.getKey(), next);
            u.audit(AuditTrail.row(now, actor, ACTION, accountId, PutLimitsJob.num(before.maxValue), PutLimitsJob.num(next.maxValue), reason, factor,
                    String.format(Locale.ROOT, "limit %s: %s %s, configured %s, factor %.2f", e.getKey(), next.scope,
                            next.metric, PutLimitsJob.num(next.configuredMax == null ? next.maxValue : next.configuredMax), factor)));
        }
    }

    /** The limit row adapted to {@code factor}, or null if the limit is not adaptive or already there. */
    static LimitRow adapted(LimitRow row, double factor, String[] metrics) {
        if (row == null || !"ACCOUNT".equals(row.scope) || !java.util.Arrays.asList(metrics).contains(row.metric)) {
            return null;
        }
        double configured = row.configuredMax != null ? row.configuredMax : row.maxValue;
        if (factor >= 1) {
            if (row.configuredMax == null) {
                return null;
            }
            LimitRow next = copy(row);
            next.maxValue = configured;
            next.configuredMax = null;
            next.adaptiveFactor = null;
            return next;
        }
        double max = io.riskgrid.ml.forecast.AdaptiveLimits.adaptedMax(configured, factor);
        if (row.configuredMax != null && row.maxValue == max) {
            return null;
        }
        LimitRow next = copy(row);
        next.maxValue = max;
        next.configuredMax = configured;
        next.adaptiveFactor = factor;
        return next;
    }

    private static LimitRow copy(LimitRow r) {
        LimitRow c = new LimitRow();
        c.scope = r.scope;
        c.target = r.target;
        c.metric = r.metric;
        c.maxValue = r.maxValue;
        c.warnAt = r.warnAt;
        c.updatedAt = r.updatedAt;
        c.overrideValue = r.overrideValue;
        c.overrideUntil = r.overrideUntil;
        c.overrideId = r.overrideId;
        c.configuredMax = r.configuredMax;
        c.adaptiveFactor = r.adaptiveFactor;
        return c;
    }
}
