package io.riskgrid.api.health;

import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.Collection;

/**
 * The {@code grid} component of {@code /actuator/health}: UP only when the API's node is in the
 * topology, the cluster is active and every RiskGrid cache exists ({@link GridNode#isReady}), with
 * the node counts as details. The check runs on the grid scheduler; one that takes longer than
 * {@value #TIMEOUT_SECONDS} s reports DOWN.
 * <p>
 * This class is thread-safe.
 */
@Component
public class GridHealthIndicator implements ReactiveHealthIndicator {

    private static final long TIMEOUT_SECONDS = 5;

    private final Ignite ignite;
    private final Scheduler gridScheduler;

    public GridHealthIndicator(Ignite ignite, Scheduler gridScheduler) {
        this.ignite = ignite;
        this.gridScheduler = gridScheduler;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(this::check)
                .subscribeOn(gridScheduler)
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("reason", "grid did not answer").build()));
    }

    private Health check() {
        boolean ready = GridNode.isReady(ignite);
        Health.Builder h = ready ? Health.up() : Health.down();
        try {
            Collection<ClusterNode> nodes = ignite.cluster().nodes();
            long servers = nodes.stream().filter(n -> !n.isClient()).count();
            h.withDetail("nodes", nodes.size())
                    .withDetail("servers", servers)
                    .withDetail("clusterState", ignite.cluster().state().name())
                    .withDetail("localNodeClient", ignite.cluster().localNode().isClient());
        } catch (RuntimeException e) {
            h.down().withDetail("reason", "grid node is not running");
        }
        return h.build();
    }
}
