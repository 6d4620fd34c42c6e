package io.riskgrid.grid.cluster;

import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.KillSwitchJob;
import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.ExpectedBook;
import io.riskgrid.grid.testing.GridBookAssert;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.ScanQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three persistent server nodes (separate JVMs, {@code --persistence}) with a book, limits, alerts
 * and audited kill-switch actions are all killed with SIGKILL at once, then started again on their
 * work directories. The cluster waits for its whole baseline, activates, and everything is back:
 * the fill log (a fill sent again is still a duplicate), positions, risk rows and trading states,
 * limits, the same alerts (no alert raised twice by the restarted breach engines) and the audit log.
 */
class ClusterRestartIT {

    private static final String[] PERSISTENT = {"--persistence", "--baseline-timeout-ms", "1000"};
    private static final int ACCOUNTS = 10;

    @Test
    void aPersistentClusterKilledEntirelyComesBackWithEverything() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("restart")) {
            int[] nodes = new int[3];
            nodes[0] = cluster.startProcess(null, 0, PERSISTENT);
            Ignite client = cluster.startClient();
            nodes[1] = cluster.startProcess(client, 2, PERSISTENT);
            nodes[2] = cluster.startProcess(client, 3, PERSISTENT);
            // The first node activated the new cluster alone; the baseline follows the others after 1 s.
            await().atMost(Duration.ofSeconds(60)).until(() -> client.cluster().currentBaselineTopology().size() == 3);

            DemoFixture.load(client);
            ReferenceDataWriter writer = new ReferenceDataWriter(client);
            List<Account> accounts = new ArrayList<>();
            List<AccountLimit> limits = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                accounts.add(new Account("RS-" + a, "Restart " + a, "USD", 10_000_000, "TEST"));
                limits.add(new AccountLimit("RS-" + a, "GROSS", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 500_000, 0.5));
            }
            writer.upsertAccounts(accounts);
            writer.putLimits(limits, false);

            // Small random XOM trading on every account: 200 lots of at most 20 marked at 50, so no account's
            // gross can pass 200,000 = 0.4 of its 500,000 limit, under the 0.5 warning. Then RS-0..RS-4 buy
            // 6,000 AAPL, marked at 100: 600,000 = 1.2 x the limit on their own, CRITICAL whatever XOM adds.
            List<Fill> fills = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 200; i++) {
                fills.add(Fill.of("rs-" + i, "RS-" + random.nextInt(ACCOUNTS), DemoFixture.XOM,
                        random.nextBoolean() ? Side.BUY : Side.SELL, 1 + random.nextInt(20), 95 + random.nextInt(11), i));
            }
            for (int a = 0; a < 5; a++) {
                fills.add(Fill.of("rs-big-" + a, "RS-" + a, DemoFixture.AAPL, Side.BUY, 6_000, 100, 1_000 + a));
            }
            for (int from = 0; from < fills.size(); from += 50) {
                client.compute().execute(FillIngestTask.NAME, FillBatch.of(fills.subList(from, Math.min(fills.size(), from + 50))));
            }
            AccountControlJob.run(client, KillSwitchJob.halt("RS-7", "desk.head", "restart drill", System.currentTimeMillis()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<AlertKey, AlertRow> alerts = alerts(client);
                assertThat(alerts.entrySet()).as("accounts with an alert")
                        .extracting(e -> e.getKey().accountId() + "|" + e.getValue().limitId)
                        .containsExactlyInAnyOrder("RS-0|GROSS", "RS-1|GROSS", "RS-2|GROSS", "RS-3|GROSS", "RS-4|GROSS");
                assertThat(alerts.values()).allSatisfy(r -> assertThat(r.severity).isEqualTo("CRITICAL"));
            });
            Map<String, String> alertsBefore = alertIds(client);
            Map<String, String> auditBefore = audit(client);
            assertThat(auditBefore.values()).contains("HALT RS-7");
            Map<String, Double> limitsBefore = limits(client);
            assertThat(limitsBefore).hasSize(ACCOUNTS);

            client.close();
            for (int n : nodes) {
                cluster.killProcess(n);
            }
            for (int n : nodes) {
                cluster.restartProcess(n);
            }
            Ignite again = cluster.startClient();
            await().atMost(Duration.ofSeconds(120)).until(() -> again.cluster().forServers().nodes().size() == 3
                    && again.cluster().state().active());

            GridBookAssert.fillLogHoldsExactly(again, "RS-", fills);
            GridBookAssert.positionsMatch(again, "RS-", new ExpectedBook().apply(fills));
            assertThat(again.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get("RS-7").tradingState).isEqualTo("HALTED");
            assertThat(limits(again)).isEqualTo(limitsBefore);
            assertThat(audit(again)).containsAllEntriesOf(auditBefore);
            // The restarted breach engines reconcile: the same alerts, none raised again.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(alertIds(again)).isEqualTo(alertsBefore));

            IngestResult resent = again.compute().execute(FillIngestTask.NAME, FillBatch.of(fills.subList(0, 50)));
            assertThat(resent.duplicates()).isEqualTo(50);
            assertThat(resent.accepted()).isZero();
        }
    }

    /** Every alert of the RS- accounts. */
    private static Map<AlertKey, AlertRow> alerts(Ignite ignite) {
        Map<AlertKey, AlertRow> out = new TreeMap<>();
        ignite.<AlertKey, AlertRow>cache(GridTables.ALERTS).query(new ScanQuery<AlertKey, AlertRow>()).forEach(e -> {
            if (e.getKey().accountId().startsWith("RS-")) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** Every alert of the RS- accounts: its key to its limit, severity and status. */
    private static Map<String, String> alertIds(Ignite ignite) {
        Map<String, String> out = new TreeMap<>();
        alerts(ignite).forEach((k, r) -> out.put(k.toString(), r.limitId + " " + r.severity + " " + r.status));
        return out;
    }

    private static Map<String, String> audit(Ignite ignite) {
        Map<String, String> out = new TreeMap<>();
        ignite.<String, AuditRow>cache(GridTables.AUDIT_LOG).query(new ScanQuery<String, AuditRow>())
                .forEach(e -> out.put(e.getKey(), e.getValue().action + " " + e.getValue().accountId));
        return out;
    }

    private static Map<String, Double> limits(Ignite ignite) {
        Map<String, Double> out = new TreeMap<>();
        ignite.<LimitKey, LimitRow>cache(GridTables.LIMITS).query(new ScanQuery<LimitKey, LimitRow>()).forEach(e -> {
            if (e.getKey().toString().contains("RS-")) {
                out.put(e.getKey().toString(), e.getValue().maxValue);
            }
        });
        return out;
    }
}
