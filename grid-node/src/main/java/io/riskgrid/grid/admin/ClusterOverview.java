package io.riskgrid.grid.admin;

import java.util.List;

/**
 * The cluster as its administrators see it: state, baseline, server and client nodes, each server's
 * partitions and rebalancing, the partitioned caches with their lost partitions, and a rebalancing
 * summary. Read by {@link ClusterOverviews#read}.
 * <p>
 * Built on the node that asks, never sent over the grid. This record and its parts are immutable
 * and thread-safe (the {@link NodeReport}s inside are not modified once received).
 *
 * @param readAt          when it was read, epoch ms
 * @param topologyVersion the topology version it was read at
 * @param state           ACTIVE, INACTIVE or READ_ONLY
 * @param servers         server nodes in the topology
 * @param clients         client nodes in the topology (the API in client mode is one)
 * @param baseline        the baseline's nodes, online or not; empty while the cluster has none
 * @param baselineAutoAdjust true when the baseline follows the server nodes by itself (in-memory clusters)
 * @param caches          the partitioned RiskGrid caches
 * @param nodes           the server nodes, oldest first
 * @param rebalance       the rebalancing summary over the nodes that answered
 */
public record ClusterOverview(long readAt, long topologyVersion, String state, int servers, int clients,
                              List<BaselineMember> baseline, boolean baselineAutoAdjust, List<CacheSummary> caches,
                              List<NodeOverview> nodes, RebalanceSummary rebalance) {

    public ClusterOverview {
        baseline = List.copyOf(baseline);
        caches = List.copyOf(caches);
        nodes = List.copyOf(nodes);
    }

    /** True when the cluster is ACTIVE: it serves reads and writes. */
    public boolean active() {
        return "ACTIVE".equals(state);
    }

    /** Baseline nodes that are not in the topology now. */
    public int baselineOffline() {
        return (int) baseline.stream().filter(b -> !b.online()).count();
    }

    /** Lost partitions summed over the partitioned caches. */
    public long lostPartitions() {
        return caches.stream().mapToLong(c -> c.lostPartitions().size()).sum();
    }

    /** Server nodes that did not answer the broadcast. */
    public int unreachable() {
        return (int) nodes.stream().filter(n -> n.report() == null).count();
    }

    /**
     * A node of the baseline topology.
     *
     * @param consistentId its consistent id
     * @param online       true when a server node with that consistent id is in the topology
     */
    public record BaselineMember(String consistentId, boolean online) {
    }

    /**
     * A partitioned cache, cluster-wide.
     *
     * @param cache               the cache name
     * @param partitions          the number of partitions of its affinity function
     * @param backups             backup copies of each partition
     * @param partitionLossPolicy what the cache does with a lost partition (READ_WRITE_SAFE: refuses reads and writes)
     * @param lostPartitions      ids of its lost partitions, ascending
     */
    public record CacheSummary(String cache, int partitions, int backups, String partitionLossPolicy,
                               List<Integer> lostPartitions) {

        public CacheSummary {
            lostPartitions = List.copyOf(lostPartitions);
        }
    }

    /**
     * A server node in the topology.
     *
     * @param consistentId its consistent id
     * @param nodeId       its node id in this topology
     * @param hostNames    its host names, from discovery
     * @param addresses    its addresses, from discovery
     * @param order        its join order (1 = the oldest)
     * @param inBaseline   true when its consistent id is in the baseline
     * @param local        true for the node that read this overview
     * @param report       what the node reported, null when it did not answer in time
     * @param problem      why there is no report, null when there is one
     */
    public record NodeOverview(String consistentId, String nodeId, List<String> hostNames, List<String> addresses,
                               long order, boolean inBaseline, boolean local, NodeReport report, String problem) {

        public NodeOverview {
            hostNames = List.copyOf(hostNames);
            addresses = List.copyOf(addresses);
        }
    }
}
