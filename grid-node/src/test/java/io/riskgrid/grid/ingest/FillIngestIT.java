package io.riskgrid.grid.ingest;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertKey;
import io.riskgrid.grid.schema.FillKey;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fills and prices through the ingest tasks on a real node, checked against a book computed by hand.
 * The methods build on each other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FillIngestIT {

    private static final double EPS = 1e-6;
    private static LocalGridCluster cluster;
    private static Ignite ignite;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("fill-ingest");
        ignite = cluster.startNode();
        io.riskgrid.grid.testing.DemoFixture.load(ignite);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    @Order(1)
    void fillsBuildPositionsAndAccountRisk() {
        IngestResult r = ingest(
                Fill.of("f1", ACC_A, AAPL, Side.BUY, 100, 100, 10),
                Fill.of("f2", ACC_A, AAPL, Side.BUY, 100, 110, 11),
                Fill.of("f3", ACC_A, AAPL, Side.SELL, 50, 120, 12),
                Fill.of("f4", ACC_A, ES, Side.SELL, 10, 5000, 13));
        assertThat(r.isRejected()).isFalse();
        assertThat(r.accepted()).isEqualTo(4);

        // AAPL: 200 @ 105, then 50 sold at 120 realizes 50 * 15 = 750; 150 left, marked at 100.
        PositionRow aapl = position(ACC_A, AAPL);
        assertThat(aapl.quantity).isCloseTo(150, within(EPS));
        assertThat(aapl.avgPrice).isCloseTo(105, within(EPS));
        assertThat(aapl.realizedPnl).isCloseTo(750, within(EPS));
        assertThat(aapl.marketValue).isCloseTo(15_000, within(EPS));
        assertThat(aapl.unrealizedPnl).isCloseTo(-750, within(EPS));
        // ES: short 10 futures of 50 at 5000: -2,500,000 market value.
        PositionRow es = position(ACC_A, ES);
        assertThat(es.quantity).isCloseTo(-10, within(EPS));
        assertThat(es.marketValue).isCloseTo(-2_500_000, within(EPS));

        AccountRiskRow risk = risk(ACC_A);
        assertThat(risk.equity).isCloseTo(1_000_000, within(EPS));
        assertThat(risk.grossExposure).isCloseTo(2_515_000, within(EPS));
        assertThat(risk.netExposure).isCloseTo(-2_485_000, within(EPS));
        assertThat(risk.leverage).isCloseTo(2.515, within(EPS));
        // 15,000 * 0.25 + 2,500,000 * 0.10
        assertThat(risk.marginUsed).isCloseTo(253_750, within(EPS));
        assertThat(risk.maxConcentration).isCloseTo(2_500_000.0 / 2_515_000.0, within(EPS));
        assertThat(risk.maxConcentrationInstrument).isEqualTo(ES);
        assertThat(risk.tradingState).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void pricesRemarkPositionsAndRisk() {
        new ReferenceDataWriter(ignite).putPrices(List.of(new Price(AAPL, 110, 2), new Price(ES, 4900, 3)));
        // AAPL: 150 * (110 - 105) = 750; ES: -10 * (4900 - 5000) * 50 = 50,000.
        assertThat(position(ACC_A, AAPL).unrealizedPnl).isCloseTo(750, within(EPS));
        assertThat(position(ACC_A, AAPL).marketValue).isCloseTo(16_500, within(EPS));
        assertThat(position(ACC_A, ES).unrealizedPnl).isCloseTo(50_000, within(EPS));
        AccountRiskRow risk = risk(ACC_A);
        assertThat(risk.equity).isCloseTo(1_000_000 + 750 + 750 + 50_000, within(EPS));
        assertThat(risk.pnlTotal).isCloseTo(51_500, within(EPS));
        assertThat(risk.peakEquity).isCloseTo(1_051_500, within(EPS));
        assertThat(risk.drawdown).isZero();
    }

    @Test
    @Order(3)
    void anOlderPriceNeverReplacesANewerOne() {
        new ReferenceDataWriter(ignite).putPrices(List.of(new Price(ES, 5100, 2)));
        assertThat(position(ACC_A, ES).unrealizedPnl).isCloseTo(50_000, within(EPS));
        // A newer price that loses money opens a drawdown from the 1,051,500 peak:
        // ES at 5000 gives unrealized 0, equity 1,001,500.
        new ReferenceDataWriter(ignite).putPrices(List.of(new Price(ES, 5000, 4)));
        AccountRiskRow risk = risk(ACC_A);
        assertThat(risk.equity).isCloseTo(1_001_500, within(EPS));
        assertThat(risk.drawdown).isCloseTo(50_000.0 / 1_051_500.0, within(EPS));
    }

    @Test
    @Order(4)
    void fillDeliveredTwiceCountsOnce() {
        IngestResult again = ingest(Fill.of("f1", ACC_A, AAPL, Side.BUY, 100, 100, 10));
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        IngestResult twiceInOneBatch = ingest(
                Fill.of("f5", ACC_A, AAPL, Side.BUY, 10, 110, 20),
                Fill.of("f5", ACC_A, AAPL, Side.BUY, 10, 110, 20));
        assertThat(twiceInOneBatch.accepted()).isEqualTo(1);
        assertThat(twiceInOneBatch.duplicates()).isEqualTo(1);
        assertThat(position(ACC_A, AAPL).quantity).isCloseTo(160, within(EPS));
    }

    @Test
    @Order(5)
    void batchWithOneBadFillAppliesNone() {
        FillBatch batch = FillBatch.of(List.of(
                Fill.of("g1", ACC_A, AAPL, Side.BUY, 5, 110, 30),
                Fill.of("g2", "NO-SUCH-ACCOUNT", AAPL, Side.BUY, 5, 110, 30)));
        IngestResult r = ignite.compute().execute(FillIngestTask.NAME, batch);
        assertThat(r.isRejected()).isTrue();
        assertThat(r.problems()).containsExactly("fills[1].accountId: unknown account 'NO-SUCH-ACCOUNT'");
        assertThat(ignite.cache(GridTables.FILLS).containsKey(new FillKey(ACC_A, "g1"))).isFalse();
        assertThat(position(ACC_A, AAPL).quantity).isCloseTo(160, within(EPS));
    }

    @Test
    @Order(6)
    void accountDataIsColocatedInOnePartition() {
        var affinity = ignite.affinity(GridTables.POSITIONS);
        for (String account : List.of("ACC-A", "ACC-B", "X-42", "some-account")) {
            int p = ignite.affinity(GridTables.ACCOUNT_RISK).partition(account);
            assertThat(affinity.partition(new PositionKey(account, "AAPL"))).isEqualTo(p);
            assertThat(ignite.affinity(GridTables.LIMITS).partition(new LimitKey(account, "GROSS"))).isEqualTo(p);
            assertThat(ignite.affinity(GridTables.ALERTS).partition(new AlertKey(account, "a-1"))).isEqualTo(p);
            assertThat(ignite.affinity(GridTables.FILLS).partition(new FillKey(account, "f-1"))).isEqualTo(p);
            assertThat(ignite.affinity(GridTables.ACCOUNTS).partition(account)).isEqualTo(p);
        }
    }

    private static IngestResult ingest(Fill... fills) {
        return ignite.compute().execute(FillIngestTask.NAME, FillBatch.of(List.of(fills)));
    }

    private static PositionRow position(String account, String instrument) {
        return ignite.<PositionKey, PositionRow>cache(GridTables.POSITIONS).get(new PositionKey(account, instrument));
    }

    private static AccountRiskRow risk(String account) {
        return ignite.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(account);
    }
}
