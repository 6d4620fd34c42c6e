package io.riskgrid.grid.admin;

import java.io.Serializable;

/**
 * One server node's view of one partitioned cache: which partitions the affinity function makes it
 * primary or backup for, the state of the partitions it holds, and how far its rebalancing has got.
 * <p>
 * A wire class: it travels from the server node back to the node that asked (Ignite's binary
 * marshaller carries plain classes with public fields, not records). A mutable carrier, filled in
 * once by {@link NodeReportJob}; not thread-safe, do not share an instance between threads.
 */
public final class CacheReport implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Not measured: a rebalance that never started or never finished. */
    public static final long NEVER = -1;

    /** The cache name ({@code ACCOUNTS}). */
    public String cache;
    /** Partitions this node is primary for in the current affinity assignment. */
    public int primary;
    /** Partitions this node is a backup for in the current affinity assignment. */
    public int backup;
    /** Local partitions in state OWNING: complete copies this node serves. */
    public int owning;
    /** Local partitions in state MOVING: copies being loaded from another node (rebalancing). */
    public int moving;
    /** Local partitions in state RENTING: copies this node is giving up, being cleared. */
    public int renting;
    /** Local partitions in state LOST: every complete copy left the cluster; reads and writes are refused. */
    public int lost;
    /** Local partitions in any other state (EVICTED). */
    public int other;
    /** Partitions the node's current (or last) rebalance of this cache still has to load. */
    public int rebalancePartitionsLeft;
    /** Partitions the node's current (or last) rebalance of this cache set out to load. */
    public int rebalancePartitionsTotal;
    /** Keys received by the node's current (or last) rebalance of this cache. */
    public long rebalanceKeysReceived;
    /** When the node's current (or last) rebalance of this cache started, epoch ms, or {@link #NEVER}. */
    public long rebalanceStartTime = NEVER;
    /** When the node's last rebalance of this cache finished, epoch ms, or {@link #NEVER}. */
    public long rebalanceEndTime = NEVER;

    /** True while this node still loads partitions of this cache. */
    public boolean rebalancing() {
        return moving > 0 || rebalancePartitionsLeft > 0;
    }
}
