package io.riskgrid.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.riskgrid.grid.admin.CacheReport;
import io.riskgrid.grid.admin.ClusterOverview;
import io.riskgrid.grid.admin.NodeReport;
import io.riskgrid.grid.admin.PartitionedCaches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Operations gauges for Prometheus, read from a {@link ClusterOverview} that a background thread
 * refreshes every {@link #REFRESH} (each read waits at most {@link ClusterAdmin#BROADCAST_TIMEOUT} for
 * the slowest server). A scrape only reads the latest snapshot, so it never waits for the grid, not
 * even for a dead node that is still in the topology. Until the first read, or when the last read
 * failed as a whole (the API's node is stopping), the gauges are NaN.
 * <ul>
 *   <li>{@code riskgrid.cluster.servers}, {@code riskgrid.cluster.clients}: nodes in the topology;</li>
 *   <li>{@code riskgrid.cluster.servers.unreachable}: servers that did not answer the last read;</li>
 *   <li>{@code riskgrid.cluster.baseline.nodes}, {@code riskgrid.cluster.baseline.offline}: the baseline's
 *       nodes, and those of them not in the topology;</li>
 *   <li>{@code riskgrid.cluster.active}: 1 when the cluster state is ACTIVE, 0 for INACTIVE or READ_ONLY
 *       (read-only refuses fills and prices);</li>
 *   <li>{@code riskgrid.partitions.lost{cache}}: lost partitions of each partitioned cache;</li>
 *   <li>{@code riskgrid.partitions.moving{cache}}: MOVING partition copies of each partitioned cache, summed
 *       over the servers;</li>
 *   <li>{@code riskgrid.rebalance.in.progress} (1/0), {@code riskgrid.rebalance.partitions.left} and
 *       {@code riskgrid.rebalance.progress} (0..1): the rebalancing summary;</li>
 *   <li>{@code riskgrid.cq.backlog{node}}: tasks waiting in each node's async-callback pool (continuous-query
 *       events the breach filter and the feeds' listeners have not started on), per server node by
 *       consistent id, plus the API's own node when it is a client.</li>
 * </ul>
 * Keys left to rebalance are not exported: Ignite 2.17 measures them only with cache statistics on,
 * which RiskGrid's caches leave off, and its rebalanced-keys count stayed 0 when they were on.
 * Tags are of low cardinality (cache names, node names), never an account.
 * <p>
 * This class is thread-safe.
 */
@Component
public class ClusterGauges implements SmartLifecycle {

    /** How often the snapshot is refreshed. */
    static final Duration REFRESH = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterGauges.class);

    private final ClusterAdmin admin;
    private final MultiGauge backlog;
    private volatile ClusterOverview snapshot;
    /** The API's own node's backlog when it is a client node, else NaN. */
    private volatile double clientBacklog = Double.NaN;
    private ScheduledExecutorService scheduler;
    /** Written by the refresh thread only: what the last read found, so that only changes are logged. */
    private boolean lastReadFailed;
    private Set<String> lastUnreachable = Set.of();

    public ClusterGauges(ClusterAdmin admin, MeterRegistry registry) {
        this.admin = admin;
        gauge(registry, "riskgrid.cluster.servers", "Server nodes in the topology", ClusterOverview::servers);
        gauge(registry, "riskgrid.cluster.clients", "Client nodes in the topology", ClusterOverview::clients);
        gauge(registry, "riskgrid.cluster.servers.unreachable", "Server nodes that did not answer the last topology read",
                ClusterOverview::unreachable);
        gauge(registry, "riskgrid.cluster.baseline.nodes", "Nodes of the baseline topology", o -> o.baseline().size());
        gauge(registry, "riskgrid.cluster.baseline.offline", "Baseline nodes not in the topology", ClusterOverview::baselineOffline);
        gauge(registry, "riskgrid.cluster.active", "1 when the cluster state is ACTIVE, else 0", o -> o.active() ? 1 : 0);
        gauge(registry, "riskgrid.rebalance.in.progress", "1 while any server node is loading partitions, else 0",
                o -> o.rebalance().inProgress() ? 1 : 0);
        gauge(registry, "riskgrid.rebalance.partitions.left", "Partitions the rebalancing under way has still to load",
                o -> o.rebalance().partitionsLeft());
        gauge(registry, "riskgrid.rebalance.progress", "Share of the partitions the rebalancing under way set out to load "
                + "that have arrived, 0..1; 1 when nothing is rebalancing", o -> o.rebalance().progress());
        for (String cache : PartitionedCaches.NAMES) {
            Gauge.builder("riskgrid.partitions.lost", this, g -> g.value(o -> lost(o, cache)))
                    .description("Lost partitions of a partitioned cache: every copy left the cluster; its keys are refused")
                    .tag("cache", cache).register(registry);
            Gauge.builder("riskgrid.partitions.moving", this, g -> g.value(o -> moving(o, cache)))
                    .description("MOVING partition copies of a partitioned cache, summed over the server nodes")
                    .tag("cache", cache).register(registry);
        }
        backlog = MultiGauge.builder("riskgrid.cq.backlog")
                .description("Tasks waiting in a node's async-callback pool: continuous-query events not yet handled")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ClusterOverview> f) {
        Gauge.builder(name, this, g -> g.value(f)).description(description).register(registry);
    }

    private double value(ToDoubleFunction<ClusterOverview> f) {
        ClusterOverview o = snapshot;
        return o == null ? Double.NaN : f.applyAsDouble(o);
    }

    private static double lost(ClusterOverview o, String cache) {
        return o.caches().stream().filter(c -> c.cache().equals(cache)).mapToInt(c -> c.lostPartitions().size())
                .findFirst().orElse(0);
    }

    private static double moving(ClusterOverview o, String cache) {
        long moving = 0;
        for (ClusterOverview.NodeOverview n : o.nodes()) {
            if (n.report() != null) {
                for (CacheReport c : n.report().caches) {
                    if (c.cache.equals(cache)) {
                        moving += c.moving;
                    }
                }
            }
        }
        return moving;
    }

    /**
     * The backlog of a server node in the latest snapshot; NaN when it did not answer, or when there
     * is no snapshot.
     */
    private double backlogOf(String consistentId) {
        ClusterOverview o = snapshot;
        if (o != null) {
            for (ClusterOverview.NodeOverview n : o.nodes()) {
                NodeReport r = n.report();
                if (n.consistentId().equals(consistentId) && r != null && r.callbackQueue >= 0) {
                    return r.callbackQueue;
                }
            }
        }
        return Double.NaN;
    }

    /**
     * Reads the cluster and replaces the snapshot; runs on the refresh thread. The backlog has one
     * series per server node in the topology, whether it answered or not (NaN when not), so that a
     * slow answer makes a gap in the series rather than removing it; a node that leaves the topology
     * loses its series.
     */
    void refresh() {
        ClusterOverview o;
        try {
            o = admin.overview();
        } catch (RuntimeException e) {
            // The node is stopping or has lost its cluster: no figure is better than a stale one.
            if (!lastReadFailed) {
                LOG.warn("cluster overview failed; the cluster gauges show NaN until a read succeeds: {}", e.toString());
                LOG.debug("cluster overview failure", e);
            }
            lastReadFailed = true;
            snapshot = null;
            return;
        }
        if (lastReadFailed) {
            LOG.info("cluster overview read again: {} server node(s)", o.servers());
        }
        lastReadFailed = false;
        snapshot = o;
        Set<String> unreachable = new TreeSet<>();
        for (ClusterOverview.NodeOverview n : o.nodes()) {
            if (n.report() == null) {
                unreachable.add(n.consistentId());
                if (!lastUnreachable.contains(n.consistentId())) {
                    LOG.warn("server node {} did not report: {}", n.consistentId(), n.problem());
                }
            }
        }
        lastUnreachable = unreachable;
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ClusterOverview.NodeOverview n : o.nodes()) {
            String id = n.consistentId();
            rows.add(MultiGauge.Row.of(Tags.of("node", id), this, g -> g.backlogOf(id)));
        }
        try {
            Long client = admin.clientCallbackBacklog();
            clientBacklog = client == null ? Double.NaN : client;
            if (client != null) {
                rows.add(MultiGauge.Row.of(Tags.of("node", admin.localConsistentId()), this, g -> g.clientBacklog));
            }
        } catch (RuntimeException e) {
            clientBacklog = Double.NaN;
            LOG.debug("could not read the API node's callback backlog", e);
        }
        // Without overwrite a row that stays keeps its meter (its value is read from the snapshot at
        // scrape time), so no scrape can fall between a removal and a re-registration.
        backlog.register(rows, false);
    }

    /** The latest overview, or null; for tests. */
    ClusterOverview snapshot() {
        return snapshot;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "riskgrid-cluster-gauges");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("cluster gauge refresh failed", e);
            }
        }, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            // A read in flight ends within the broadcast timeout; the grid node closes after this.
            scheduler.awaitTermination(ClusterAdmin.BROADCAST_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
