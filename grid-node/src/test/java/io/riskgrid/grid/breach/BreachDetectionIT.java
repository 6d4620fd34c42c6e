package io.riskgrid.grid.breach;

import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Limit breaches on one real node, found by the breach engine's continuous query and written to
 * ALERTS. Each test trades its own account and instrument, so tests do not see each other's alerts.
 */
class BreachDetectionIT {

    private static LocalGridCluster cluster;
    private static Desk desk;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("breach-detection");
        desk = new Desk(cluster.startNode());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void grossNotionalCrossingRaisesOneAlertThatEscalatesStepsDownAndResolves() {
        desk.account("GROSS-1", 1_000_000).instrument("GR1", "TECH", 100)
                .limit("GROSS-1", "GROSS", LimitMetric.GROSS_NOTIONAL, 1_000_000);
        // 9,500 x 100 = 950,000 of 1,000,000: utilization 0.95, HIGH (>= 0.90)
        desk.fill("GROSS-1", "GR1", Side.BUY, 9_500, 100);
        AlertRow raised = awaitOneAlert("GROSS-1", "HIGH");
        assertThat(raised.metric).isEqualTo("GROSS_NOTIONAL");
        assertThat(raised.status).isEqualTo("ACTIVE");
        assertThat(raised.utilization).isCloseTo(0.95, within(1e-9));
        assertThat(raised.currentValue).isCloseTo(950_000, within(1e-6));
        // price 110: 9,500 x 110 = 1,045,000: 1.045, CRITICAL, the same alert
        desk.price("GR1", 110);
        awaitOneAlert("GROSS-1", "CRITICAL");
        // price 80: 760,000 = 0.76: still >= warn 0.80 - hysteresis 0.05; below CRITICAL 1.00 - 0.05, so it steps
        // down to the level 0.76 + 0.05 = 0.81 clears: MEDIUM (0.75)
        desk.price("GR1", 80);
        awaitOneAlert("GROSS-1", "MEDIUM");
        // price 70: 665,000 = 0.665 < 0.75: resolved
        desk.price("GR1", 70);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(desk.alerts("GROSS-1").values()).singleElement()
                        .satisfies(a -> assertThat(a.status).isEqualTo("RESOLVED")));
    }

    private static AlertRow awaitOneAlert(String accountId, String severity) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, AlertRow> alerts = desk.alerts(accountId);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.values().iterator().next().severity).isEqualTo(severity);
        });
        return desk.alerts(accountId).values().iterator().next();
    }
}
