package io.riskgrid.grid.control;

import io.riskgrid.compute.pretrade.PreTradeCheckTask;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.pretrade.PreTradeDecision;
import io.riskgrid.core.pretrade.PreTradeOrder;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@link PreTradeCheckTask#run} checks in place on the account's primary server node and sends the
 * task from anywhere else (the other server, a client node); the decision is the same from each.
 * <p>
 * Each account: equity 1,000,000, one GROSS_NOTIONAL limit of 100,000, long 500 AAPL at 100 (gross
 * 50,000, utilization 0.5). BUY 600 at 100 makes gross 110,000: utilization 1.1, rejected. BUY 100 makes
 * it 60,000: 0.6, approved.
 */
class PreTradeInPlaceIT {

    private static final int ACCOUNTS = 12;

    private static LocalGridCluster cluster;
    private static Ignite first;
    private static Ignite second;
    private static Ignite client;
    private static final List<String> accounts = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("pretrade-in-place");
        first = cluster.startNode();
        second = cluster.startNode();
        client = cluster.startClient();
        Desk desk = new Desk(first);
        desk.instrument("AAPL", "TECH", 100);
        for (int a = 0; a < ACCOUNTS; a++) {
            String id = "PT-" + a;
            accounts.add(id);
            desk.account(id, 1_000_000).limit(id, "GROSS", LimitMetric.GROSS_NOTIONAL, 100_000);
            desk.fill(id, "AAPL", Side.BUY, 500, 100);
        }
        // Both servers must be primary for some of the accounts, or one of the paths goes untested.
        await().atMost(Duration.ofSeconds(30)).until(() -> accounts.stream()
                .anyMatch(a -> first.affinity(GridTables.ACCOUNT_RISK).isPrimary(second.cluster().localNode(), a))
                && accounts.stream().anyMatch(a -> first.affinity(GridTables.ACCOUNT_RISK).isPrimary(first.cluster().localNode(), a)));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void everyNodeGetsTheSameDecisionInPlaceOrThroughTheTask() {
        for (String account : accounts) {
            PreTradeOrder tooBig = new PreTradeOrder(account, "AAPL", Side.BUY, 600, 100);
            PreTradeOrder fits = new PreTradeOrder(account, "AAPL", Side.BUY, 100, 100);
            for (Ignite node : List.of(first, second, client)) {
                String where = account + " from " + node.name();
                PreTradeDecision rejected = PreTradeCheckTask.run(node, tooBig, 10_000);
                assertThat(rejected.approved()).as(where).isFalse();
                assertThat(rejected.reasons()).as(where)
                        .containsExactly("limit GROSS (GROSS_NOTIONAL): utilization after the order 1.10 exceeds 1.00");
                assertThat(rejected.utilizationBefore(0)).as(where).isCloseTo(0.5, within(1e-12));
                assertThat(rejected.utilizationAfter(0)).as(where).isCloseTo(1.1, within(1e-12));

                PreTradeDecision approved = PreTradeCheckTask.run(node, fits, 10_000);
                assertThat(approved.approved()).as(where).isTrue();
                assertThat(approved.utilizationAfter(0)).as(where).isCloseTo(0.6, within(1e-12));
            }
        }
    }

    @Test
    void anUnknownAccountIsNamedFromEveryNode() {
        PreTradeOrder order = new PreTradeOrder("NOPE", "AAPL", Side.BUY, 1, 100);
        for (Ignite node : List.of(first, second, client)) {
            PreTradeDecision d = PreTradeCheckTask.run(node, order, 10_000);
            assertThat(d.notFound()).as(node.name()).isTrue();
            assertThat(d.problem()).as(node.name()).isEqualTo("unknown account 'NOPE'");
        }
    }
}
