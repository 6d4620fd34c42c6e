package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of an applied fill (table FILLS), which makes fills idempotent by fill id: the pair (accountId, fillId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * Keys order by account, then by the second part: bulk operations inside transactions take their
 * locks in that order, which is what keeps concurrent transactions from deadlocking.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class FillKey implements Comparable<FillKey> {

    @AffinityKeyMapped
    private final String accountId;
    private final String fillId;

    public FillKey(String accountId, String fillId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.fillId = Objects.requireNonNull(fillId, "fillId");
    }

    public String accountId() {
        return accountId;
    }

    public String fillId() {
        return fillId;
    }

    @Override
    public int compareTo(FillKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : fillId.compareTo(o.fillId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FillKey k && accountId.equals(k.accountId) && fillId.equals(k.fillId);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + fillId.hashCode();
    }

    @Override
    public String toString() {
        return accountId + "/" + fillId;
    }
}
