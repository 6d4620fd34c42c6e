package io.riskgrid.compute.control;

import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.OverrideKey;
import io.riskgrid.grid.schema.OverrideRow;
import org.apache.ignite.IgniteCache;

/**
 * A person's bounded-time change to one account: a limit's max value raised (or lowered) to
 * {@code value}, or the account's trading state set to {@code state}, until {@code expiresAt}. It
 * ends by itself: limits are measured at their override only while it lasts, and the state
 * override stops applying at its end; the refresh tick then records the expiry. A new override of
 * the same limit or of the state replaces the previous one (status REPLACED). Written to OVERRIDES
 * and audited as LIMIT_OVERRIDE or STATE_OVERRIDE, with the value before and after.
 */
public final class OverrideJob extends AccountControlJob {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String limitId;
    private final Double value;
    private final String state;
    private final long expiresAt;

    private OverrideJob(String accountId, String id, String limitId, Double value, String state, long expiresAt,
                        String actor, String reason, long now) {
        super(accountId, actor, reason, now);
        this.id = id;
        this.limitId = limitId;
        this.value = value;
        this.state = state;
        this.expiresAt = expiresAt;
    }

    /** Overrides a limit's max value until {@code expiresAt}. */
    public static OverrideJob limit(String accountId, String overrideId, String limitId, double value, long expiresAt,
                                    String actor, String reason, long now) {
        return new OverrideJob(accountId, overrideId, limitId, value, null, expiresAt, actor, reason, now);
    }

    /** Overrides the account's trading state until {@code expiresAt}. */
    public static OverrideJob state(String accountId, String overrideId, TradingState state, long expiresAt,
                                    String actor, String reason, long now) {
        return new OverrideJob(accountId, overrideId, null, null, state.name(), expiresAt, actor, reason, now);
    }

    @Override
    public void apply(AccountUpdate u) {
        if (expiresAt <= now) {
            throw refuse("expiresAt must be in the future, was " + expiresAt + " (now " + now + ")", false);
        }
        IgniteCache<OverrideKey, OverrideRow> overrides = ignite.cache(GridTables.OVERRIDES);
        OverrideRow row = new OverrideRow();
        row.reason = reason;
        row.actor = actor;
        row.createdAt = now;
        row.expiresAt = expiresAt;
        row.status = "ACTIVE";
        String replaced;
        if (limitId != null) {
            LimitRow limit = u.limits().get(limitId);
            if (limit == null) {
                throw refuse("limit '" + limitId + "' is not a limit of account '" + accountId + "'", true);
            }
            boolean active = limit.overrideValue != null && limit.overrideUntil != null && now < limit.overrideUntil;
            row.limitId = limitId;
            row.limitValue = value;
            row.previous = PutLimitsJob.num(active ? limit.overrideValue : limit.maxValue);
            replaced = limit.overrideId;
            limit.overrideValue = value;
            limit.overrideUntil = expiresAt;
            limit.overrideId = id;
            u.putLimit(limitId, limit);
        } else {
            boolean active = u.risk().stateOverride != null && u.risk().stateOverrideUntil != null
                    && now < u.risk().stateOverrideUntil;
            row.state = state;
            row.previous = u.stateBefore() == null ? u.risk().tradingState : u.stateBefore().name();
            replaced = active ? u.risk().stateOverrideId : null;
            u.risk().stateOverride = state;
            u.risk().stateOverrideUntil = expiresAt;
            u.risk().stateOverrideId = id;
        }
        if (replaced != null) {
            OverrideKey old = new OverrideKey(accountId, replaced);
            OverrideRow previous = overrides.get(old);
            if (previous != null && "ACTIVE".equals(previous.status)) {
                previous.status = "REPLACED";
                previous.endedAt = now;
                overrides.put(old, previous);
            }
        }
        overrides.put(new OverrideKey(accountId, id), row);
        overrideId = id;
    }

    @Override
    public void afterRecompute(AccountUpdate u) {
        String before;
        String after;
        if (limitId != null) {
            OverrideRow row = ignite.<OverrideKey, OverrideRow>cache(GridTables.OVERRIDES).get(new OverrideKey(accountId, id));
            before = row.previous;
            after = PutLimitsJob.num(value);
        } else {
            before = u.stateBefore().name();
            after = u.stateAfter().name();
        }
        u.audit(AuditTrail.row(now, actor, limitId != null ? "LIMIT_OVERRIDE" : "STATE_OVERRIDE", accountId, before, after,
                reason, null, "override " + id + (limitId != null ? " of limit " + limitId : " of trading state to " + state)
                        + " until " + expiresAt));
    }
}
