package io.riskgrid.grid.admin;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.cluster.ClusterGroupEmptyException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.lang.IgniteFuture;
import org.apache.ignite.lang.IgniteFutureTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link ClusterOverview}: the cluster-wide figures from this node's own view (state,
 * baseline, node counts, lost partitions), and each server node's {@link NodeReport} from a
 * broadcast of {@link NodeReportJob} to the server nodes.
 * <p>
 * The broadcast sends one call per server node ({@code ignite.compute(servers.forNode(n))}) rather
 * than one {@code broadcast}: a single broadcast fails as a whole when one node leaves or hangs,
 * while separate calls let every node that answers be reported, and a node that does not is listed
 * with the reason. Every call shares one deadline, so {@link #read} returns within about
 * {@code timeout} even when a node is dead but not yet out of the topology. No call fails over to
 * another node: a report must come from the node it describes.
 * <p>
 * Blocks on the grid: call it off any event-loop thread. This class is stateless and thread-safe.
 */
public final class ClusterOverviews {

    /** How long a read waits for the slowest server by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private ClusterOverviews() {
    }

    /** The overview, waiting at most {@code timeout} for the nodes' reports. */
    public static ClusterOverview read(Ignite ignite, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        long timeoutMs = Math.max(1, timeout.toMillis());
        long readAt = System.currentTimeMillis();
        long topologyVersion = ignite.cluster().topologyVersion();
        ClusterGroup serverGroup = ignite.cluster().forServers();
        List<ClusterNode> servers = new ArrayList<>(serverGroup.nodes());
        servers.sort(Comparator.comparingLong(ClusterNode::order));
        int clients = ignite.cluster().forClients().nodes().size();

        Set<String> online = new HashSet<>();
        for (ClusterNode n : servers) {
            online.add(String.valueOf(n.consistentId()));
        }
        List<ClusterOverview.BaselineMember> baseline = new ArrayList<>();
        Set<String> inBaseline = new HashSet<>();
        Collection<BaselineNode> baselineNodes = ignite.cluster().currentBaselineTopology();
        if (baselineNodes != null) {
            for (BaselineNode b : baselineNodes) {
                String id = String.valueOf(b.consistentId());
                inBaseline.add(id);
                baseline.add(new ClusterOverview.BaselineMember(id, online.contains(id)));
            }
            baseline.sort(Comparator.comparing(ClusterOverview.BaselineMember::consistentId));
        }

        Map<ClusterNode, IgniteFuture<NodeReport>> calls = new LinkedHashMap<>();
        Map<ClusterNode, String> failed = new LinkedHashMap<>();
        for (ClusterNode n : servers) {
            try {
                calls.put(n, ignite.compute(serverGroup.forNode(n)).withNoFailover().withTimeout(timeoutMs)
                        .callAsync(new NodeReportJob()));
            } catch (IgniteException e) {
                failed.put(n, problem(e));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<ClusterOverview.NodeOverview> nodes = new ArrayList<>();
        List<NodeReport> reports = new ArrayList<>();
        ClusterNode local = ignite.cluster().localNode();
        for (ClusterNode n : servers) {
            NodeReport report = null;
            String problem = failed.get(n);
            IgniteFuture<NodeReport> call = calls.get(n);
            if (call != null) {
                try {
                    report = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (IgniteFutureTimeoutException e) {
                    call.cancel();
                    problem = "no answer within " + timeoutMs + " ms";
                } catch (IgniteException e) {
                    problem = problem(e);
                }
            }
            if (report != null) {
                reports.add(report);
            }
            String consistentId = String.valueOf(n.consistentId());
            nodes.add(new ClusterOverview.NodeOverview(consistentId, n.id().toString(), List.copyOf(n.hostNames()),
                    List.copyOf(n.addresses()), n.order(), inBaseline.contains(consistentId), n.id().equals(local.id()),
                    report, report == null ? problem : null));
        }

        List<ClusterOverview.CacheSummary> caches = new ArrayList<>();
        for (String name : PartitionedCaches.NAMES) {
            IgniteCache<?, ?> cache = ignite.cache(name);
            if (cache == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            CacheConfiguration<?, ?> cfg = cache.getConfiguration(CacheConfiguration.class);
            caches.add(new ClusterOverview.CacheSummary(name, ignite.affinity(name).partitions(), cfg.getBackups(),
                    String.valueOf(cfg.getPartitionLossPolicy()), LostPartitions.ids(cache)));
        }
        return new ClusterOverview(readAt, topologyVersion, ignite.cluster().state().name(), servers.size(), clients,
                baseline, ignite.cluster().isBaselineAutoAdjustEnabled(), caches, nodes, RebalanceSummary.of(reports));
    }

    /** Why a node's call failed, in words of our own (a grid message names internal classes). */
    private static String problem(IgniteException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClusterTopologyException || t instanceof ClusterGroupEmptyException) {
                return "left the topology during the call";
            }
        }
        return "the call failed (" + e.getClass().getSimpleName() + ")";
    }
}
