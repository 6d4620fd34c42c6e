package io.riskgrid.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.admin.PartitionedCaches;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/admin/topology} and the cluster gauges over real HTTP, with two server nodes:
 * the API's embedded node and a {@code riskgrid node} process. The expected partition counts are
 * derived from the caches' configuration (the affinity function's partition count and the backups),
 * not from the endpoint's own output.
 */
@GridApiTest
@AutoConfigureObservability(tracing = false)
class AdminTopologyApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-admin");
    /** A join and its rebalancing on a busy two-core machine: generous, never a measurement. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired
    private WebTestClient web;
    @Autowired
    private Ignite ignite;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @BeforeAll
    static void secondServer(@Autowired Ignite ignite) throws Exception {
        DemoFixture.load(ignite);
        CLUSTER.startProcess(ignite, 2);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void twoServersHoldEveryPartitionOnceAsPrimaryAndOnceAsBackup() {
        await().atMost(WAIT).until(() -> {
            JsonNode t = topology();
            return t.path("servers").asInt() == 2 && t.path("nodes").size() == 2
                    && allReachable(t) && !t.path("rebalance").path("inProgress").asBoolean();
        });
        JsonNode t = topology();
        assertThat(t.path("clusterState").asText()).isEqualTo("ACTIVE");
        assertThat(t.path("active").asBoolean()).isTrue();
        assertThat(t.path("clients").asInt()).isZero();
        assertThat(t.path("readAt").isIntegralNumber()).isTrue();
        assertThat(t.path("readAt").asLong()).isPositive();
        assertThat(t.path("partitionLossPolicy").asText()).isEqualTo(PartitionLossPolicy.READ_WRITE_SAFE.name());
        assertThat(t.path("lostPartitions").asLong()).isZero();
        assertThat(t.path("baseline").path("nodes")).hasSize(2).allMatch(b -> b.path("online").asBoolean());
        assertThat(t.path("baseline").path("offline").asInt()).isZero();
        assertThat(t.path("rebalance").path("progress").asDouble()).isEqualTo(1.0);

        List<String> names = new ArrayList<>();
        t.path("nodes").forEach(n -> names.add(n.path("consistentId").asText()));
        assertThat(names).containsExactlyInAnyOrder("api-admin-0", "api-admin-1");
        assertThat(t.path("nodes")).allMatch(n -> n.path("inBaseline").asBoolean() && n.path("heapMax").asLong() > 0);
        assertThat(t.path("nodes")).filteredOn(n -> n.path("local").asBoolean())
                .extracting(n -> n.path("consistentId").asText()).containsExactly("api-admin-0");

        List<String> caches = new ArrayList<>();
        long allPartitions = 0;
        for (JsonNode cache : t.path("caches")) {
            String name = cache.path("cache").asText();
            caches.add(name);
            @SuppressWarnings("unchecked")
            CacheConfiguration<?, ?> cfg = ignite.cache(name).getConfiguration(CacheConfiguration.class);
            int partitions = cfg.getAffinity().partitions();
            assertThat(ignite.affinity(name).partitions()).isEqualTo(partitions);
            assertThat(cache.path("partitions").asInt()).as(name).isEqualTo(partitions);
            assertThat(cache.path("backups").asInt()).isEqualTo(cfg.getBackups()).isEqualTo(1);
            assertThat(cache.path("lostPartitions").asInt()).isZero();
            assertThat(cache.path("lostPartitionIds")).isEmpty();
            allPartitions += partitions;

            long primary = 0;
            long backup = 0;
            for (JsonNode node : t.path("nodes")) {
                JsonNode c = perCache(node, name);
                primary += c.path("primary").asLong();
                backup += c.path("backup").asLong();
                // Two nodes, two copies of every partition: each node owns all of them.
                assertThat(c.path("owning").asLong()).as(name).isEqualTo(partitions);
                assertThat(c.path("moving").asLong() + c.path("renting").asLong() + c.path("lost").asLong()).isZero();
            }
            assertThat(primary).as(name + " primaries").isEqualTo(partitions);
            assertThat(backup).as(name + " backups").isEqualTo((long) partitions * cfg.getBackups());
        }
        assertThat(caches).containsExactlyElementsOf(PartitionedCaches.NAMES);
        // The per-node totals are the sums over the caches: primary + backup is every partition of every cache.
        for (JsonNode node : t.path("nodes")) {
            JsonNode p = node.path("partitions");
            assertThat(p.path("primary").asLong() + p.path("backup").asLong()).isEqualTo(allPartitions);
            assertThat(p.path("owning").asLong()).isEqualTo(allPartitions);
        }
    }

    @Test
    void prometheusExportsTheClusterGaugesFromABackgroundSnapshot() {
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Double> m = series(prometheus());
            assertThat(m).containsEntry("riskgrid_cluster_servers", 2.0)
                    .containsEntry("riskgrid_cluster_clients", 0.0)
                    .containsEntry("riskgrid_cluster_active", 1.0)
                    .containsEntry("riskgrid_cluster_baseline_nodes", 2.0)
                    .containsEntry("riskgrid_cluster_baseline_offline", 0.0)
                    .containsEntry("riskgrid_cluster_servers_unreachable", 0.0)
                    .containsEntry("riskgrid_rebalance_in_progress", 0.0)
                    .containsEntry("riskgrid_rebalance_partitions_left", 0.0)
                    .containsEntry("riskgrid_rebalance_progress", 1.0)
                    .containsKeys("riskgrid_cq_backlog{node=\"api-admin-0\"}", "riskgrid_cq_backlog{node=\"api-admin-1\"}");
            for (String cache : PartitionedCaches.NAMES) {
                assertThat(m).containsEntry("riskgrid_partitions_lost{cache=\"" + cache + "\"}", 0.0)
                        .containsEntry("riskgrid_partitions_moving{cache=\"" + cache + "\"}", 0.0);
            }
        });
    }

    @Test
    void aResetNeedsAReasonAndWithNothingLostDoesNothing() {
        ApiError missing = web.post().uri("/api/v1/admin/lost-partitions/reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "ops")).exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(missing.error()).isEqualTo("bad_request");
        assertThat(missing.field()).isEqualTo("reason");
        assertThat(missing.message()).startsWith("reason is required");
        web.post().uri("/api/v1/admin/lost-partitions/reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/v1/admin/lost-partitions/reset").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest();

        JsonNode nothing = web.post().uri("/api/v1/admin/lost-partitions/reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "checking")).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(nothing.path("partitionsReset").asLong()).isZero();
        assertThat(nothing.path("caches")).isEmpty();
        assertThat(nothing.path("auditEventId").isNull()).isTrue();
        assertThat(nothing.path("resetAt").asLong()).isPositive();
    }

    private JsonNode topology() {
        return web.get().uri("/api/v1/admin/topology").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static boolean allReachable(JsonNode t) {
        for (JsonNode n : t.path("nodes")) {
            if (!n.path("reachable").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode perCache(JsonNode node, String cache) {
        for (JsonNode c : node.path("caches")) {
            if (c.path("cache").asText().equals(cache)) {
                return c;
            }
        }
        throw new AssertionError(node.path("consistentId").asText() + " reports no " + cache);
    }

    private String prometheus() {
        return web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Every sample of the scrape: series (name and labels) to value. */
    static Map<String, Double> series(String scrape) {
        Map<String, Double> out = new HashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // +Inf or -Inf: not a value any of these tests reads.
            }
        }
        return out;
    }
}
