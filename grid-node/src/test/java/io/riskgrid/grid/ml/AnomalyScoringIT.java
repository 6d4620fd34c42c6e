package io.riskgrid.grid.ml;

import io.riskgrid.breach.alert.AnomalyAlerts;
import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.core.simulation.MarketSimulator;
import io.riskgrid.core.simulation.OrderFlowSimulator;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.AnomalyRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import io.riskgrid.ml.grid.AnomalyResult;
import io.riskgrid.ml.grid.AnomalyScoreTask;
import io.riskgrid.ml.grid.AnomalyScoring;
import io.riskgrid.ml.simulation.IncidentPlan;
import io.riskgrid.ml.simulation.IncidentType;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anomaly scoring on a two-server grid. Six demo accounts trade the demo's order flow (the same
 * simulators, seeds and per-account rate as {@code riskgrid demo}) for the last 16 minutes, with
 * timestamps ending now; one of them also trades a FAT_FINGER incident 5 s before the end, another
 * a RUNAWAY_ALGO burst over the last minute, both through {@link IncidentPlan}, the code the live
 * simulator injects with.
 * <p>
 * Checked: every score is computed on the account's primary node, whichever node asks (the other
 * server, a client); the incident accounts score at or above the threshold and get an ANOMALY alert
 * whose details name the driving features; the accounts that traded normally stay below it with no
 * alert; the schedule's unit (each node scores its own primaries) covers every account once.
 */
class AnomalyScoringIT {

    private static final double TICK_YEARS = 1.0 / (252 * 390);
    private static final long TICK_MS = 250;
    /** 16 minutes of 250 ms ticks: the 15-minute baseline and the 1-minute recent window. */
    private static final int TICKS = 16 * 240;
    private static final int ACCOUNTS = 6;

    private static LocalGridCluster cluster;
    private static Ignite first;
    private static Ignite second;
    private static Ignite client;
    private static List<Account> accounts;
    private static String fatFinger;
    private static String runaway;

    @BeforeAll
    static void trade() {
        cluster = new LocalGridCluster("anomaly-scoring");
        first = cluster.startNode();
        second = cluster.startNode();
        client = cluster.startClient();
        DemoBook book = DemoBook.DEFAULT;
        accounts = book.accounts().subList(0, ACCOUNTS);
        List<Instrument> instruments = book.instruments();
        ReferenceDataWriter writer = new ReferenceDataWriter(first);
        writer.upsertInstruments(instruments);
        writer.upsertAccounts(accounts);
        fatFinger = accounts.get(0).accountId();
        runaway = accounts.get(1).accountId();

        MarketSimulator market = book.simulator(20260101L);
        OrderFlowSimulator flow = new OrderFlowSimulator(accounts, instruments, "an", 20260102L);
        IncidentPlan fat = new IncidentPlan(IncidentType.FAT_FINGER, accounts.get(0), instruments,
                IncidentPlan.demoUsualNotional(accounts.get(0)), 11);
        IncidentPlan algo = new IncidentPlan(IncidentType.RUNAWAY_ALGO, accounts.get(1), instruments,
                IncidentPlan.demoUsualNotional(accounts.get(1)), 12);
        // The history is generated first and stamped just before it is sent, so that it ends at the
        // time of sending however long generation took (scoring measures the last minute of wall time).
        int[] incidentFills = {0};
        List<Fill> all = new ArrayList<>();
        double[] prices = null;
        double[] opening = null;
        for (int t = 0; t < TICKS; t++) {
            long at = t * TICK_MS;
            prices = market.step(TICK_YEARS);
            if (t == 0) {
                all.addAll(flow.openingBook(prices, at, 12));
                opening = prices.clone();
            }
            // The demo's rate per account: 50 fills a tick over 100 accounts, half a fill per account.
            for (int k = 0; k < ACCOUNTS / 2; k++) {
                all.add(flow.next(prices, at));
            }
            if (t >= TICKS - 240 && !algo.done()) {
                all.addAll(algo.next(prices, at, () -> "an-runaway-" + (++incidentFills[0])));
            }
            if (t >= TICKS - 20 && !fat.done()) {
                all.addAll(fat.next(prices, at, () -> "an-fat-" + (++incidentFills[0])));
            }
        }
        // The 15 minutes before the last are sent first; the last minute, which scoring compares with
        // them, is stamped just before it is sent, so it ends at wall-clock now however long sending
        // the rest took (the baseline then starts that much earlier, a few percent of its 15 minutes).
        long recentFrom = (TICKS - 240) * TICK_MS;
        long start = System.currentTimeMillis() - TICKS * TICK_MS;
        writer.putPrices(prices(instruments, opening, start));
        send(all.stream().filter(f -> f.timestamp() < recentFrom).toList(), start);
        send(all.stream().filter(f -> f.timestamp() >= recentFrom).toList(), System.currentTimeMillis() - TICKS * TICK_MS);
        writer.putPrices(prices(instruments, prices, System.currentTimeMillis()));
        // Both servers must be primary for some of the accounts, or one of the paths goes untested.
        await().atMost(Duration.ofSeconds(30)).until(() -> accounts.stream()
                .anyMatch(a -> primaryIs(second, a.accountId())) && accounts.stream().anyMatch(a -> primaryIs(first, a.accountId())));
    }

