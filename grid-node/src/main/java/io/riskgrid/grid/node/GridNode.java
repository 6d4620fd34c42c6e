package io.riskgrid.grid.node;

import io.riskgrid.breach.BreachEngine;
import io.riskgrid.compute.var.VarRefresh;
import io.riskgrid.ml.grid.AnomalyScoring;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterState;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.ThinClientConfiguration;
import org.apache.ignite.configuration.TransactionConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.failure.StopNodeOrHaltFailureHandler;
import org.apache.ignite.lifecycle.LifecycleBean;
import org.apache.ignite.lifecycle.LifecycleEventType;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.TcpDiscoveryIpFinder;
import org.apache.ignite.spi.discovery.tcp.ipfinder.kubernetes.TcpDiscoveryKubernetesIpFinder;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.kubernetes.configuration.KubernetesConnectionConfiguration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds and starts RiskGrid's Ignite node in code (no Spring XML): the caches and SQL tables of
 * {@link GridTables}, static IP discovery, the thin-client connector with compute enabled, and a
 * work directory that the configuration names. The same configuration serves the standalone
 * {@code riskgrid node} process and the node the API embeds.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class GridNode {

    /** System property: period of the scheduled anomaly scoring, ms; 0 for none. */
    public static final String ANOMALY_INTERVAL_PROPERTY = "riskgrid.anomaly.interval-ms";

    private static final long ACTIVATION_POLL_MS = 250;

    /** How long a client node tries to join a cluster before it gives up, ms. */
    public static final long CLIENT_JOIN_TIMEOUT_MS = 60_000;

    private GridNode() {
    }

    /** The Ignite configuration of a node with these settings. */
    public static IgniteConfiguration configuration(GridConfig cfg) {
        cfg.validate();
        TcpDiscoverySpi discovery = new TcpDiscoverySpi()
                .setIpFinder(ipFinder(cfg))
                .setLocalAddress(cfg.localHost())
                .setLocalPort(cfg.discoveryPort())
                .setLocalPortRange(cfg.discoveryPortRange());
        if (cfg.clientMode()) {
            // A client with no server to join fails after a minute instead of retrying forever.
            discovery.setJoinTimeout(CLIENT_JOIN_TIMEOUT_MS);
        }
        TcpCommunicationSpi communication = new TcpCommunicationSpi()
                .setLocalAddress(cfg.localHost())
                .setLocalPort(cfg.commPort())
                .setLocalPortRange(cfg.commPortRange());
        ClientConnectorConfiguration connector = new ClientConnectorConfiguration()
                .setHost(cfg.localHost())
                .setPort(cfg.thinPort())
                .setPortRange(cfg.thinPortRange())
                .setThinClientConfiguration(new ThinClientConfiguration().setMaxActiveComputeTasksPerConnection(64));
        DataRegionConfiguration region = new DataRegionConfiguration()
                .setName("default")
                .setInitialSize(Math.min(256L, cfg.dataRegionMb()) * 1024 * 1024)
                .setMaxSize(cfg.dataRegionMb() * 1024 * 1024)
                .setPersistenceEnabled(cfg.persistence());
        DataStorageConfiguration storage = new DataStorageConfiguration().setDefaultDataRegionConfiguration(region);
        if (cfg.persistence() && cfg.walDir() != null) {
            storage.setWalPath(cfg.walDir().resolve("wal").toAbsolutePath().toString())
                    .setWalArchivePath(cfg.walDir().resolve("archive").toAbsolutePath().toString());
        }
        IgniteConfiguration ic = new IgniteConfiguration()
                .setIgniteInstanceName(cfg.instanceName())
                // A stable consistent id keeps a persistent node's storage folder across restarts and ports.
                .setConsistentId(cfg.instanceName())
                .setClientMode(cfg.clientMode())
                .setLocalHost(cfg.localHost())
                .setWorkDirectory(cfg.workDir().toAbsolutePath().toString())
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication)
                // No REST connector (it would open 11211): the API and thin clients are the ways in.
                .setConnectorConfiguration(null)
                .setGridLogger(new Slf4jLogger())
                .setMetricsLogFrequency(0)
                .setPeerClassLoadingEnabled(false)
                .setTransactionConfiguration(new TransactionConfiguration()
                        .setDefaultTxTimeout(10_000)
                        .setTxTimeoutOnPartitionMapExchange(5_000))
                .setFailureHandler(cfg.gentleFailure() ? new StopNodeFailureHandler() : new StopNodeOrHaltFailureHandler())
                .setLifecycleBeans(new StopRiskServices());
        if (!cfg.clientMode()) {
            ic.setClientConnectorConfiguration(connector);
            ic.setDataStorageConfiguration(storage);
        } else {
            ic.setClientConnectorConfiguration(null);
        }
        ic.setCacheConfiguration(GridTables.cacheConfigurations().toArray(new org.apache.ignite.configuration.CacheConfiguration[0]));
        return ic;
    }

    /**
     * Starts a node. A server node then starts, once the cluster is active, its {@link BreachEngine},
     * which watches the accounts it is primary for, its {@link VarRefresh}, which keeps their VaR
     * current, and its {@link AnomalyScoring}, which scores them for anomalies on a schedule.
     * <p>
     * With persistence, the first start of a cluster activates it (its baseline is then the servers
     * present). A restarted cluster is activated once every node of its baseline is back: before that,
     * partitions whose copies are all on absent nodes would read as lost. Until then this method
     * returns with the node joined but inactive, and the risk services start when activation comes.
     * Once active, the baseline follows the server set after {@link GridConfig#baselineTimeoutMs()}
     * of no change (Ignite's baseline auto-adjust): a new node receives partitions, and the copies a
     * lost node held are rebuilt on the others. Without persistence Ignite keeps the baseline equal to
     * the server set at once.
     */
    public static Ignite start(GridConfig cfg) {
        Ignite ignite = Ignition.start(configuration(cfg));
        if (cfg.clientMode()) {
            return ignite;
        }
        if (cfg.persistence() && !ignite.cluster().state().active()) {
            Collection<String> missing = missingBaselineNodes(ignite);
            if (missing.isEmpty()) {
                ignite.cluster().state(ClusterState.ACTIVE);
            } else {
                ignite.log().info("RiskGrid: the cluster stays inactive until these baseline nodes join: " + missing);
            }
        }
        if (ignite.cluster().state().active()) {
            startRiskServices(ignite, cfg);
        } else {
            Thread waiter = new Thread(() -> awaitActivation(ignite, cfg), "riskgrid-await-activation-" + cfg.instanceName());
            waiter.setDaemon(true);
            waiter.start();
        }
        return ignite;
    }

    /**
     * The consistent ids of the baseline nodes that are not in the topology: empty when the cluster
     * has no baseline yet (its first activation) or every baseline node is present.
     */
    public static Collection<String> missingBaselineNodes(Ignite ignite) {
        Collection<BaselineNode> baseline = ignite.cluster().currentBaselineTopology();
        if (baseline == null) {
            return List.of();
        }
        Set<Object> online = new HashSet<>();
        for (ClusterNode n : ignite.cluster().forServers().nodes()) {
            online.add(n.consistentId());
        }
        List<String> missing = new ArrayList<>();
        for (BaselineNode b : baseline) {
            if (!online.contains(b.consistentId())) {
                missing.add(String.valueOf(b.consistentId()));
            }
        }
        return missing;
    }

    private static void awaitActivation(Ignite ignite, GridConfig cfg) {
        try {
            while (Ignition.state(cfg.instanceName()) == IgniteState.STARTED) {
                if (ignite.cluster().state().active()) {
                    startRiskServices(ignite, cfg);
                    return;
                }
                Thread.sleep(ACTIVATION_POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            ignite.log().error("RiskGrid: could not start the risk services after activation", e);
        }
    }

    private static void startRiskServices(Ignite ignite, GridConfig cfg) {
        if (cfg.persistence() && cfg.baselineTimeoutMs() >= 0) {
            ignite.cluster().baselineAutoAdjustTimeout(cfg.baselineTimeoutMs());
            ignite.cluster().baselineAutoAdjustEnabled(true);
        }
        BreachEngine.start(ignite, System::currentTimeMillis, BreachEngine.DEFAULT_TICK_MS);
        VarRefresh.start(ignite, System::currentTimeMillis, VarRefresh.DEFAULT_INTERVAL_MS);
        AnomalyScoring.start(ignite, System::currentTimeMillis, anomalyIntervalMs());
    }

    /** Static addresses, or the endpoints of a Kubernetes Service (ready or not, so a new cluster can form). */
    private static TcpDiscoveryIpFinder ipFinder(GridConfig cfg) {
        if (cfg.kubernetesDiscovery()) {
            KubernetesConnectionConfiguration k8s = new KubernetesConnectionConfiguration()
                    .setServiceName(cfg.kubernetesService())
                    .setNamespace(cfg.kubernetesNamespace())
                    .setDiscoveryPort(cfg.discoveryPort())
                    .setIncludeNotReadyAddresses(true);
            return new TcpDiscoveryKubernetesIpFinder(k8s);
        }
        return new TcpDiscoveryVmIpFinder().setAddresses(cfg.discoveryAddresses());
    }

    /**
     * Period of the scheduled anomaly scoring: system property {@value #ANOMALY_INTERVAL_PROPERTY} in
     * milliseconds (0 turns the schedule off; on-demand scoring still works), default
     * {@value AnomalyScoring#DEFAULT_INTERVAL_MS}.
     */
    static long anomalyIntervalMs() {
        return Long.getLong(ANOMALY_INTERVAL_PROPERTY, AnomalyScoring.DEFAULT_INTERVAL_MS);
    }

    /**
     * The thin-client port the node actually bound: the configured one, or the next free one in its
     * range when another node on the machine holds it.
     */
    public static int thinPort(Ignite ignite, GridConfig cfg) {
        return thinPort(ignite, cfg.thinPort());
    }

    /** The thin-client port the node actually bound, or {@code configured} if it reports none. */
    public static int thinPort(Ignite ignite, int configured) {
        Object port = ignite.cluster().localNode().attribute("clientListenerPort");
        return port instanceof Number n ? n.intValue() : configured;
    }

    /**
     * True when the node is in the topology, the cluster is active and every RiskGrid cache is
     * started: what the API's health check reports as UP.
     */
    public static boolean isReady(Ignite ignite) {
        try {
            if (ignite.cluster().state() != ClusterState.ACTIVE) {
                return false;
            }
            if (!ignite.cluster().nodes().contains(ignite.cluster().localNode())) {
                return false;
            }
            Collection<String> names = ignite.cacheNames();
            return names.containsAll(GridTables.ALL);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops the node's breach engine (its tick and continuous query) and VaR refresh before the node stops. */
    private static final class StopRiskServices implements LifecycleBean {
        @IgniteInstanceResource
        private Ignite ignite;

        @Override
        public void onLifecycleEvent(LifecycleEventType evt) {
            if (evt == LifecycleEventType.BEFORE_NODE_STOP && ignite != null) {
                BreachEngine engine = BreachEngine.of(ignite);
                if (engine != null) {
                    engine.close();
                }
                VarRefresh refresh = VarRefresh.of(ignite);
                if (refresh != null) {
                    refresh.close();
                }
                AnomalyScoring scoring = AnomalyScoring.running(ignite);
                if (scoring != null) {
                    scoring.close();
                }
            }
        }
    }
}
