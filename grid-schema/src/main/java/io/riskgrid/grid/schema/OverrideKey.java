package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of an override (table OVERRIDES): the pair (accountId, overrideId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * Keys order by account, then by the second part: bulk operations inside transactions take their
 * locks in that order, which is what keeps concurrent transactions from deadlocking.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class OverrideKey implements Comparable<OverrideKey> {

    @AffinityKeyMapped
    private final String accountId;
    private final String overrideId;

    public OverrideKey(String accountId, String overrideId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.overrideId = Objects.requireNonNull(overrideId, "overrideId");
    }

    public String accountId() {
        return accountId;
    }

    public String overrideId() {
        return overrideId;
    }

    @Override
    public int compareTo(OverrideKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : overrideId.compareTo(o.overrideId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OverrideKey k && accountId.equals(k.accountId) && overrideId.equals(k.overrideId);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + overrideId.hashCode();
    }

    @Override
    public String toString() {
        return accountId + "/" + overrideId;
    }
}