    private static void send(List<Fill> fills, long start) {
        for (int from = 0; from < fills.size(); from += 2_000) {
            List<Fill> batch = new ArrayList<>();
            for (Fill f : fills.subList(from, Math.min(fills.size(), from + 2_000))) {
                batch.add(new Fill(f.fillId(), f.accountId(), f.instrumentId(), f.side(), f.quantity(), f.price(),
                        start + f.timestamp(), f.strategy(), f.venue()));
            }
            IngestResult r = first.compute().execute(FillIngestTask.NAME, FillBatch.of(batch));
            assertThat(r.isRejected()).as("%s", r.problems()).isFalse();
        }
    }

    private static List<Price> prices(List<Instrument> instruments, double[] prices, long ts) {
        List<Price> out = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            out.add(new Price(instruments.get(i).instrumentId(), prices[i], ts));
        }
        return out;
    }

    private static boolean primaryIs(Ignite node, String accountId) {
        return first.affinity(GridTables.ACCOUNTS).isPrimary(node.cluster().localNode(), accountId);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void everyScoreIsComputedOnTheAccountsPrimaryWhoeverAsks() {
        for (Account a : accounts) {
            String primary = String.valueOf(first.affinity(GridTables.ACCOUNTS).mapKeyToNode(a.accountId()).consistentId());
            for (Ignite asker : List.of(first, second, client)) {
                AnomalyResult r = asker.compute().execute(AnomalyScoreTask.NAME, a.accountId());
                assertThat(r.node).as("%s asked from %s", a.accountId(), asker.name()).isEqualTo(primary);
                assertThat(r.primary).isTrue();
                assertThat(r.score).isBetween(0.0, 1.0);
                assertThat(r.features).containsOnlyKeys(io.riskgrid.ml.feature.FeatureExtractor.NAMES);
            }
        }
    }

    @Test
    void incidentsRaiseAnAnomalyAlertWithTheirDriversAndNormalTradingDoesNot() {
        Desk desk = new Desk(client);
        for (Account a : accounts) {
            AnomalyResult r = client.compute().execute(AnomalyScoreTask.NAME, a.accountId());
            Map<String, AlertRow> anomalyAlerts = new java.util.TreeMap<>(desk.alerts(a.accountId()));
            anomalyAlerts.values().removeIf(row -> !AnomalyAlerts.METRIC.equals(row.metric));
            AnomalyRow stored = client.<String, AnomalyRow>cache(GridTables.ANOMALY_SCORES).get(a.accountId());
            assertThat(stored.score).isEqualTo(r.score);
            if (a.accountId().equals(fatFinger) || a.accountId().equals(runaway)) {
                assertThat(r.score).as("score of %s: %s", a.accountId(), r.features).isGreaterThanOrEqualTo(r.threshold);
                assertThat(r.anomalous).isTrue();
                assertThat(anomalyAlerts).as("alerts of %s", a.accountId()).hasSize(1);
                AlertRow alert = anomalyAlerts.values().iterator().next();
                assertThat(anomalyAlerts).containsKey(r.alertId);
                assertThat(alert.status).isIn("ACTIVE", "ESCALATED");
                assertThat(alert.severity).isIn("HIGH", "CRITICAL");
                assertThat(alert.currentValue).isEqualTo(r.score);
                assertThat(alert.limitValue).isEqualTo(r.threshold);
                assertThat(alert.details).contains("drivers:", "model ");
                String top = r.drivers.keySet().iterator().next();
                assertThat(alert.details).contains(top);
                assertThat(stored.alertId).isEqualTo(r.alertId);
            } else {
                assertThat(r.score).as("score of %s: %s", a.accountId(), r.features).isLessThan(r.threshold);
                assertThat(anomalyAlerts).as("alerts of %s", a.accountId()).isEmpty();
            }
        }
        // The fat finger is one order tens of times the usual size: order size drives its score.
        AnomalyResult fat = client.compute().execute(AnomalyScoreTask.NAME, fatFinger);
        assertThat(fat.drivers.keySet().iterator().next()).isEqualTo("orderSize");
        // Scoring again keeps the one open alert rather than raising a second.
        assertThat(fat.alertId).isEqualTo(client.<String, AnomalyRow>cache(GridTables.ANOMALY_SCORES).get(fatFinger).alertId);
    }

    @Test
    void eachServerScoresExactlyTheAccountsItIsPrimaryFor() {
        List<String> scored = new ArrayList<>();
        for (Ignite server : List.of(first, second)) {
            for (AnomalyResult r : AnomalyScoring.of(server).scoreLocal(System.currentTimeMillis())) {
                assertThat(primaryIs(server, r.accountId)).as("%s scored on %s", r.accountId, server.name()).isTrue();
                assertThat(r.node).isEqualTo(String.valueOf(server.cluster().localNode().consistentId()));
                scored.add(r.accountId);
            }
        }
        assertThat(scored).containsExactlyInAnyOrderElementsOf(accounts.stream().map(Account::accountId).toList());
    }
}
