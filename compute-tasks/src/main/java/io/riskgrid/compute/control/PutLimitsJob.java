package io.riskgrid.compute.control;

import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.grid.schema.LimitRow;

import io.riskgrid.core.limit.AccountLimit;

import java.util.List;
import java.util.Locale;

/**
 * Adds or replaces limits of one account. The limits are checked by the caller (they are
 * {@code AccountLimit}s first); an override that is raising a replaced limit stays in force until
 * it expires. Each limit set is audited as LIMIT_SET with its max value before and after.
 */
public final class PutLimitsJob extends AccountControlJob {

    private static final long serialVersionUID = 1L;

    private final String[] limitIds;
    private final LimitRow[] rows;
    private final boolean onlyWhereAbsent;

    /** {@code limitIds[i]} is set to {@code rows[i]}; with {@code onlyWhereAbsent}, existing limits are kept. */
    public PutLimitsJob(String accountId, String[] limitIds, LimitRow[] rows, boolean onlyWhereAbsent, String actor,
                        String reason, long now) {
        super(accountId, actor, reason, now);
        if (limitIds.length != rows.length) {
            throw new IllegalArgumentException("limitIds and rows must have the same length");
        }
        this.limitIds = limitIds;
        this.rows = rows;
        this.onlyWhereAbsent = onlyWhereAbsent;
    }

    /** Sets the account's limits (every limit must be of {@code accountId}). */
    public static PutLimitsJob of(String accountId, List<AccountLimit> limits, boolean onlyWhereAbsent, String actor,
                                  String reason, long now) {
        String[] ids = new String[limits.size()];
        LimitRow[] rows = new LimitRow[limits.size()];
        for (int i = 0; i < ids.length; i++) {
            AccountLimit l = limits.get(i);
            if (!l.accountId().equals(accountId)) {
                throw new IllegalArgumentException("limit " + l.limitId() + " is of account " + l.accountId() + ", not " + accountId);
            }
            ids[i] = l.limitId();
            rows[i] = row(l, now);
        }
        return new PutLimitsJob(accountId, ids, rows, onlyWhereAbsent, actor, reason, now);
    }

    /** The LIMITS row of a limit. */
    public static LimitRow row(AccountLimit l, long now) {
        LimitRow r = new LimitRow();
        r.scope = l.scope().name();
        r.target = l.target();
        r.metric = l.metric().name();
        r.maxValue = l.maxValue();
        r.warnAt = l.warnAt();
        r.updatedAt = now;
        return r;
    }

    @Override
    public boolean byPerson() {
        return !AuditTrail.SYSTEM.equals(actor);
    }

    @Override
    public void apply(AccountUpdate u) {
        for (int i = 0; i < limitIds.length; i++) {
            LimitRow before = u.limits().get(limitIds[i]);
            if (before != null && onlyWhereAbsent) {
                continue;
            }
            LimitRow row = rows[i];
            row.updatedAt = now;
            if (before != null) {
                row.overrideValue = before.overrideValue;
                row.overrideUntil = before.overrideUntil;
                row.overrideId = before.overrideId;
            }
            u.putLimit(limitIds[i], row);
            u.audit(AuditTrail.row(now, actor, "LIMIT_SET", accountId, before == null ? null : num(before.maxValue),
                    num(row.maxValue), reason, null, String.format(Locale.ROOT, "limit %s: %s %s%s, warnAt %s", limitIds[i],
                            row.scope, row.metric, row.target == null ? "" : " " + row.target,
                            row.warnAt == null ? "default" : num(row.warnAt))));
        }
    }

    /** A max value as the audit trail writes it: whole numbers without a fraction. */
    public static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
