package io.riskgrid.grid.cluster;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** With --persistence, a node stopped and started again on its work directory keeps its book. */
class PersistenceRestartIT {

    @Test
    void positionsAndFillsSurviveARestart() {
        try (LocalGridCluster cluster = new LocalGridCluster("persist")) {
            GridConfig cfg = cluster.nextConfig().withPersistence(true);
            try (Ignite first = GridNode.start(cfg)) {
                assertThat(GridNode.isReady(first)).isTrue();
                DemoFixture.load(first);
                first.compute().execute(FillIngestTask.NAME, FillBatch.of(List.of(
                        Fill.of("p1", ACC_A, AAPL, Side.BUY, 100, 100, 1),
                        Fill.of("p2", ACC_A, AAPL, Side.SELL, 40, 110, 2))));
            }
            try (Ignite second = GridNode.start(cfg)) {
                assertThat(GridNode.isReady(second)).isTrue();
                PositionRow p = second.<PositionKey, PositionRow>cache(GridTables.POSITIONS).get(new PositionKey(ACC_A, AAPL));
                // 40 sold at 110 against 100: 400 realized; 60 left.
                assertThat(p.quantity).isCloseTo(60, within(1e-9));
                assertThat(p.realizedPnl).isCloseTo(400, within(1e-9));
                AccountRiskRow risk = second.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(ACC_A);
                assertThat(risk.realizedPnl).isCloseTo(400, within(1e-9));
                // The fill log came back too, so a redelivered fill is still a duplicate.
                var again = second.compute().<FillBatch, io.riskgrid.core.position.IngestResult>execute(FillIngestTask.NAME,
                        FillBatch.of(List.of(Fill.of("p1", ACC_A, AAPL, Side.BUY, 100, 100, 1))));
                assertThat(again.duplicates()).isEqualTo(1);
            }
        }
    }
}
