package io.riskgrid.api.admin;

import io.riskgrid.grid.admin.CacheReport;
import io.riskgrid.grid.admin.ClusterOverview;
import io.riskgrid.grid.admin.LostPartitions;
import io.riskgrid.grid.admin.NodeReport;
import io.riskgrid.grid.admin.RebalanceSummary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the grid's {@link ClusterOverview} and reset report to the admin REST records, in one place.
 * <p>
 * This class is stateless and thread-safe.
 */
final class AdminMapping {

    private AdminMapping() {
    }

    static TopologyView topology(ClusterOverview o) {
        List<TopologyView.BaselineNodeView> baseline = o.baseline().stream()
                .map(b -> new TopologyView.BaselineNodeView(b.consistentId(), b.online())).toList();
        Set<String> policies = new LinkedHashSet<>();
        List<TopologyView.CacheView> caches = new ArrayList<>();
        for (ClusterOverview.CacheSummary c : o.caches()) {
            policies.add(c.partitionLossPolicy());
            caches.add(new TopologyView.CacheView(c.cache(), c.partitions(), c.backups(), c.partitionLossPolicy(),
                    c.lostPartitions().size(), c.lostPartitions()));
        }
        long backlog = 0;
        List<TopologyView.NodeView> nodes = new ArrayList<>();
        for (ClusterOverview.NodeOverview n : o.nodes()) {
            NodeReport r = n.report();
            if (r != null && r.callbackQueue > 0) {
                backlog += r.callbackQueue;
            }
            nodes.add(node(n, r));
        }
        RebalanceSummary s = o.rebalance();
        return new TopologyView(o.readAt(), o.topologyVersion(), o.state(), o.active(), o.servers(), o.clients(),
                new TopologyView.BaselineView(o.baselineAutoAdjust(), baseline, o.baselineOffline()),
                String.join(",", policies), o.lostPartitions(), backlog,
                new TopologyView.RebalanceView(s.inProgress(), s.partitionsMoving(), s.partitionsLeft(), s.partitionsTotal(),
                        s.progress(), s.keysReceived()),
                caches, nodes);
    }

    private static TopologyView.NodeView node(ClusterOverview.NodeOverview n, NodeReport r) {
        if (r == null) {
            return new TopologyView.NodeView(n.consistentId(), n.nodeId(), n.hostNames(), n.addresses(), n.order(),
                    n.inBaseline(), n.local(), false, n.problem(), null, null, null, null, List.of());
        }
        long primary = 0;
        long backup = 0;
        long owning = 0;
        long moving = 0;
        long renting = 0;
        long lost = 0;
        List<TopologyView.NodeCacheView> caches = new ArrayList<>();
        for (CacheReport c : r.caches) {
            primary += c.primary;
            backup += c.backup;
            owning += c.owning;
            moving += c.moving;
            renting += c.renting;
            lost += c.lost;
            caches.add(new TopologyView.NodeCacheView(c.cache, c.primary, c.backup, c.owning, c.moving, c.renting, c.lost,
                    c.rebalancePartitionsLeft, c.rebalancePartitionsTotal, c.rebalanceKeysReceived,
                    time(c.rebalanceStartTime), time(c.rebalanceEndTime)));
        }
        return new TopologyView.NodeView(n.consistentId(), n.nodeId(), n.hostNames(), n.addresses(), n.order(),
                n.inBaseline(), n.local(), true, null, r.heapUsed, r.heapMax, r.callbackQueue < 0 ? null : r.callbackQueue,
                new TopologyView.PartitionCounts(primary, backup, owning, moving, renting, lost), caches);
    }

    static LostPartitionsReset reset(LostPartitions.ResetReport r, long resetAt) {
        List<LostPartitionsReset.CacheReset> caches = new ArrayList<>();
        for (Map.Entry<String, Integer> e : r.partitionsByCache().entrySet()) {
            caches.add(new LostPartitionsReset.CacheReset(e.getKey(), e.getValue()));
        }
        return new LostPartitionsReset(r.partitions(), caches, r.auditEventId(), resetAt);
    }

    private static Long time(long epochMs) {
        return epochMs == CacheReport.NEVER ? null : epochMs;
    }
}
