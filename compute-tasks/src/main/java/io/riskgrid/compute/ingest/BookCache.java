package io.riskgrid.compute.ingest;

import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import org.apache.ignite.Ignite;

import java.util.Collection;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The books of the accounts this node has recently changed, on the heap: every position and limit
 * of each, as of one version of its ACCOUNT_RISK row. {@link AccountBook} uses a book in place of
 * reading the account's positions and limits from the grid when the version still matches the risk
 * row it has just locked, so a fill reads one account's few changed rows instead of its whole
 * book. Without it, a fill to an account of 50 positions cost about 60 reads of the grid
 * ({@code riskgrid bench ingest}, see docs/benchmarks.md).
 * <p>
 * Correct because of one rule: every write of an account's POSITIONS and LIMITS rows goes through
 * {@link AccountBook}, in the same transaction as a new version of its ACCOUNT_RISK row. A book
 * whose version is not the row's (another node applied fills while this one was not primary, a
 * transaction failed, the row was replaced) is never used; it is read from the grid again. Books
 * are only ever used under the account's lock and are taken out of the cache while a transaction
 * changes them, and {@link AccountBook} hands the grid copies, never the cached rows.
 * <p>
 * Bounded: past {@code riskgrid.bookCacheAccounts} accounts (system property, default
 * {@value #DEFAULT_MAX_ACCOUNTS}; 0 turns the cache off) it is emptied and fills again with the
 * accounts in use. Thread-safe; one per node, in the node-local map.
 */
final class BookCache {

    static final int DEFAULT_MAX_ACCOUNTS = 100_000;

    private static final String NODE_LOCAL_KEY = BookCache.class.getName();

    /** An account's positions by key and limits by id, as of its risk row's version and update time. */
    record Book(long version, long updatedAt, TreeMap<PositionKey, PositionRow> positions, TreeMap<String, LimitRow> limits) {
    }

    private final ConcurrentMap<String, Book> books = new ConcurrentHashMap<>();
    private final int maxAccounts;

    BookCache(int maxAccounts) {
        this.maxAccounts = maxAccounts;
    }

    /** This node's cache. */
    static BookCache of(Ignite ignite) {
        ConcurrentMap<String, Object> local = ignite.cluster().nodeLocalMap();
        return (BookCache) local.computeIfAbsent(NODE_LOCAL_KEY,
                k -> new BookCache(Integer.getInteger("riskgrid.bookCacheAccounts", DEFAULT_MAX_ACCOUNTS)));
    }

    /**
     * Takes the account's book out of the cache: it if it is as of {@code risk}'s version, else
     * null. The caller changes the book and {@link #put}s it back only once its transaction has
     * committed, so a transaction that fails, or a reader between its rollback and anything else,
     * never finds a book it half changed. Call only under the account's lock.
     */
    Book take(String accountId, AccountRiskRow risk) {
        Book b = books.remove(accountId);
        return b != null && b.version() == risk.version && b.updatedAt() == risk.updatedAt ? b : null;
    }

    /** Keeps the account's book as of {@code risk} (committed), unless a newer one is already kept. */
    void put(String accountId, AccountRiskRow risk, TreeMap<PositionKey, PositionRow> positions, TreeMap<String, LimitRow> limits) {
        if (maxAccounts <= 0) {
            return;
        }
        if (books.size() >= maxAccounts && !books.containsKey(accountId)) {
            books.clear();
        }
        Book b = new Book(risk.version, risk.updatedAt, positions, limits);
        books.merge(accountId, b, (old, neu) -> neu.version() >= old.version() ? neu : old);
    }

    /** Forgets these accounts' books (they changed in a way the cache does not follow). */
    void invalidate(Collection<String> accountIds) {
        for (String a : accountIds) {
            books.remove(a);
        }
    }

    int size() {
        return books.size();
    }
}
