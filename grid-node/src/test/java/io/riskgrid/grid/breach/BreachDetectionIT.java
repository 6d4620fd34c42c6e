package io.riskgrid.grid.breach;

import io.riskgrid.breach.BreachEngine;
import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.IgniteCache;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Limit breaches on one real node, found by the breach engine's continuous query and written to
 * ALERTS: for each limit metric, a fill or a price that crosses the limit raises exactly one alert
 * with the severity its utilization calls for (LOW 0.50, MEDIUM 0.75, HIGH 0.90, CRITICAL 1.00),
 * and falling back more than the hysteresis (0.05) below the warn level (0.80) resolves it. Each
 * test trades its own accounts and instruments (equity 1,000,000, contract size 1), so tests do not
 * see each other's alerts.
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
        AlertRow raised = awaitOnlyAlert("GROSS-1", "HIGH", "ACTIVE");
        assertThat(raised.metric).isEqualTo("GROSS_NOTIONAL");
        assertThat(raised.limitId).isEqualTo("GROSS");
        assertThat(raised.utilization).isCloseTo(0.95, within(1e-9));
        assertThat(raised.currentValue).isCloseTo(950_000, within(1e-6));
        assertThat(raised.limitValue).isCloseTo(1_000_000, within(1e-6));
        // price 110: 9,500 x 110 = 1,045,000: 1.045, CRITICAL, the same alert
        desk.price("GR1", 110);
        awaitOnlyAlert("GROSS-1", "CRITICAL", "ACTIVE");
        // price 80: 760,000 = 0.76: still >= warn 0.80 - hysteresis 0.05; below CRITICAL 1.00 - 0.05, so it steps
        // down to the level that 0.76 + 0.05 = 0.81 clears: MEDIUM (0.75)
        desk.price("GR1", 80);
        awaitOnlyAlert("GROSS-1", "MEDIUM", "ACTIVE");
        // price 70: 665,000 = 0.665 < 0.75: resolved
        desk.price("GR1", 70);
        AlertRow resolved = awaitOnlyAlert("GROSS-1", "MEDIUM", "RESOLVED");
        assertThat(resolved.peakUtilization).isCloseTo(1.045, within(1e-9));
    }

    @Test
    void netNotionalCrossingByFillRaisesHighAndAnOffsettingFillResolves() {
        desk.account("NET-1", 1_000_000).instrument("NT1", "TECH", 100).instrument("NT2", "TECH", 100)
                .limit("NET-1", "NET", LimitMetric.NET_NOTIONAL, 500_000);
        // net 4,600 x 100 = 460,000 of 500,000 = 0.92: HIGH
        desk.fill("NET-1", "NT1", Side.BUY, 4_600, 100);
        awaitOnlyAlert("NET-1", "HIGH", "ACTIVE");
        // short 2,000 NT2: net 460,000 - 200,000 = 260,000 = 0.52 < 0.75: resolved
        desk.fill("NET-1", "NT2", Side.SELL, 2_000, 100);
        awaitOnlyAlert("NET-1", "HIGH", "RESOLVED");
    }

    @Test
    void instrumentPositionQuantityCrossingRaisesCriticalAndReducingResolves() {
        desk.account("QTY-1", 1_000_000).instrument("PQ1", "TECH", 100)
                .limit("QTY-1", "PQ1-QTY", LimitScope.INSTRUMENT, "PQ1", LimitMetric.POSITION_QTY, 1_000, 0.8);
        // 1,050 of 1,000 = 1.05: CRITICAL
        desk.fill("QTY-1", "PQ1", Side.BUY, 1_050, 100);
        AlertRow a = awaitOnlyAlert("QTY-1", "CRITICAL", "ACTIVE");
        assertThat(a.currentValue).isCloseTo(1_050, within(1e-9));
        // sell 400: 650 = 0.65: resolved
        desk.fill("QTY-1", "PQ1", Side.SELL, 400, 100);
        awaitOnlyAlert("QTY-1", "CRITICAL", "RESOLVED");
    }

    @Test
    void sectorConcentrationCrossingRaisesCriticalAndDilutingResolves() {
        desk.account("CONC-1", 1_000_000).instrument("CE1", "ENERGY", 100).instrument("CT1", "TECH", 100)
                .limit("CONC-1", "ENERGY-CONC", LimitScope.SECTOR, "ENERGY", LimitMetric.CONCENTRATION, 0.5, 0.8);
        // TECH only: ENERGY share 0: nothing
        desk.fill("CONC-1", "CT1", Side.BUY, 1_000, 100);
        // ENERGY 100,000 of gross 200,000 = 0.5 of max 0.5: utilization 1.0, CRITICAL
        desk.fill("CONC-1", "CE1", Side.BUY, 1_000, 100);
        AlertRow a = awaitOnlyAlert("CONC-1", "CRITICAL", "ACTIVE");
        assertThat(a.currentValue).isCloseTo(0.5, within(1e-12));
        // 1,000 more TECH: 100,000 / 300,000 = 0.3333 / 0.5 = 0.667 < 0.75: resolved
        desk.fill("CONC-1", "CT1", Side.BUY, 1_000, 100);
        awaitOnlyAlert("CONC-1", "CRITICAL", "RESOLVED");
    }

    @Test
    void leverageCrossedByAPriceMoveBecomesCriticalAndDeleveragingResolves() {
        desk.account("LEV-1", 1_000_000).instrument("LV1", "TECH", 100)
                .limit("LEV-1", "LEVERAGE", LimitMetric.LEVERAGE, 2.0);
        // 19,000 x 100 = 1,900,000 / equity 1,000,000 = 1.9 of 2.0 = 0.95: HIGH
        desk.fill("LEV-1", "LV1", Side.BUY, 19_000, 100);
        awaitOnlyAlert("LEV-1", "HIGH", "ACTIVE");
        // price 90: gross 1,710,000; equity 1,000,000 - 190,000 = 810,000; leverage 2.1111 / 2 = 1.056: CRITICAL
        desk.price("LV1", 90);
        AlertRow a = awaitOnlyAlert("LEV-1", "CRITICAL", "ACTIVE");
        assertThat(a.currentValue).isCloseTo(1_710_000.0 / 810_000.0, within(1e-9));
        // sell 10,000 at 90: 9,000 x 90 = 810,000 / 810,000 = 1.0 of 2.0 = 0.5: resolved
        desk.fill("LEV-1", "LV1", Side.SELL, 10_000, 90);
        awaitOnlyAlert("LEV-1", "CRITICAL", "RESOLVED");
    }

    @Test
    void dailyLossGrowsWithFallingPricesAndARecoveryResolves() {
        desk.account("LOSS-1", 1_000_000).instrument("DL1", "TECH", 100)
                .limit("LOSS-1", "DAILY_LOSS", LimitMetric.DAILY_LOSS, 50_000);
        desk.fill("LOSS-1", "DL1", Side.BUY, 10_000, 100);
        // price 95.5: loss 10,000 x 4.5 = 45,000 of 50,000 = 0.90: HIGH
        desk.price("DL1", 95.5);
        awaitOnlyAlert("LOSS-1", "HIGH", "ACTIVE");
        // price 94: loss 60,000 = 1.2: CRITICAL
        desk.price("DL1", 94);
        awaitOnlyAlert("LOSS-1", "CRITICAL", "ACTIVE");
        // price 99: loss 10,000 = 0.2: resolved
        desk.price("DL1", 99);
        awaitOnlyAlert("LOSS-1", "CRITICAL", "RESOLVED");
    }

    @Test
    void drawdownCrossingRaisesMediumAndARecoveryToThePeakResolves() {
        desk.account("DD-1", 1_000_000).instrument("DD1", "TECH", 100)
                .limit("DD-1", "DRAWDOWN", LimitMetric.DRAWDOWN, 0.15);
        desk.fill("DD-1", "DD1", Side.BUY, 10_000, 100);
        // price 87: equity 870,000 from a peak of 1,000,000: drawdown 0.13 / 0.15 = 0.867: MEDIUM
        desk.price("DD1", 87);
        AlertRow a = awaitOnlyAlert("DD-1", "MEDIUM", "ACTIVE");
        assertThat(a.currentValue).isCloseTo(0.13, within(1e-12));
        // price 100: back at the peak, drawdown 0: resolved
        desk.price("DD1", 100);
        awaitOnlyAlert("DD-1", "MEDIUM", "RESOLVED");
    }

    @Test
    void varAboveItsLimitRaisesHighOnceTheFigureIsKnownAndResolvesWhenItFalls() {
        desk.account("VAR-1", 1_000_000).instrument("VR1", "TECH", 100)
                .limit("VAR-1", "VAR99", LimitMetric.VAR_99, 50_000);
        desk.fill("VAR-1", "VR1", Side.BUY, 1_000, 100);
        // No VaR is known yet (NaN): no alert. A VaR figure of 47,500 of 50,000 = 0.95: HIGH
        setVar("VAR-1", 47_500);
        awaitOnlyAlert("VAR-1", "HIGH", "ACTIVE");
        // 20,000 = 0.4: resolved
        setVar("VAR-1", 20_000);
        awaitOnlyAlert("VAR-1", "HIGH", "RESOLVED");
    }

    @Test
    void utilizationHoveringAtTheWarnAndHighLevelsNeitherFlapsNorResolves() {
        desk.account("HOVER-1", 1_000_000).instrument("HV1", "TECH", 100)
                .limit("HOVER-1", "GROSS", LimitMetric.GROSS_NOTIONAL, 1_000_000);
        // 8,000 x 100 = 800,000 = 0.80: at the warn level, MEDIUM
        desk.fill("HOVER-1", "HV1", Side.BUY, 8_000, 100);
        AlertRow first = awaitOnlyAlert("HOVER-1", "MEDIUM", "ACTIVE");
        // 0.792, 0.804, 0.784, 0.796, 0.776: all above 0.80 - 0.05 = 0.75, none reaches HIGH 0.90
        for (double p : new double[]{99, 100.5, 98, 99.5, 97}) {
            desk.price("HV1", p);
        }
        // 0.904 reaches HIGH; then 0.896, 0.901, 0.86: all above 0.90 - 0.05 = 0.85, so it stays HIGH
        desk.price("HV1", 113);
        AlertRow high = awaitOnlyAlert("HOVER-1", "HIGH", "ACTIVE");
        for (double p : new double[]{112, 112.625, 107.5}) {
            desk.price("HV1", p);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(desk.alerts("HOVER-1").values()).singleElement()
                        .satisfies(a -> assertThat(a.utilization).isCloseTo(0.86, within(1e-9))));
        AlertRow last = desk.alerts("HOVER-1").values().iterator().next();
        assertThat(last.severity).isEqualTo("HIGH");
        assertThat(last.status).isEqualTo("ACTIVE");
        assertThat(last.createdAt).isEqualTo(first.createdAt);
        assertThat(last.severitySince).as("no severity change after reaching HIGH").isEqualTo(high.severitySince);
    }

    @Test
    void onePriceMovePushingManyAccountsOverTheirLimitAlertsEveryOne() {
        desk.instrument("MANY1", "TECH", 100);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = "MANY-" + i;
            accounts.add(id);
            desk.account(id, 1_000_000).limit(id, "GROSS", LimitMetric.GROSS_NOTIONAL, 1_000_000);
            // 7,000 x 100 = 700,000 = 0.70: below the warn level, no alert
            desk.fill(id, "MANY1", Side.BUY, 7_000, 100);
        }
        // price 130: 910,000 = 0.91: HIGH for every account
        desk.price("MANY1", 130);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String id : accounts) {
                assertThat(desk.alerts(id).values()).as(id).singleElement()
                        .satisfies(a -> assertThat(a.severity).isEqualTo("HIGH"));
            }
        });
    }

    @Test
    void reconciliationRaisesAnAlertWhoseWriteWasLostAndResolvesOneWhoseBreachIsGone() {
        desk.account("REC-1", 1_000_000).instrument("RC1", "TECH", 100)
                .limit("REC-1", "GROSS", LimitMetric.GROSS_NOTIONAL, 1_000_000);
        desk.fill("REC-1", "RC1", Side.BUY, 9_500, 100);
        AlertRow raised = awaitOnlyAlert("REC-1", "HIGH", "ACTIVE");
        String alertId = desk.alerts("REC-1").keySet().iterator().next();
        IgniteCache<AlertKey, AlertRow> alerts = desk.ignite().cache(GridTables.ALERTS);
        // As if the node that wrote the breach had died before writing its alert: the alert is missing...
        alerts.remove(new AlertKey("REC-1", alertId));
        // ...and an alert is open whose breach the risk row no longer has.
        alerts.put(new AlertKey("REC-1", "REC-1-A999"), raised);
        // (A scheduled reconciliation may get there first; either way the result is the same.)
        BreachEngine.of(desk.ignite()).reconcile();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, AlertRow> now = desk.alerts("REC-1");
            assertThat(now).containsOnlyKeys(alertId, "REC-1-A999");
            assertThat(now.get(alertId).status).isEqualTo("ACTIVE");
            assertThat(now.get(alertId).severity).isEqualTo("HIGH");
            assertThat(now.get("REC-1-A999").status).isEqualTo("RESOLVED");
        });
    }

    private static void setVar(String accountId, double var99) {
        new AccountBook(desk.ignite()).update(accountId, System.currentTimeMillis(), u -> u.risk().var99 = var99);
    }

    /** Waits until the account has exactly one alert, of this severity and status, and returns it. */
    private static AlertRow awaitOnlyAlert(String accountId, String severity, String status) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<String, AlertRow> alerts = desk.alerts(accountId);
            assertThat(alerts).as("alerts of " + accountId).hasSize(1);
            AlertRow a = alerts.values().iterator().next();
            assertThat(a.severity).isEqualTo(severity);
            assertThat(a.status).isEqualTo(status);
        });
        return desk.alerts(accountId).values().iterator().next();
    }
}
