package io.riskgrid.grid.schema;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

import java.util.Objects;

/**
 * Cache key of a position (table POSITIONS): the pair (accountId, instrumentId). Entries are placed by {@code accountId}, so that everything about
 * one account lives in one partition.
 * <p>
 * Keys order by account, then by the second part: bulk operations inside transactions take their
 * locks in that order, which is what keeps concurrent transactions from deadlocking.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class PositionKey implements Comparable<PositionKey> {

    @AffinityKeyMapped
    private final String accountId;
    private final String instrumentId;

    public PositionKey(String accountId, String instrumentId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
    }

    public String accountId() {
        return accountId;
    }

    public String instrumentId() {
        return instrumentId;
    }

    @Override
    public int compareTo(PositionKey o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : instrumentId.compareTo(o.instrumentId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PositionKey k && accountId.equals(k.accountId) && instrumentId.equals(k.instrumentId);
    }

    @Override
    public int hashCode() {
        return 31 * accountId.hashCode() + instrumentId.hashCode();
    }

    @Override
    public String toString() {
        return accountId + "/" + instrumentId;
    }
}
