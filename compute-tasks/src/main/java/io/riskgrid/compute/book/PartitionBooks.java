package io.riskgrid.compute.book;

import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

import javax.cache.Cache;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The books of the accounts in some partitions, read on the node that holds them: one local scan
 * per partition and table instead of a query per account, which is what makes a firm-wide task
 * over ten thousand accounts cheap. Accounts, their positions, limits and risk rows share their
 * partition (they are co-located by account id).
 * <p>
 * Each scan is local: the job that calls it must run on a node that owns the partitions (the
 * task maps them to their primary node). If a partition moved away meanwhile, the scan fails and
 * the task can be run again.
 * <p>
 * Stateless and thread-safe.
 */
public final class PartitionBooks {

    private PartitionBooks() {
    }

    /** Calls {@code each} for every position in the partition. */
    public static void positions(Ignite ignite, int partition, BiConsumer<PositionKey, PositionRow> each) {
        scan(ignite.cache(GridTables.POSITIONS), partition, each);
    }

    /** The risk rows of the accounts in the partition, by account id. */
    public static TreeMap<String, AccountRiskRow> risk(Ignite ignite, int partition) {
        TreeMap<String, AccountRiskRow> out = new TreeMap<>();
        IgniteCache<String, AccountRiskRow> cache = ignite.cache(GridTables.ACCOUNT_RISK);
        scan(cache, partition, out::put);
        return out;
    }

    /** The positions of the accounts in the partition, by account id, each book in key order. */
    public static Map<String, TreeMap<PositionKey, PositionRow>> books(Ignite ignite, int partition) {
        Map<String, TreeMap<PositionKey, PositionRow>> out = new TreeMap<>();
        positions(ignite, partition, (k, v) -> out.computeIfAbsent(k.accountId(), a -> new TreeMap<>()).put(k, v));
        return out;
    }

    /** The limits of the accounts in the partition, by account id, each set by limit id. */
    public static Map<String, TreeMap<String, LimitRow>> limits(Ignite ignite, int partition) {
        Map<String, TreeMap<String, LimitRow>> out = new TreeMap<>();
        IgniteCache<LimitKey, LimitRow> cache = ignite.cache(GridTables.LIMITS);
        scan(cache, partition, (k, v) -> out.computeIfAbsent(k.accountId(), a -> new TreeMap<>()).put(k.limitId(), v));
        return out;
    }

    private static <K, V> void scan(IgniteCache<K, V> cache, int partition, BiConsumer<K, V> each) {
        ScanQuery<K, V> q = new ScanQuery<K, V>().setPartition(partition).setLocal(true);
        try (QueryCursor<Cache.Entry<K, V>> c = cache.query(q)) {
            for (Cache.Entry<K, V> e : c) {
                each.accept(e.getKey(), e.getValue());
            }
        }
    }
}
