package io.riskgrid.grid.breach;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breach detection on two server nodes, the second a separate JVM on 127.0.0.1. Breaches of accounts
 * whose primary is the other JVM are alerted by that JVM's breach engine; and when that JVM is
 * killed with SIGKILL in the middle of a burst of fills, no breach goes unalerted: the surviving
 * node, now primary for those accounts, raises what the dead one did not get to write.
 */
class BreachFailoverIT {

    private static final int ACCOUNTS = 40;
    private static final int STEPS = 19;

    @Test
    void breachesOnTheOtherNodeAreAlertedAndKillingItMidBurstLosesNoAlert() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("breach-failover")) {
            Ignite survivor = cluster.startNode();
            int other = cluster.startProcess(survivor, 2);
            DemoFixture.load(survivor);
            List<String> ids = new ArrayList<>();
            List<Account> accounts = new ArrayList<>();
            List<AccountLimit> limits = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                String id = "BF-" + a;
                ids.add(id);
                accounts.add(new Account(id, id, "USD", 1_000_000, "TEST"));
                limits.add(new AccountLimit(id, "GROSS", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, 1_000_000, 0.8));
            }
            ReferenceDataWriter writer = new ReferenceDataWriter(survivor);
            writer.upsertAccounts(accounts);
            writer.putLimits(limits, false);

            ClusterNode remote = survivor.cluster().forRemotes().forServers().node();
            List<String> remotePrimary = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (remotePrimary.isEmpty() && System.nanoTime() < deadline) {
                for (String id : ids) {
                    if (survivor.affinity(GridTables.ACCOUNT_RISK).isPrimary(remote, id)) {
                        remotePrimary.add(id);
                    }
                }
                Thread.sleep(remotePrimary.isEmpty() ? 100 : 0);
            }
            assertThat(remotePrimary).as("accounts whose primary is the other JVM").isNotEmpty();

            // First half of the accounts: 9,500 AAPL at 100 = 950,000 of 1,000,000 = 0.95, HIGH, alerted by the
            // breach engine of whichever node is primary.
            List<Fill> first = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS / 2; a++) {
                first.add(Fill.of("BF-first-" + a, ids.get(a), DemoFixture.AAPL, Side.BUY, 9_500, 100, a));
            }
            survivor.compute().execute(FillIngestTask.NAME, FillBatch.of(first));
            awaitOneAlertEach(survivor, ids.subList(0, ACCOUNTS / 2), "HIGH");
            assertThat(ids.subList(0, ACCOUNTS / 2)).as("alerted accounts include some of the other JVM's")
                    .containsAnyElementsOf(remotePrimary);

            // Second half: a burst of 19 steps of 500 (to 9,500 = 0.95, HIGH), one fill per account per batch;
            // the other JVM is killed after the 8th batch, while it is primary for some of these accounts.
            List<String> burst = ids.subList(ACCOUNTS / 2, ACCOUNTS);
            assertThat(burst).containsAnyElementsOf(remotePrimary);
            for (int step = 0; step < STEPS; step++) {
                List<Fill> batch = new ArrayList<>();
                for (String id : burst) {
                    batch.add(Fill.of(id + "-s" + step, id, DemoFixture.AAPL, Side.BUY, 500, 100, 1_000 + step));
                }
                sendUntilAccepted(survivor, batch);
                if (step == 7) {
                    cluster.killProcess(other);
                }
            }
            awaitOneAlertEach(survivor, burst, "HIGH");
        }
    }

    /** A batch that fails with its node is sent again: fills are idempotent by id. */
    private static void sendUntilAccepted(Ignite ignite, List<Fill> batch) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                ignite.compute().execute(FillIngestTask.NAME, FillBatch.of(batch));
                return;
            } catch (IgniteException e) {
                if (attempt >= 20) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void awaitOneAlertEach(Ignite ignite, List<String> accounts, String severity) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, List<AlertRow>> byAccount = new HashMap<>();
            ignite.<AlertKey, AlertRow>cache(GridTables.ALERTS).query(new ScanQuery<AlertKey, AlertRow>())
                    .forEach(e -> byAccount.computeIfAbsent(e.getKey().accountId(), k -> new ArrayList<>()).add(e.getValue()));
            for (String id : accounts) {
                assertThat(byAccount.get(id)).as("alerts of " + id).isNotNull().singleElement()
                        .satisfies(a -> {
                            assertThat(a.severity).isEqualTo(severity);
                            assertThat(a.status).isEqualTo("ACTIVE");
                        });
            }
        });
    }
}
