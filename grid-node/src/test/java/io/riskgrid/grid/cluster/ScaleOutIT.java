package io.riskgrid.grid.cluster;

import io.riskgrid.core.position.Fill;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.ExpectedBook;
import io.riskgrid.grid.testing.GridBookAssert;
import io.riskgrid.grid.testing.LoadBook;
import io.riskgrid.grid.testing.LocalGridCluster;
import io.riskgrid.grid.testing.SteadyLoad;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server nodes (separate JVMs) under a steady stream of fills and risk reads from a client node;
 * a third node joins in the middle of it. The clients see no error at all, the new node takes its
 * share of the partitions (it becomes primary for some accounts and holds primary and backup copies
 * of their rows), every row still has exactly one primary and one backup copy, and the book equals
 * the fills sent.
 */
class ScaleOutIT {

    private static final int ACCOUNTS = 30;
    private static final int BATCHES = 160;
    private static final int PER_BATCH = 25;
    private static final int JOIN_AFTER = 40;

    @Test
    void aNodeAddedUnderLoadTakesItsShareWithoutAClientError() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("scale")) {
            cluster.startProcess(null, 0);
            Ignite client = cluster.startClient();
            cluster.startProcess(client, 2);
            DemoFixture.load(client);
            Set<String> ids = LoadBook.accounts(client, "SO-", ACCOUNTS);

            List<List<Fill>> batches = LoadBook.equityBatches(29, "so-", "SO-", ACCOUNTS, BATCHES, PER_BATCH);
            List<Fill> all = batches.stream().flatMap(List::stream).toList();
            SteadyLoad load = new SteadyLoad(client, batches, ids, 15).start();
            int added;
            long joinedAt;
            try {
                load.awaitSent(JOIN_AFTER);
                added = cluster.startProcess(client, 3);
                joinedAt = System.nanoTime();
            } finally {
                load.close();
            }
            // The join happened under load: fills were still being sent after it.
            assertThat(load.sends().stream().filter(o -> o.start() > joinedAt).count()).as("sends after the join").isPositive();

            assertThat(SteadyLoad.failures(load.sends())).as("failed fill sends: " + SteadyLoad.errors(load.sends())).isZero();
            assertThat(SteadyLoad.failures(load.reads())).as("failed risk reads: " + SteadyLoad.errors(load.reads())).isZero();
            assertThat(load.accepted()).as("fills accepted first time").isEqualTo(all.size());

            // Rebalancing gives the new node its rows, and only then makes it primary for its share of the
            // accounts (Ignite switches affinity late): in the end it is primary for some accounts and every
            // position row has exactly one primary and one backup copy, some of them on the new node.
            ClusterNode addedNode = cluster.processNode(client, added);
            long rows = client.cache(GridTables.POSITIONS).size(CachePeekMode.PRIMARY);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(ids.stream().filter(id -> client.affinity(GridTables.POSITIONS).isPrimary(addedNode, id)))
                        .as("accounts whose primary is the new node").isNotEmpty();
                Collection<long[]> copies = client.compute(client.cluster().forServers()).broadcast(new LocalCopies());
                assertThat(copies).hasSize(3);
                assertThat(copies.stream().mapToLong(c -> c[0]).sum()).as("primary copies").isEqualTo(rows);
                assertThat(copies.stream().mapToLong(c -> c[1]).sum()).as("backup copies").isEqualTo(rows);
                long[] onAdded = client.compute(client.cluster().forNode(addedNode)).call(new LocalCopies());
                assertThat(onAdded[0]).as("primary copies on the new node").isPositive();
                assertThat(onAdded[1]).as("backup copies on the new node").isPositive();
            });

            GridBookAssert.fillLogHoldsExactly(client, "SO-", all);
            GridBookAssert.positionsMatch(client, "SO-", new ExpectedBook().apply(all));
        }
    }

    /** Primary and backup POSITIONS entries held by the node it runs on. */
    private static final class LocalCopies implements IgniteCallable<long[]> {
        @Override
        public long[] call() {
            var cache = Ignition.localIgnite().cache(GridTables.POSITIONS);
            return new long[]{cache.localSize(CachePeekMode.PRIMARY), cache.localSize(CachePeekMode.BACKUP)};
        }
    }
}
