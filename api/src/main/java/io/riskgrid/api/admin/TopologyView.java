package io.riskgrid.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code GET /api/v1/admin/topology}: the cluster's state, baseline and nodes, each server
 * node's partitions and rebalancing, the partitioned caches with their lost partitions, and a
 * rebalancing summary. Counts are plain numbers, times epoch milliseconds.
 * <p>
 * This record and its parts are immutable and thread-safe.
 */
@Schema(description = "The cluster's topology, partitions and rebalancing")
public record TopologyView(
        @Schema(description = "When it was read, epoch ms") long readAt,
        @Schema(description = "The topology version it was read at; it changes whenever a node joins or leaves") long topologyVersion,
        @Schema(description = "ACTIVE (reads and writes), READ_ONLY or INACTIVE", allowableValues = {"ACTIVE", "READ_ONLY", "INACTIVE"})
        String clusterState,
        @Schema(description = "True when the cluster state is ACTIVE") boolean active,
        @Schema(description = "Server nodes in the topology (they hold data)") int servers,
        @Schema(description = "Client nodes in the topology (the API in client mode is one)") int clients,
        BaselineView baseline,
        @Schema(description = "The partition-loss policy of the partitioned caches: READ_WRITE_SAFE refuses reads and "
                + "writes of a lost partition", example = "READ_WRITE_SAFE") String partitionLossPolicy,
        @Schema(description = "Lost partitions summed over the partitioned caches; above 0, some data is unavailable") long lostPartitions,
        @Schema(description = "Tasks waiting in the server nodes' async-callback pools (continuous-query events not yet "
                + "handled), summed over the nodes that answered") long continuousQueryBacklog,
        RebalanceView rebalance,
        @Schema(description = "The partitioned caches") List<CacheView> caches,
        @Schema(description = "The server nodes, oldest first") List<NodeView> nodes) {

    /**
     * The baseline topology: the server nodes the partitions are assigned to.
     *
     * @param autoAdjust true when the baseline follows the server nodes by itself (in-memory clusters)
     * @param nodes      its nodes
     * @param offline    how many of them are not in the topology now
     */
    @Schema(description = "The baseline topology: the server nodes partitions are assigned to")
    public record BaselineView(boolean autoAdjust, List<BaselineNodeView> nodes, int offline) {
    }

    /** A baseline node, online or not. */
    public record BaselineNodeView(String consistentId, boolean online) {
    }

    /**
     * Rebalancing over the cluster. {@code progress} is 1 - partitionsLeft / partitionsTotal over the
     * current rebalance of each node still rebalancing (its caches still loading and those it finished
     * earlier in the same round): the share of the partitions the rebalancing under way set out to load
     * that have arrived; 1 when nothing is rebalancing. See {@code RebalanceSummary}.
     */
    @Schema(description = "Rebalancing over the cluster")
    public record RebalanceView(
            @Schema(description = "True while any node still loads partitions") boolean inProgress,
            @Schema(description = "MOVING partition copies, summed over nodes and caches") long partitionsMoving,
            @Schema(description = "Partitions the rebalancing under way has still to load") long partitionsLeft,
            @Schema(description = "Partitions the rebalancing under way set out to load") long partitionsTotal,
            @Schema(description = "1 - partitionsLeft / partitionsTotal, in [0, 1]; 1 when nothing is rebalancing")
            double progress,
            @Schema(description = "Keys received by the nodes' current or last rebalance, summed") long keysReceived) {
    }

    /** A partitioned cache, cluster-wide. */
    @Schema(description = "A partitioned cache")
    public record CacheView(
            String cache,
            @Schema(description = "Partitions of its affinity function") int partitions,
            @Schema(description = "Backup copies of each partition") int backups,
            String partitionLossPolicy,
            @Schema(description = "How many of its partitions are lost") int lostPartitions,
            @Schema(description = "The ids of its lost partitions, ascending") List<Integer> lostPartitionIds) {
    }

    /** A server node. Figures it reports are null when it did not answer ({@code reachable} false). */
    @Schema(description = "A server node")
    public record NodeView(
            @Schema(description = "Its stable name, the one the baseline lists") String consistentId,
            @Schema(description = "Its id in this topology") String nodeId,
            List<String> hostNames,
            List<String> addresses,
            @Schema(description = "Join order, 1 = the oldest node") long order,
            boolean inBaseline,
            @Schema(description = "True for the API's own node (embedded mode)") boolean local,
            @Schema(description = "False when it did not answer in time; its figures are then null") boolean reachable,
            @Schema(description = "Why it did not answer, when it did not") String problem,
            @Schema(description = "Heap in use, bytes") Long heapUsed,
            @Schema(description = "Largest heap allowed, bytes") Long heapMax,
            @Schema(description = "Tasks waiting in its async-callback pool") Long callbackQueue,
            @Schema(description = "Its partition counts summed over the partitioned caches") PartitionCounts partitions,
            @Schema(description = "Its partition counts and rebalancing per cache") List<NodeCacheView> caches) {
    }

    /** Partition counts of one node, over one cache or summed over several. */
    @Schema(description = "Partition counts of one node")
    public record PartitionCounts(
            @Schema(description = "Partitions it is primary for (affinity)") long primary,
            @Schema(description = "Partitions it is a backup for (affinity)") long backup,
            @Schema(description = "Local partitions OWNING: complete copies it serves") long owning,
            @Schema(description = "Local partitions MOVING: being loaded from another node") long moving,
            @Schema(description = "Local partitions RENTING: being given up") long renting,
            @Schema(description = "Local partitions LOST: reads and writes refused") long lost) {
    }

    /** One node's view of one cache. Rebalance times are null when there was none. */
    @Schema(description = "One node's partitions of one cache")
    public record NodeCacheView(String cache, long primary, long backup, long owning, long moving, long renting, long lost,
                                long rebalancePartitionsLeft, long rebalancePartitionsTotal, long rebalanceKeysReceived,
                                Long rebalanceStartedAt, Long rebalanceFinishedAt) {
    }
}
