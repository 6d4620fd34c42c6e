package io.riskgrid.api.admin;

import io.riskgrid.grid.admin.ClusterOverview;
import io.riskgrid.grid.admin.ClusterOverviews;
import io.riskgrid.grid.admin.LostPartitions;
import io.riskgrid.grid.admin.NodeReportJob;
import org.apache.ignite.Ignite;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The API's window on the cluster's administration: the overview of nodes, partitions and
 * rebalancing (a broadcast to the server nodes that waits at most {@link #BROADCAST_TIMEOUT} for the
 * slowest), and the reset of lost partitions. Every method blocks on the grid: call it through
 * {@link io.riskgrid.api.grid.GridCalls} or from a background thread.
 * <p>
 * This class is thread-safe.
 */
@Component
public class ClusterAdmin {

    /** The longest a read of the overview waits for a server node's report. */
    static final Duration BROADCAST_TIMEOUT = ClusterOverviews.DEFAULT_TIMEOUT;

    private final Ignite ignite;

    public ClusterAdmin(Ignite ignite) {
        this.ignite = ignite;
    }

    /** The cluster now. */
    public ClusterOverview overview() {
        return ClusterOverviews.read(ignite, BROADCAST_TIMEOUT);
    }

    /** Resets every lost partition of the partitioned caches and audits it; see {@link LostPartitions#reset}. */
    public LostPartitions.ResetReport reset(String actor, String reason, long now) {
        return LostPartitions.reset(ignite, actor, reason, now);
    }

    /**
     * When the API's node is a client (it joined a cluster), the backlog of its own async-callback
     * pool, where the risk and alert feeds' listeners run; null on a server node, which the
     * overview's broadcast already covers.
     */
    public Long clientCallbackBacklog() {
        if (!ignite.cluster().localNode().isClient()) {
            return null;
        }
        long backlog = NodeReportJob.callbackBacklog(ignite);
        return backlog < 0 ? null : backlog;
    }

    /** The consistent id of the API's own node. */
    public String localConsistentId() {
        return String.valueOf(ignite.cluster().localNode().consistentId());
    }
}
