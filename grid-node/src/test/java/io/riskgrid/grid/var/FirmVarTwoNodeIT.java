package io.riskgrid.grid.var;

import io.riskgrid.compute.book.PrimaryPartitions;
import io.riskgrid.compute.var.FirmVarTask;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.VarBook;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.riskgrid.grid.testing.VarBook.AAPL;
import static io.riskgrid.grid.testing.VarBook.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The firm's Monte Carlo VaR is the same whether one node simulates every account or two nodes
 * each simulate their own and the reduce sums their per-path P&L: every node draws the same
 * scenarios from the same seed, and P&L is linear in the positions. Only the order of the
 * floating-point additions differs, hence a relative tolerance of 1e-9 instead of equality.
 */
class FirmVarTwoNodeIT {

    private static final int ACCOUNTS = 30;

    @Test
    void firmMonteCarloVarOnTwoNodesEqualsTheSingleNodeFigure() {
        try (LocalGridCluster cluster = new LocalGridCluster("firm-var")) {
            Ignite first = cluster.startNode();
            Desk desk = new Desk(first);
            VarBook.load(desk);
            List<String> accounts = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                String id = "FV-" + a;
                accounts.add(id);
                desk.account(id, 1_000_000);
                desk.fill(id, a % 2 == 0 ? AAPL : XOM, a % 3 == 0 ? Side.SELL : Side.BUY, 10 + a, a % 2 == 0 ? 100 : 50);
            }
            VarRequest request = VarRequest.firm(VarMethod.MONTE_CARLO, 0.99, 1, 20_000, 2024);
            VarReport alone = first.compute().execute(FirmVarTask.NAME, request);

            Ignite second = cluster.startNode();
            ClusterNode secondNode = second.cluster().localNode();
            // The joining node takes part only once rebalancing has made it primary for accounts.
            await().atMost(Duration.ofSeconds(30)).until(() -> accounts.stream()
                    .anyMatch(a -> first.affinity(GridTables.ACCOUNTS).isPrimary(secondNode, a)));
            assertThat(PrimaryPartitions.byNode(first, new ArrayList<>(first.cluster().forServers().nodes())))
                    .hasSize(2);

            VarReport together = first.compute().execute(FirmVarTask.NAME, request);
            VarReport fromSecond = second.compute().execute(FirmVarTask.NAME, request);

            assertThat(together.accounts()).isEqualTo(alone.accounts());
            assertThat(together.positions()).isEqualTo(alone.positions());
            assertThat(together.var()).isCloseTo(alone.var(), within(1e-9 * alone.var()));
            assertThat(together.cvar()).isCloseTo(alone.cvar(), within(1e-9 * alone.cvar()));
            assertThat(fromSecond.var()).isCloseTo(alone.var(), within(1e-9 * alone.var()));
            assertThat(together.exposures()).containsExactly(alone.exposures(), within(1e-6));
        }
    }
}
