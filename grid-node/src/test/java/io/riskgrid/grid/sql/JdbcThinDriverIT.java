package io.riskgrid.grid.sql;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static io.riskgrid.grid.testing.DemoFixture.ACC_B;
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Services query live risk tables with Ignite's own JDBC thin driver, as they would in production. */
class JdbcThinDriverIT {

    private static LocalGridCluster cluster;
    private static Ignite ignite;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("jdbc");
        ignite = cluster.startNode();
        DemoFixture.load(ignite);
        // Priced by the fixture at AAPL 100, XOM 50, ES 5000 (contract size 50).
        ignite.compute().execute(FillIngestTask.NAME, FillBatch.of(List.of(
                Fill.of("j1", ACC_A, AAPL, Side.BUY, 100, 100, 1),
                Fill.of("j2", ACC_A, ES, Side.SELL, 10, 5000, 2),
                Fill.of("j3", ACC_B, XOM, Side.BUY, 200, 50, 3),
                Fill.of("j4", ACC_B, AAPL, Side.BUY, 50, 100, 4))));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void grossExposurePerSectorJoinsPositionsAndInstruments() throws SQLException {
        Map<String, Double> bySector = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT i.SECTOR, SUM(ABS(p.MARKET_VALUE)) FROM POSITIONS p "
                     + "JOIN INSTRUMENTS i ON p.INSTRUMENT_ID = i.INSTRUMENT_ID GROUP BY i.SECTOR ORDER BY i.SECTOR")) {
            while (r.next()) {
                bySector.put(r.getString(1), r.getDouble(2));
            }
        }
        // TECH: 100 * 100 + 50 * 100; ENERGY: 200 * 50; INDEX: 10 * 5000 * 50.
        assertThat(bySector).containsOnlyKeys("ENERGY", "INDEX", "TECH");
        assertThat(bySector.get("TECH")).isCloseTo(15_000, within(1e-6));
        assertThat(bySector.get("ENERGY")).isCloseTo(10_000, within(1e-6));
        assertThat(bySector.get("INDEX")).isCloseTo(2_500_000, within(1e-6));
    }

    @Test
    void accountRiskIsQueryableWithDesignColumnNames() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ACCOUNT_ID, EQUITY, GROSS_EXPOSURE, NET_EXPOSURE, MARGIN_USED, "
                     + "TRADING_STATE FROM ACCOUNT_RISK ORDER BY ACCOUNT_ID")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(ACC_A);
            assertThat(r.getDouble(2)).isCloseTo(1_000_000, within(1e-6));
            assertThat(r.getDouble(3)).isCloseTo(2_510_000, within(1e-6));
            assertThat(r.getDouble(4)).isCloseTo(-2_490_000, within(1e-6));
            // 10,000 * 0.25 + 2,500,000 * 0.10
            assertThat(r.getDouble(5)).isCloseTo(252_500, within(1e-6));
            assertThat(r.getString(6)).isEqualTo("ACTIVE");
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(ACC_B);
            assertThat(r.getDouble(3)).isCloseTo(15_000, within(1e-6));
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void positionsTableAnswersSelectStar() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM POSITIONS WHERE ACCOUNT_ID = 'ACC-B' ORDER BY INSTRUMENT_ID")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString("INSTRUMENT_ID")).isEqualTo(AAPL);
            assertThat(r.getDouble("QUANTITY")).isEqualTo(50);
            assertThat(r.next()).isTrue();
            assertThat(r.getString("INSTRUMENT_ID")).isEqualTo(XOM);
            assertThat(r.getDouble("AVG_PRICE")).isEqualTo(50);
            assertThat(r.next()).isFalse();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:ignite:thin://127.0.0.1:" + cluster.thinPort());
    }
}
