package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of an alert (table ALERTS): the pair (accountId, alertId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * Keys order by account, then by the second part: bulk operations inside transactions take their
 * locks in that order, which is what keeps concurrent transactions from deadlocking.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class AlertKey implements Comparable<AlertKey> {

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
    public int compareTo(AlertKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : alertId.compareTo(o.alertId);
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
