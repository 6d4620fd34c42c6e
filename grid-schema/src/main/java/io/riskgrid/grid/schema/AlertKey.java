package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of an alert (table ALERTS): the pair (accountId, alertId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class AlertKey {

    @AffinityKeyMapped
    private final String accountId;
    private final String alertId;

    public AlertKey(String accountId, String alertId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.alertId = Objects.requireNonNull(alertId, "alertId");
    }

    public String accountId() {
        return accountId;
    }

    public String alertId() {
        return alertId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertKey k && accountId.equals(k.accountId) && alertId.equals(k.alertId);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + alertId.hashCode();
    }

    @Override
    public String toString() {
        return accountId + "/" + alertId;
    }
}
