package io.riskgrid.api.override;

import io.riskgrid.grid.schema.OverrideKey;
import io.riskgrid.grid.schema.OverrideRow;

/**
 * The one place where OVERRIDES rows become REST records.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class OverrideMapping {

    private OverrideMapping() {
    }

    public static OverrideView toView(OverrideKey key, OverrideRow r) {
        return new OverrideView(key.overrideId(), key.accountId(), r.limitId, r.state, r.limitValue, r.previous,
                r.expiresAt, r.status, r.reason, r.actor, r.createdAt, r.endedAt);
    }
}
