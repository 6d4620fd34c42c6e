package io.riskgrid.grid.admin;

import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.configuration.CacheConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * The RiskGrid caches that are partitioned (ACCOUNTS, POSITIONS, ..., AUDIT_LOG), in
 * {@link GridTables} order: the ones whose partitions have primaries and backups, can move between
 * nodes and can be lost. Replicated caches keep a full copy on every server and are left out.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class PartitionedCaches {

    /** The names of the partitioned caches, read from {@link GridTables#cacheConfigurations()}. */
    public static final List<String> NAMES = names();

    private PartitionedCaches() {
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>();
        for (CacheConfiguration<?, ?> c : GridTables.cacheConfigurations()) {
            if (c.getCacheMode() == CacheMode.PARTITIONED) {
                out.add(c.getName());
            }
        }
        return List.copyOf(out);
    }
}
