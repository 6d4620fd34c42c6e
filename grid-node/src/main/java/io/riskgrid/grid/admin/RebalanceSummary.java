package io.riskgrid.grid.admin;

import java.util.Collection;

/**
 * How far the cluster's rebalancing has got, summed over the server nodes and partitioned caches
 * that answered.
 * <p>
 * A (node, cache) pair is <b>rebalancing</b> while the node holds MOVING partitions of the cache or
 * its rebalance of the cache still has partitions to load. For such a pair, <i>left</i> is the larger
 * of the two counts, and <i>total</i> the number of partitions its rebalance set out to load (at least
 * <i>left</i>).
 * <p>
 * A node loads its caches one after the other (Ignite 2.17 rebalances cache groups in turn, and a
 * partition turns OWNING as soon as it has arrived), so a node's <b>current rebalance</b> is its pairs
 * still rebalancing plus the pairs it finished earlier in the same round: a finished pair belongs to
 * the round when it ended no more than {@link #ROUND_GAP_MS} before the round's earliest start, and
 * then extends the round back to its own start (a chain of back-to-back cache rebalances). Finished
 * pairs of the round count with <i>left</i> 0. Then
 * <pre>
 *   progress = 1 - (sum of left) / (sum of total)   over the current rebalances of the nodes rebalancing
 *   progress = 1                                   when no pair is rebalancing
 * </pre>
 * that is, the share of the partitions the rebalancing now under way set out to load that have
 * arrived: 0 when a node has just joined, rising to 1 as its caches' partitions become OWNING. Nodes
 * that are not rebalancing, and rounds that ended earlier, do not count.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param inProgress       true while any (node, cache) pair is rebalancing
 * @param partitionsMoving MOVING partition copies, summed over nodes and caches
 * @param partitionsLeft   sum of <i>left</i> over the current rebalances
 * @param partitionsTotal  sum of <i>total</i> over the current rebalances
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

    /**
     * The longest pause between one cache's rebalance ending and the next one starting that still
     * makes them one round. Back to back they are milliseconds apart; a round that ended this long
     * before the next began is a separate one.
     */
    public static final long ROUND_GAP_MS = 10_000;

    /** {@link #currentRoundStart} of a node that is not rebalancing. */
    private static final long NOT_REBALANCING = Long.MIN_VALUE;

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
            }
            long roundStart = currentRoundStart(r);
            if (roundStart == NOT_REBALANCING) {
                continue;
            }
            inProgress = true;
            for (CacheReport c : r.caches) {
                if (c.rebalancing()) {
                    long pairLeft = Math.max(c.rebalancePartitionsLeft, c.moving);
                    left += pairLeft;
                    total += Math.max(c.rebalancePartitionsTotal, pairLeft);
                } else if (finished(c) && c.rebalanceStartTime >= roundStart) {
                    total += c.rebalancePartitionsTotal;
                }
            }
        }
        double progress = !inProgress ? 1.0 : total == 0 ? 0.0 : (double) (total - left) / total;
        return new RebalanceSummary(inProgress, moving, left, total, progress, keys);
    }

    /**
     * When the node's current rebalance round began (see the class comment), {@link Long#MAX_VALUE}
     * when it is rebalancing but neither its running caches nor any cache of the round has started
     * yet, or {@link #NOT_REBALANCING}.
     */
    private static long currentRoundStart(NodeReport r) {
        long start = Long.MAX_VALUE;
        boolean rebalancing = false;
        for (CacheReport c : r.caches) {
            if (c.rebalancing()) {
                rebalancing = true;
                if (c.rebalanceStartTime > 0) {
                    start = Math.min(start, c.rebalanceStartTime);
                }
            }
        }
        if (!rebalancing) {
            return NOT_REBALANCING;
        }
        // The caches still to load have not started: the round reaches back from the measurement.
        long anchor = start == Long.MAX_VALUE ? r.measuredAt : start;
        boolean extended = true;
        while (extended) {
            extended = false;
            for (CacheReport c : r.caches) {
                if (!c.rebalancing() && finished(c) && c.rebalanceStartTime < anchor
                        && c.rebalanceEndTime >= anchor - ROUND_GAP_MS) {
                    anchor = c.rebalanceStartTime;
                    start = anchor;
                    extended = true;
                }
            }
        }
        return start;
    }

    private static boolean finished(CacheReport c) {
        return c.rebalanceStartTime > 0 && c.rebalanceEndTime > 0;
    }
}
