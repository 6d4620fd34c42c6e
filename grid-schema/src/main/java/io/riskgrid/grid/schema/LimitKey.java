package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of a limit (table LIMITS): the pair (accountId, limitId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * Keys order by account, then by the second part: bulk operations inside transactions take their
 * locks in that order, which is what keeps concurrent transactions from deadlocking.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class LimitKey implements Comparable<LimitKey> {

    @AffinityKeyMapped
    private final String accountId;
    private final String limitId;

    public LimitKey(String accountId, String limitId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.limitId = Objects.requireNonNull(limitId, "limitId");
    }

    public String accountId() {
        return accountId;
    }

    public String limitId() {
        return limitId;
    }

    @Override
    public int compareTo(LimitKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : limitId.compareTo(o.limitId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimitKey k && accountId.equals(k.accountId) && limitId.equals(k.limitId);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + limitId.hashCode();
    }

    @Override
    public String toString() {
        return accountId + "/" + limitId;
    }
}
