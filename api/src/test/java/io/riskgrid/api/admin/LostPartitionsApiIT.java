package io.riskgrid.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.core.account.Account;
import io.riskgrid.grid.admin.PartitionedCaches;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lost partitions through the API: the API's embedded node and two {@code riskgrid node} processes,
 * both killed with SIGKILL at once, so that the partitions whose primary and backup were both on them
 * are lost. A request for an account in such a partition is a 503 {@code partitions_lost}, not a 404
 * or an empty answer; the topology and the gauges show the loss; a reset with a reason is audited and
 * makes the partitions usable again, empty (the account is then unknown).
 */
@GridApiTest
@AutoConfigureObservability(tracing = false)
class LostPartitionsApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-lost");
    /** Joins, rebalancing and failure detection on a busy two-core machine: generous, never a measurement. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired
    private WebTestClient web;
    @Autowired
    private Ignite ignite;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void anAccountInALostPartitionIsRefusedWith503UntilAnAuditedResetAcceptsItsLoss() throws Exception {
        int second = CLUSTER.startProcess(ignite, 2);
        int third = CLUSTER.startProcess(ignite, 3);
        await().atMost(WAIT).until(() -> {
            JsonNode t = topology();
            return t.path("servers").asInt() == 3 && !t.path("rebalance").path("inProgress").asBoolean();
        });
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            accounts.add(new Account("LP-" + i, "Lost " + i, "USD", 1_000_000, "TEST"));
        }
        new ReferenceDataWriter(ignite).upsertAccounts(accounts);

        CLUSTER.killProcess(second);
        CLUSTER.killProcess(third);
        await().atMost(WAIT).until(() -> {
            JsonNode t = topology();
            return t.path("servers").asInt() == 1 && t.path("lostPartitions").asLong() > 0;
        });
        JsonNode lost = topology();
        Set<Integer> lostIds = new HashSet<>();
        for (JsonNode c : lost.path("caches")) {
            if (c.path("cache").asText().equals(GridTables.ACCOUNT_RISK)) {
                c.path("lostPartitionIds").forEach(id -> lostIds.add(id.asInt()));
            }
        }
        assertThat(lostIds).isEqualTo(new HashSet<>(ignite.cache(GridTables.ACCOUNT_RISK).lostPartitions()));
        assertThat(lost.path("nodes").get(0).path("partitions").path("lost").asLong())
                .isEqualTo(lost.path("lostPartitions").asLong());

        String refused = null;
        String kept = null;
        for (Account a : accounts) {
            boolean inLost = lostIds.contains(ignite.affinity(GridTables.ACCOUNT_RISK).partition(a.accountId()));
            if (inLost && refused == null) {
                refused = a.accountId();
            } else if (!inLost && kept == null) {
                kept = a.accountId();
            }
        }
        assertThat(refused).as("an account in a lost partition").isNotNull();
        ApiError error = web.get().uri("/api/v1/accounts/{id}/risk", refused).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.error()).isEqualTo("partitions_lost");
        assertThat(error.message()).contains("lost partition", "READ_WRITE_SAFE", "/api/v1/admin/lost-partitions/reset")
                .doesNotContain("Exception", "org.apache");
        web.get().uri("/api/v1/accounts/{id}/risk", kept).exchange().expectStatus().isOk();

        long expectedReset = lost.path("lostPartitions").asLong();
        await().atMost(WAIT).untilAsserted(() -> assertThat(AdminTopologyApiIT.series(prometheus()))
                .containsEntry("riskgrid_partitions_lost{cache=\"ACCOUNT_RISK\"}", (double) lostIds.size())
                .containsEntry("riskgrid_cluster_servers", 1.0));

        JsonNode reset = web.post().uri("/api/v1/admin/lost-partitions/reset").contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "oncall")
                .bodyValue(Map.of("reason", "nodes 1 and 2 are gone for good")).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reset.path("partitionsReset").asLong()).isEqualTo(expectedReset);
        List<String> resetCaches = new ArrayList<>();
        reset.path("caches").forEach(c -> {
            resetCaches.add(c.path("cache").asText());
            assertThat(c.path("partitions").asInt()).isEqualTo(lostIds.size());
        });
        assertThat(resetCaches).containsExactlyElementsOf(PartitionedCaches.NAMES);
        String eventId = reset.path("auditEventId").asText();
        assertThat(eventId).isNotBlank();

        JsonNode audit = web.get().uri("/api/v1/audit?action=LOST_PARTITIONS_RESET").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("eventId").asText()).isEqualTo(eventId);
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("oncall");
        assertThat(audit.get(0).path("reason").asText()).isEqualTo("nodes 1 and 2 are gone for good");
        assertThat(audit.get(0).path("details").asText()).contains("ACCOUNT_RISK", lostIds.size() + " partitions");

        await().atMost(WAIT).until(() -> topology().path("lostPartitions").asLong() == 0);
        // Usable again, and empty: the account's data went with its partition.
        web.get().uri("/api/v1/accounts/{id}/risk", refused).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/accounts/{id}/risk", kept).exchange().expectStatus().isOk();
    }

    private JsonNode topology() {
        return web.get().uri("/api/v1/admin/topology").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String prometheus() {
        return web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
