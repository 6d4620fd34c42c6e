package io.riskgrid.grid.admin;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.cache.IgniteInternalCache;
import org.apache.ignite.internal.processors.cache.distributed.dht.topology.GridDhtLocalPartition;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.spi.metric.BooleanMetric;
import org.apache.ignite.spi.metric.DoubleMetric;
import org.apache.ignite.spi.metric.IntMetric;
import org.apache.ignite.spi.metric.LongMetric;
import org.apache.ignite.spi.metric.Metric;
import org.apache.ignite.spi.metric.ReadOnlyMetricRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;

/**
 * The job {@link ClusterOverviews} sends to every server node: it measures the node it runs on and
 * answers a {@link NodeReport}. Peer class loading is off, so this class is on every server's class
 * path (grid-node is).
 * <p>
 * Where the figures come from, as measured on Ignite 2.17 (see docs/operations-section.md):
 * <ul>
 *   <li>primary and backup counts: the public {@link Affinity} of the cache;</li>
 *   <li>partition states: the node's local partitions in its partition topology. No public API
 *       counts LOST partitions: {@code CacheMetrics.getTotalPartitionsCount()} and the
 *       {@code cacheGroups.*} metrics count OWNING, MOVING and RENTING only, so the states are read
 *       from {@code GridCacheContext.topology().localPartitions()}, the one internal call here;</li>
 *   <li>rebalancing: the {@code cacheGroups.<cache>} metric registry ({@code RebalancingPartitionsLeft},
 *       {@code RebalancingPartitionsTotal}, {@code RebalancingReceivedKeys}, start and end times),
 *       which Ignite keeps whether cache statistics are enabled or not. {@code CacheMetrics}'
 *       keys-to-rebalance figures need statistics, which RiskGrid's caches leave off, and even with
 *       them {@code getRebalancedKeys()} stayed 0 while a rebalance ran, so keys left is not reported;</li>
 *   <li>the continuous-query backlog: {@code QueueSize} of the {@code threadPools.GridCallbackExecutor}
 *       registry, the async-callback pool's waiting tasks.</li>
 * </ul>
 * This class is thread-safe; an instance carries no state of its own.
 */
public final class NodeReportJob implements IgniteCallable<NodeReport> {

    private static final long serialVersionUID = 1L;

    /** The registry of Ignite's async-callback pool, where {@code @IgniteAsyncCallback} code runs. */
    static final String CALLBACK_POOL_REGISTRY = "threadPools.GridCallbackExecutor";
    /** The prefix of a cache group's registry; a cache with no group name is its own group. */
    static final String CACHE_GROUP_REGISTRY = "cacheGroups.";

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public NodeReport call() {
        return measure(ignite);
    }

    /** Measures the node {@code ignite} is. */
    public static NodeReport measure(Ignite ignite) {
        ClusterNode local = ignite.cluster().localNode();
        NodeReport r = new NodeReport();
        r.nodeId = local.id().toString();
        r.consistentId = String.valueOf(local.consistentId());
        r.hostNames.addAll(local.hostNames());
        r.addresses.addAll(local.addresses());
        r.order = local.order();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        r.heapUsed = heap.getUsed();
        r.heapMax = heap.getMax();
        r.measuredAt = System.currentTimeMillis();

        Map<String, ReadOnlyMetricRegistry> registries = registries(ignite);
        ReadOnlyMetricRegistry callbacks = registries.get(CALLBACK_POOL_REGISTRY);
        r.callbackQueue = number(callbacks, "QueueSize", -1);
        r.callbackActive = number(callbacks, "ActiveCount", -1);

        for (String name : PartitionedCaches.NAMES) {
            IgniteCache<?, ?> cache = ignite.cache(name);
            if (cache == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            CacheConfiguration<?, ?> cfg = cache.getConfiguration(CacheConfiguration.class);
            r.caches.add(cacheReport(ignite, local, name, registries.get(CACHE_GROUP_REGISTRY
                    + (cfg.getGroupName() == null ? name : cfg.getGroupName()))));
        }
        return r;
    }

    /**
     * Tasks waiting in this node's async-callback pool, or -1 when it does not report it. Unlike
     * {@link #measure}, it needs no cache and works on a client node too (the API as a client runs
     * its feeds' listeners in its own pool).
     */
    public static long callbackBacklog(Ignite ignite) {
        return number(registries(ignite).get(CALLBACK_POOL_REGISTRY), "QueueSize", -1);
    }

    private static CacheReport cacheReport(Ignite ignite, ClusterNode local, String name, ReadOnlyMetricRegistry group) {
        CacheReport c = new CacheReport();
        c.cache = name;
        Affinity<Object> affinity = ignite.affinity(name);
        c.primary = affinity.primaryPartitions(local).length;
        c.backup = affinity.backupPartitions(local).length;
        IgniteInternalCache<Object, Object> internal = ((IgniteEx) ignite).cachex(name);
        if (internal != null) {
            for (GridDhtLocalPartition p : internal.context().topology().localPartitions()) {
                switch (p.state()) {
                    case OWNING -> c.owning++;
                    case MOVING -> c.moving++;
                    case RENTING -> c.renting++;
                    case LOST -> c.lost++;
                    default -> c.other++;
                }
            }
        }
        c.rebalancePartitionsLeft = (int) number(group, "RebalancingPartitionsLeft", 0);
        c.rebalancePartitionsTotal = (int) number(group, "RebalancingPartitionsTotal", 0);
        c.rebalanceKeysReceived = number(group, "RebalancingReceivedKeys", 0);
        c.rebalanceStartTime = time(number(group, "RebalancingStartTime", CacheReport.NEVER));
        c.rebalanceEndTime = time(number(group, "RebalancingEndTime", CacheReport.NEVER));
        return c;
    }

    /**
     * Every metric registry of the node by name. Looked up by iterating, never with
     * {@code registry(name)}, which would create a registry that does not exist.
     */
    static Map<String, ReadOnlyMetricRegistry> registries(Ignite ignite) {
        Map<String, ReadOnlyMetricRegistry> out = new HashMap<>();
        for (ReadOnlyMetricRegistry r : ((IgniteEx) ignite).context().metric()) {
            out.put(r.name(), r);
        }
        return out;
    }

    /** A metric's value as a whole number, or {@code absent} when the registry or metric does not exist. */
    static long number(ReadOnlyMetricRegistry registry, String metric, long absent) {
        if (registry == null) {
            return absent;
        }
        Metric m = registry.findMetric(metric);
        if (m instanceof IntMetric i) {
            return i.value();
        }
        if (m instanceof LongMetric l) {
            return l.value();
        }
        if (m instanceof DoubleMetric d) {
            return (long) d.value();
        }
        if (m instanceof BooleanMetric b) {
            return b.value() ? 1 : 0;
        }
        return absent;
    }

    /** Ignite reports a time that has not happened as -1 or 0. */
    private static long time(long epochMs) {
        return epochMs > 0 ? epochMs : CacheReport.NEVER;
    }
}
