package io.riskgrid.compute.control;

import io.riskgrid.compute.ingest.AccountUpdate;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.OverrideKey;
import io.riskgrid.grid.schema.OverrideRow;
import org.apache.ignite.IgniteCache;

import java.util.Map;

/**
 * Records the end of an account's overrides whose time is up: clears them from the limit and the
 * risk row, marks them EXPIRED in OVERRIDES and audits each as OVERRIDE_EXPIRED by the system. The
 * account is already measured without them from the moment they end; this makes the record
 * match. Run by the refresh tick on the account's primary node.
 */
public final class ExpireOverridesJob extends AccountControlJob {

    private static final long serialVersionUID = 1L;

    public ExpireOverridesJob(String accountId, long now) {
        super(accountId, AuditTrail.SYSTEM, "override expired", now);
    }

    @Override
    public boolean byPerson() {
        return false;
    }

    @Override
    public void apply(AccountUpdate u) {
        IgniteCache<OverrideKey, OverrideRow> overrides = ignite.cache(GridTables.OVERRIDES);
        for (Map.Entry<String, LimitRow> e : u.limits().entrySet()) {
            LimitRow l = e.getValue();
            if (l.overrideUntil != null && l.overrideUntil <= now) {
                expire(u, overrides, l.overrideId, PutLimitsJob.num(l.overrideValue == null ? l.maxValue : l.overrideValue),
                        PutLimitsJob.num(l.maxValue), "limit " + e.getKey());
                l.overrideValue = null;
                l.overrideUntil = null;
                l.overrideId = null;
                u.putLimit(e.getKey(), l);
            }
        }
        if (u.risk().stateOverride != null && u.risk().stateOverrideUntil != null && u.risk().stateOverrideUntil <= now) {
            expire(u, overrides, u.risk().stateOverrideId, u.risk().stateOverride, null, "trading state");
            u.risk().stateOverride = null;
            u.risk().stateOverrideUntil = null;
            u.risk().stateOverrideId = null;
        }
    }

    private void expire(AccountUpdate u, IgniteCache<OverrideKey, OverrideRow> overrides, String id, String before,
                        String after, String what) {
        if (id != null) {
            OverrideKey key = new OverrideKey(accountId, id);
            OverrideRow row = overrides.get(key);
            if (row != null && "ACTIVE".equals(row.status)) {
                row.status = "EXPIRED";
                row.endedAt = now;
                overrides.put(key, row);
            }
        }
        u.audit(AuditTrail.row(now, AuditTrail.SYSTEM, "OVERRIDE_EXPIRED", accountId, before, after,
                "override " + id + " of " + what + " reached its end", null, null));
    }
}
