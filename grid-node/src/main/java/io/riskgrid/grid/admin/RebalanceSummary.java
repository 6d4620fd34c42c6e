package io.riskgrid.grid.admin;

import java.util.Collection;

/**
 * How far the cluster's rebalancing has got, summed over the server nodes and partitioned caches
 * that answered.
 * <p>
 * A (node, cache) pair is <b>rebalancing</b> while the node holds MOVING partitions of the cache or
 * its rebalance of the cache still has partitions to load. For such a pair, <i>left</i> is the larger
 * of the two counts, and <i>total</i> the number of partitions its current rebalance set out to load
 * (at least <i>left</i>). Then
 * <pre>
 *   progress = 1 - (sum of left) / (sum of total)   over the pairs that are rebalancing
 *   progress = 1                                   when no pair is rebalancing
 * </pre>
 * that is, the share of the partitions the rebalancing now under way set out to load that have
 * arrived. It is 0 when a node has just joined and rises to 1 as its partitions become OWNING.
 * Pairs that finished earlier do not count, so a finished rebalance on one node does not make a
 * new one on another look further along than it is.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param inProgress       true while any (node, cache) pair is rebalancing
 * @param partitionsMoving MOVING partition copies, summed over nodes and caches
 * @param partitionsLeft   sum of <i>left</i> over the pairs that are rebalancing
 * @param partitionsTotal  sum of <i>total</i> over the pairs that are rebalancing
 * @param progress         the fraction above, in [0, 1]
 * @param keysReceived     keys received by the nodes' current or last rebalance, summed
 */
public record RebalanceSummary(boolean inProgress, long partitionsMoving, long partitionsLeft, long partitionsTotal,
                               double progress, long keysReceived) {

    public RebalanceSummary {
        if (partitionsMoving < 0 || partitionsLeft < 0 || partitionsTotal < partitionsLeft) {
            throw new IllegalArgumentException("partition counts must satisfy 0 <= left <= total and moving >= 0, were moving "
                    + partitionsMoving + ", left " + partitionsLeft + ", total " + partitionsTotal);
        }
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1], was " + progress);
        }
    }

    /** The summary of the reports of the nodes that answered. */
    public static RebalanceSummary of(Collection<NodeReport> reports) {
        boolean inProgress = false;
        long moving = 0;
        long left = 0;
        long total = 0;
        long keys = 0;
        for (NodeReport r : reports) {
            for (CacheReport c : r.caches) {
                moving += c.moving;
                keys += c.rebalanceKeysReceived;
                if (c.rebalancing()) {
                    inProgress = true;
                    long pairLeft = Math.max(c.rebalancePartitionsLeft, c.moving);
                    left += pairLeft;
                    total += Math.max(c.rebalancePartitionsTotal, pairLeft);
                }
            }
        }
        double progress = !inProgress ? 1.0 : total == 0 ? 0.0 : (double) (total - left) / total;
        return new RebalanceSummary(inProgress, moving, left, total, progress, keys);
    }
}
