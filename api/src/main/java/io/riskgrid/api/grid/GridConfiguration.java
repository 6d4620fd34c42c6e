package io.riskgrid.api.grid;

import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * The API's grid node and the scheduler its blocking grid calls run on. The node starts when the
 * application context starts and closes when it closes, after every bean that uses it.
 */
@Configuration(proxyBeanMethods = false)
public class GridConfiguration {

    /** Calls that wait for a free thread; beyond this the API answers 503 instead of queueing without bound. */
    private static final int QUEUED_CALLS = 10_000;

    /** The node settings the {@code riskgrid.grid.*} properties describe. */
    @Bean
    public GridConfig gridConfig(RiskGridProperties properties) {
        return toGridConfig(properties.grid());
    }

    /** The grid node: an embedded server node or a client node, started from {@link #gridConfig}. */
    @Bean(destroyMethod = "close")
    public Ignite ignite(GridConfig gridConfig) {
        return GridNode.start(gridConfig);
    }

    /**
     * The scheduler every blocking grid call of the API runs on, so that no grid call ever blocks a
     * Netty event-loop thread.
     */
    @Bean(destroyMethod = "dispose")
    public Scheduler gridScheduler(RiskGridProperties properties) {
        return Schedulers.newBoundedElastic(properties.grid().blockingThreads(), QUEUED_CALLS, "riskgrid-grid-call",
                60, true);
    }

    @Bean
    public GridCalls gridCalls(Scheduler gridScheduler) {
        return new GridCalls(gridScheduler);
    }

    /** The node settings of {@code riskgrid.grid.*}; a missing work directory takes GridConfig's default. */
    static GridConfig toGridConfig(RiskGridProperties.Grid grid) {
        GridConfig cfg = GridConfig.defaults(grid.instanceName())
                .withDiscovery(List.copyOf(grid.discovery()))
                .withPorts(grid.discoveryPort(), grid.commPort(), grid.thinPort())
                .withDataRegionMb(grid.dataRegionMb())
                .withHost(grid.host())
                .withClientMode(grid.mode() == GridMode.CLIENT);
        if (grid.kubernetesService() != null && !grid.kubernetesService().isBlank()) {
            cfg = cfg.withKubernetes(grid.kubernetesService(), grid.kubernetesNamespace());
        }
        if (grid.workDir() != null) {
            cfg = cfg.withWorkDir(grid.workDir());
        }
        return cfg.validate();
    }
}
