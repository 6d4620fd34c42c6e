package io.riskgrid.compute.book;

import io.riskgrid.compute.ingest.FixedResult;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which account partitions each server node is primary for, so that a firm-wide task can send
 * each node one job over exactly its own accounts (together the jobs cover every account once), and
 * which node a task about one account sends its job to.
 * <p>
 * Stateless and thread-safe.
 */
public final class PrimaryPartitions {

    private PrimaryPartitions() {
    }

    /**
     * The node of {@code subgrid} that is primary for the account, where a job about it reads
     * locally; when that node may not be used (it is leaving), the local node or the first one
     * of the subgrid, which reads remotely.
     */
    public static ClusterNode primaryOf(Ignite ignite, List<ClusterNode> subgrid, String accountId) {
        ClusterNode primary = ignite.affinity(GridTables.ACCOUNT_RISK).mapKeyToNode(accountId);
        return primary != null && subgrid.contains(primary) ? primary : FixedResult.here(ignite, subgrid);
    }

    /** The primary account partitions of each server node of {@code subgrid} that has any. */
    public static Map<ClusterNode, int[]> byNode(Ignite ignite, List<ClusterNode> subgrid) {
        Affinity<String> affinity = ignite.affinity(GridTables.ACCOUNTS);
        Map<ClusterNode, int[]> out = new LinkedHashMap<>();
        int covered = 0;
        for (ClusterNode node : subgrid) {
            if (node.isClient()) {
                continue;
            }
            int[] partitions = affinity.primaryPartitions(node);
            if (partitions.length > 0) {
                out.put(node, partitions);
                covered += partitions.length;
            }
        }
        if (covered != affinity.partitions()) {
            throw new IllegalStateException("only " + covered + " of " + affinity.partitions()
                    + " account partitions have a primary node the task may use; retry once the cluster has settled");
        }
        return out;
    }
}
