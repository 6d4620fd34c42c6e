package io.riskgrid.core.limit;

import io.riskgrid.core.Guard;

/**
 * A risk limit of an account. For INSTRUMENT and SECTOR scope, {@code target} names the instrument
 * or sector; for ACCOUNT scope it is null. {@code warnAt} is the utilization (current / max) from
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
        if (scope != LimitScope.ACCOUNT) {
            Guard.notBlank(target, "target");
            if (metric.accountOnly()) {
                throw new IllegalArgumentException("metric " + metric + " applies to the whole account only; scope must be ACCOUNT, was " + scope);
            }
        } else if (target != null) {
            throw new IllegalArgumentException("target must be empty for ACCOUNT scope, was '" + target + "'");
        }
        Guard.positive(maxValue, "maxValue");
        if (!(warnAt > 0 && warnAt <= 1)) {
            throw new IllegalArgumentException("warnAt must be in (0, 1], was " + warnAt);
        }
    }
}
