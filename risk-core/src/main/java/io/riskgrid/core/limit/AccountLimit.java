package io.riskgrid.core.limit;

import io.riskgrid.core.Guard;

/**
 * A risk limit of an account. For INSTRUMENT and SECTOR scope, {@code target} names the instrument
 * or sector; for ACCOUNT scope it is null. An ACCOUNT-scope limit given with a target ("this
 * account's AAPL position at most 1,000") is that instrument's limit: it becomes INSTRUMENT scope,
 * except for a metric of the whole account (LEVERAGE, DAILY_LOSS, DRAWDOWN, VAR_99), which cannot
 * have a target. {@code warnAt} is the utilization (current / max) from
 * which a warning is raised, in (0, 1].
 * <p>
 * This record is immutable and thread-safe.
 */
public record AccountLimit(String accountId, String limitId, LimitScope scope, String target, LimitMetric metric,
                           double maxValue, double warnAt) {

    /** The warn level used when none is given. */
    public static final double DEFAULT_WARN_AT = 0.8;

    public AccountLimit {
        Guard.notBlank(accountId, "accountId");
        Guard.notBlank(limitId, "limitId");
        Guard.notNull(scope, "scope");
        Guard.notNull(metric, "metric");
        if (target != null && target.isBlank()) {
            target = null;
        }
        if (scope == LimitScope.ACCOUNT && target != null && !metric.accountOnly()) {
            scope = LimitScope.INSTRUMENT;
        }
        if (scope != LimitScope.ACCOUNT) {
            Guard.notBlank(target, "target");
            if (metric.accountOnly()) {
                throw new IllegalArgumentException("metric " + metric + " applies to the whole account only; scope must be ACCOUNT, was " + scope);
            }
        } else if (target != null) {
            throw new IllegalArgumentException("target must be empty for metric " + metric
                    + ", which applies to the whole account, was '" + target + "'");
        }
        Guard.positive(maxValue, "maxValue");
        if (!(warnAt > 0 && warnAt <= 1)) {
            throw new IllegalArgumentException("warnAt must be in (0, 1], was " + warnAt);
        }
    }
}
