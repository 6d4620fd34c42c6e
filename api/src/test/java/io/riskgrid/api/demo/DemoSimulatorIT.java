package io.riskgrid.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.simulator.IncidentInjected;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.compute.ingest.IngestCounters;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PriceRow;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with its simulator: within seconds of start fills are applied and prices move; stopping
 * the simulator ends its thread.
 */
@GridApiTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSimulatorIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-demo-sim");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private Ignite ignite;
    @Autowired
    private DemoLifecycle demo;
    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
        registry.add("riskgrid.demo.enabled", () -> "true");
        registry.add("riskgrid.demo.simulator", () -> "true");
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void fillsAreAppliedAndPricesMoveWithinSeconds() throws InterruptedException {
        long fillsBefore = IngestCounters.fillsApplied();
        double aaplOpening = ignite.<String, PriceRow>cache(GridTables.PRICES).get("AAPL").price;

        // Two ticks of 50 fills each.
        awaitTrue(() -> IngestCounters.fillsApplied() - fillsBefore >= 100);
        awaitTrue(() -> ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM POSITIONS") > 0);
        awaitTrue(() -> ignite.<String, PriceRow>cache(GridTables.PRICES).get("AAPL").price != aaplOpening);
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM ACCOUNT_RISK WHERE GROSS_EXPOSURE > 0")).isPositive();
    }

    @Test
    @Order(2)
    void anInjectedFatFingerBecomesAnAnomalyAlertVisibleInTheApi() throws InterruptedException {
        String account = "ACC-007";
        // Scoring compares the last minute with the history before it, and judges an account only once
        // that history is longer than a minute: let the simulator trade a little over two minutes first.
        awaitTrue(() -> ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM FILLS WHERE ACCOUNT_ID = '" + account + "'") > 0);
        long first = ((Number) ignite.cache(GridTables.FILLS).query(new org.apache.ignite.cache.query.SqlFieldsQuery(
                "SELECT MIN(TS) FROM FILLS WHERE ACCOUNT_ID = ?").setArgs(account).setSchema("PUBLIC")).getAll().get(0).get(0))
                .longValue();
        Thread.sleep(Math.max(0, first + 125_000 - System.currentTimeMillis()));
        IncidentInjected injected = web.post().uri("/api/v1/simulator/incidents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "FAT_FINGER", "accountId", account)).exchange()
                .expectStatus().isAccepted()
                .expectBody(IncidentInjected.class).returnResult().getResponseBody();
        assertThat(injected.type()).isEqualTo("FAT_FINGER");
        assertThat(injected.accountId()).isEqualTo(account);
        // The incident's one fill reaches the grid with the next tick.
        awaitTrue(() -> ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM FILLS WHERE ACCOUNT_ID = '" + account
                + "' AND FILL_ID LIKE '%-inc-%'") == 1);

        // Scored now, on the account's primary: the order far beyond the account's habit drives the score.
        JsonNode score = web.get().uri("/api/v1/accounts/{id}/anomaly", account).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(score.get("primary").asBoolean()).isTrue();
        assertThat(score.get("anomalous").asBoolean()).as("%s", score).isTrue();
        assertThat(score.get("score").asDouble()).isGreaterThanOrEqualTo(score.get("threshold").asDouble());
        assertThat(score.get("drivers").fieldNames().next()).isEqualTo("orderSize");
        String alertId = score.get("alertId").asText();

        // The alert is an ordinary open alert of the account, with the features that drove it.
        JsonNode alerts = web.get().uri("/api/v1/alerts/active?accountId={id}", account).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode alert = null;
        for (JsonNode a : alerts) {
            if (a.get("alertId").asText().equals(alertId)) {
                alert = a;
            }
        }
        assertThat(alert).as("alert %s in %s", alertId, alerts).isNotNull();
        assertThat(alert.get("metric").asText()).isEqualTo("ANOMALY");
        assertThat(alert.get("limitId").asText()).isEqualTo("ANOMALY");
        assertThat(alert.get("severity").asText()).isIn("HIGH", "CRITICAL");
        assertThat(alert.get("details").asText()).contains("orderSize");
    }

    @Test
    @Order(3)
    void stoppingTheSimulatorEndsItsThread() throws InterruptedException {
        demo.stop();
        assertThat(demo.isRunning()).isFalse();
        // The executor has terminated; its worker thread may take a moment more to leave run().
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("riskgrid-demo-simulator") && t.isAlive()));
        long after = IngestCounters.fillsApplied();
        Thread.sleep(600);
        assertThat(IngestCounters.fillsApplied()).isEqualTo(after);

        // With the simulator stopped, an incident cannot be injected.
        web.post().uri("/api/v1/simulator/incidents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "RUNAWAY_ALGO", "accountId", "ACC-001")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("not running"));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
