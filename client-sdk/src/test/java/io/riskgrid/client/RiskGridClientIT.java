package io.riskgrid.client;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static io.riskgrid.grid.testing.DemoFixture.ACC_B;
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The SDK against a real grid node over the thin client, with the demo fixture (AAPL 100, XOM 50,
 * ES 5000 x 50) and every figure computed by hand. Each test books to an account of its own, and
 * only the re-mark test moves prices, of instruments of its own, so the tests run in any order.
 */
class RiskGridClientIT {

    private static final double EPS = 1e-6;
    /** A tech stock only the re-mark test trades: contract size 1, margin 25%, opening price 200. */
    private static final String NVDA = "NVDA";
    /** An energy future only the re-mark test trades: contract size 1000, margin 15%, opening price 80. */
    private static final String CL = "CL";

    private static LocalGridCluster cluster;
    private static RiskGridClient client;
    private static String address;
    private static Ignite node;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("client-sdk");
        Ignite ignite = cluster.startNode();
        node = ignite;
        DemoFixture.load(ignite);
        ReferenceDataWriter w = new ReferenceDataWriter(ignite);
        w.upsertInstruments(List.of(
                new Instrument(NVDA, NVDA, "EQUITY", "TECH", "USD", 1, 0.25),
                new Instrument(CL, CL, "FUTURE", "ENERGY", "USD", 1000, 0.15)));
        List<Account> accounts = new ArrayList<>();
        for (String id : List.of("SDK-DUP", "SDK-REJ", "SDK-SPLIT", "SDK-MARK", "SDK-BATCH", "SDK-ASYNC", "SDK-PRE")) {
            accounts.add(new Account(id, id, "USD", 1_000_000, "TEST"));
        }
        w.upsertAccounts(accounts);
        w.putPrices(List.of(new Price(NVDA, 200, 1), new Price(CL, 80, 1)));
        address = "127.0.0.1:" + cluster.thinPort();
        client = RiskGridClient.connect(address);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void publishedFillsShowAsPositionsInSql() {
        IngestResult r = client.publishFills(List.of(
                Fill.of("a-1", ACC_A, AAPL, Side.BUY, 100, 100, 10),
                Fill.of("a-2", ACC_A, AAPL, Side.BUY, 100, 110, 11),
                Fill.of("a-3", ACC_A, AAPL, Side.SELL, 50, 120, 12)));
        assertThat(r.accepted()).isEqualTo(3);
        assertThat(r.duplicates()).isZero();

        // 200 bought at (100 * 100 + 100 * 110) / 200 = 105; 50 sold at 120 realize 50 * (120 - 105) = 750.
        // The 150 left are marked at AAPL's 100: market value 15,000, unrealized 150 * (100 - 105) = -750.
        List<List<?>> rows = client.sql("SELECT QUANTITY, AVG_PRICE, REALIZED_PNL, MARKET_VALUE, UNREALIZED_PNL "
                + "FROM POSITIONS WHERE ACCOUNT_ID = ? AND INSTRUMENT_ID = ?", ACC_A, AAPL);
        assertThat(rows).hasSize(1);
        assertThat(num(rows, 0, 0)).isCloseTo(150, within(EPS));
        assertThat(num(rows, 0, 1)).isCloseTo(105, within(EPS));
        assertThat(num(rows, 0, 2)).isCloseTo(750, within(EPS));
        assertThat(num(rows, 0, 3)).isCloseTo(15_000, within(EPS));
        assertThat(num(rows, 0, 4)).isCloseTo(-750, within(EPS));

        // Equity 1,000,000 + 750 realized - 750 unrealized; leverage 15,000 / 1,000,000.
        List<List<?>> risk = client.sql("SELECT EQUITY, GROSS_EXPOSURE, LEVERAGE, TRADING_STATE FROM ACCOUNT_RISK "
                + "WHERE ACCOUNT_ID = ?", ACC_A);
        assertThat(num(risk, 0, 0)).isCloseTo(1_000_000, within(EPS));
        assertThat(num(risk, 0, 1)).isCloseTo(15_000, within(EPS));
        assertThat(num(risk, 0, 2)).isCloseTo(0.015, within(EPS));
        assertThat(risk.get(0).get(3)).isEqualTo("ACTIVE");
    }

    @Test
    void fillPublishedTwiceCountsOnce() {
        Fill fill = Fill.of("d-1", "SDK-DUP", AAPL, Side.BUY, 10, 100, 10);
        IngestResult first = client.publishFills(List.of(fill));
        IngestResult second = client.publishFills(List.of(fill));
        assertThat(first.accepted()).isEqualTo(1);
        assertThat(first.duplicates()).isZero();
        assertThat(second.accepted()).isZero();
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(num(client.sql("SELECT QUANTITY FROM POSITIONS WHERE ACCOUNT_ID = ?", "SDK-DUP"), 0, 0))
                .isCloseTo(10, within(EPS));
    }

    @Test
    void batchWithOneUnknownInstrumentIsRejectedWhole() {
        List<Fill> fills = List.of(
                Fill.of("r-1", "SDK-REJ", AAPL, Side.BUY, 10, 100, 10),
                Fill.of("r-2", "SDK-REJ", "NOPE", Side.BUY, 10, 100, 10));
        FillRejectedException e = catchThrowableOfType(() -> client.publishFills(fills), FillRejectedException.class);
        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly("fills[1].instrumentId: unknown instrument 'NOPE'");
        assertThat(e.getMessage()).contains("fills[1].instrumentId");
        assertThat(e.firstIndex()).isZero();
        assertThat(e.applied().accepted()).isZero();
        // The good fill r-1 was not applied either.
        assertThat(count("SELECT COUNT(*) FROM POSITIONS WHERE ACCOUNT_ID = ?", "SDK-REJ")).isZero();
        assertThat(count("SELECT COUNT(*) FROM FILLS WHERE ACCOUNT_ID = ?", "SDK-REJ")).isZero();
    }

    @Test
    void rejectedLaterBatchLeavesEarlierBatchesAppliedAndIsSafeToResend() {
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fills.add(Fill.of("s-" + i, "SDK-SPLIT", i == 3 ? "NOPE" : AAPL, Side.BUY, 1, 100, i));
        }
        try (RiskGridClient small = RiskGridClient.builder().addresses(address).batchSize(2).connect()) {
            // Batches [s-0, s-1], [s-2, s-3], [s-4]: the first is applied, the second rejected, the third never sent.
            FillRejectedException e = catchThrowableOfType(() -> small.publishFills(fills), FillRejectedException.class);
            assertThat(e).isNotNull();
            assertThat(e.problems()).containsExactly("fills[3].instrumentId: unknown instrument 'NOPE'");
            assertThat(e.firstIndex()).isEqualTo(2);
            assertThat(e.applied().accepted()).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM FILLS WHERE ACCOUNT_ID = ?", "SDK-SPLIT")).isEqualTo(2);
            assertThat(num(client.sql("SELECT QUANTITY FROM POSITIONS WHERE ACCOUNT_ID = ?", "SDK-SPLIT"), 0, 0))
                    .isCloseTo(2, within(EPS));

            fills.set(3, Fill.of("s-3", "SDK-SPLIT", AAPL, Side.BUY, 1, 100, 3));
            IngestResult again = small.publishFills(fills);
            assertThat(again.accepted()).isEqualTo(3);
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(num(client.sql("SELECT QUANTITY FROM POSITIONS WHERE ACCOUNT_ID = ?", "SDK-SPLIT"), 0, 0))
                    .isCloseTo(5, within(EPS));
        }
    }

    @Test
    void publishedPricesRemarkPositionsAndRisk() {
        client.publishFills(List.of(
                Fill.of("m-1", "SDK-MARK", NVDA, Side.BUY, 100, 190, 10),
                Fill.of("m-2", "SDK-MARK", CL, Side.SELL, 5, 82, 11)));
        // Marked at the opening prices: NVDA 100 * (200 - 190) = 1,000; CL -5 * (80 - 82) * 1000 = 10,000.
        assertThat(unrealized("SDK-MARK", NVDA)).isCloseTo(1_000, within(EPS));
        assertThat(unrealized("SDK-MARK", CL)).isCloseTo(10_000, within(EPS));

        IngestResult r = client.publishPrices(List.of(new Price(NVDA, 210, 2), new Price(CL, 85, 2)));
        assertThat(r.accepted()).isEqualTo(2);
        // NVDA 100 * (210 - 190) = 2,000 on 21,000; CL -5 * (85 - 82) * 1000 = -15,000 on -425,000.
        assertThat(unrealized("SDK-MARK", NVDA)).isCloseTo(2_000, within(EPS));
        assertThat(unrealized("SDK-MARK", CL)).isCloseTo(-15_000, within(EPS));
        List<List<?>> risk = client.sql("SELECT EQUITY, UNREALIZED_PNL, GROSS_EXPOSURE, NET_EXPOSURE, MARGIN_USED "
                + "FROM ACCOUNT_RISK WHERE ACCOUNT_ID = ?", "SDK-MARK");
        assertThat(num(risk, 0, 0)).isCloseTo(1_000_000 + 2_000 - 15_000, within(EPS));
        assertThat(num(risk, 0, 1)).isCloseTo(-13_000, within(EPS));
        assertThat(num(risk, 0, 2)).isCloseTo(21_000 + 425_000, within(EPS));
        assertThat(num(risk, 0, 3)).isCloseTo(21_000 - 425_000, within(EPS));
        // 21,000 * 0.25 + 425,000 * 0.15
        assertThat(num(risk, 0, 4)).isCloseTo(5_250 + 63_750, within(EPS));
    }

    @Test
    void priceBatchWithAnUnknownInstrumentStoresNothing() {
        assertThatThrownBy(() -> client.publishPrices(List.of(new Price(XOM, 999, 3), new Price("NOPE", 1, 3))))
                .isInstanceOf(PriceRejectedException.class)
                .hasMessageContaining("prices[1].instrumentId: unknown instrument 'NOPE'");
        assertThat(num(client.sql("SELECT PRICE FROM PRICES WHERE INSTRUMENT_ID = ?", XOM), 0, 0))
                .isCloseTo(50, within(EPS));
    }

    @Test
    void grossExposurePerSectorJoinsPositionsWithInstruments() {
        client.publishFills(List.of(
                Fill.of("b-1", ACC_B, AAPL, Side.BUY, 200, 100, 10),
                Fill.of("b-2", ACC_B, AAPL, Side.BUY, 50, 102, 11),
                Fill.of("b-3", ACC_B, XOM, Side.SELL, 300, 50, 12),
                Fill.of("b-4", ACC_B, ES, Side.BUY, 2, 5000, 13)));
        // Marked at AAPL 100, XOM 50, ES 5000 x 50: TECH 250 * 100 = 25,000; ENERGY |-300 * 50| = 15,000;
        // INDEX 2 * 5000 * 50 = 500,000.
        List<List<?>> rows = client.sql("SELECT i.SECTOR, SUM(ABS(p.MARKET_VALUE)) AS GROSS, COUNT(*) "
                + "FROM POSITIONS p JOIN INSTRUMENTS i ON i.INSTRUMENT_ID = p.INSTRUMENT_ID "
                + "WHERE p.ACCOUNT_ID = ? GROUP BY i.SECTOR ORDER BY i.SECTOR", ACC_B);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(0)).isEqualTo("ENERGY");
        assertThat(num(rows, 0, 1)).isCloseTo(15_000, within(EPS));
        assertThat(rows.get(1).get(0)).isEqualTo("INDEX");
        assertThat(num(rows, 1, 1)).isCloseTo(500_000, within(EPS));
        assertThat(rows.get(2).get(0)).isEqualTo("TECH");
        assertThat(num(rows, 2, 1)).isCloseTo(25_000, within(EPS));
        assertThat(num(rows, 2, 2)).isEqualTo(1);
        assertThat(num(client.sql("SELECT GROSS_EXPOSURE FROM ACCOUNT_RISK WHERE ACCOUNT_ID = ?", ACC_B), 0, 0))
                .isCloseTo(540_000, within(EPS));
    }

    @Test
    void largeListIsSentInBatchesAndEveryFillCounts() {
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            fills.add(Fill.of("n-" + i, "SDK-BATCH", AAPL, Side.BUY, 1, 100 + i % 5, i));
        }
        assertThat(client.settings().batchSize()).isEqualTo(1000);
        IngestResult r = client.publishFills(fills);
        assertThat(r.accepted()).isEqualTo(2_500);
        assertThat(r.duplicates()).isZero();
        // 500 fills each at 100, 101, 102, 103, 104: average 102.
        List<List<?>> rows = client.sql("SELECT QUANTITY, AVG_PRICE FROM POSITIONS WHERE ACCOUNT_ID = ?", "SDK-BATCH");
        assertThat(num(rows, 0, 0)).isCloseTo(2_500, within(EPS));
        assertThat(num(rows, 0, 1)).isCloseTo(102, within(EPS));
        assertThat(count("SELECT COUNT(*) FROM FILLS WHERE ACCOUNT_ID = ?", "SDK-BATCH")).isEqualTo(2_500);
    }

    @Test
    void asyncPublishSendsEveryBatchAndReportsRejectionThroughTheFuture() throws Exception {
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fills.add(Fill.of("y-" + i, "SDK-ASYNC", AAPL, Side.BUY, 2, 100, i));
        }
        try (RiskGridClient small = RiskGridClient.builder().addresses(address).batchSize(2).connect()) {
            IngestResult r = small.publishFillsAsync(fills).get(30, TimeUnit.SECONDS);
            assertThat(r.accepted()).isEqualTo(5);
            IngestResult again = small.publishFillsAsync(fills).get(30, TimeUnit.SECONDS);
            assertThat(again.duplicates()).isEqualTo(5);
            assertThat(num(client.sql("SELECT QUANTITY FROM POSITIONS WHERE ACCOUNT_ID = ?", "SDK-ASYNC"), 0, 0))
                    .isCloseTo(10, within(EPS));

            List<Fill> bad = List.of(Fill.of("y-9", "NO-SUCH-ACCOUNT", AAPL, Side.BUY, 1, 100, 9));
            assertThatThrownBy(() -> small.publishFillsAsync(bad).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(FillRejectedException.class)
                    .hasMessageContaining("fills[0].accountId: unknown account 'NO-SUCH-ACCOUNT'");
        }
    }

    @Test
    void emptyListSendsNothingAndNullEntriesAreNamed() {
        assertThat(client.publishFills(List.of()).accepted()).isZero();
        assertThatThrownBy(() -> client.publishFills(null)).hasMessage("fills is required");
        List<Fill> withNull = new ArrayList<>();
        withNull.add(Fill.of("z-1", ACC_A, AAPL, Side.BUY, 1, 100, 1));
        withNull.add(null);
        assertThatThrownBy(() -> client.publishFills(withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fills[1] is required");
    }

    private static double num(List<List<?>> rows, int row, int column) {
        return ((Number) rows.get(row).get(column)).doubleValue();
    }

    private static long count(String sql, Object... args) {
        return ((Number) client.sql(sql, args).get(0).get(0)).longValue();
    }

    private static double unrealized(String account, String instrument) {
        return num(client.sql("SELECT UNREALIZED_PNL FROM POSITIONS WHERE ACCOUNT_ID = ? AND INSTRUMENT_ID = ?",
                account, instrument), 0, 0);
    }

    @Test
    void preTradeCheckRunsByTaskNameFromTheThinClient() {
        new ReferenceDataWriter(node).putLimits(List.of(new io.riskgrid.core.limit.AccountLimit("SDK-PRE",
                "GROSS", io.riskgrid.core.limit.LimitScope.ACCOUNT, null, io.riskgrid.core.limit.LimitMetric.GROSS_NOTIONAL,
                100_000, 0.8)), false);
        // 900 AAPL at 100 = 90,000 of 100,000: 0.90, approved
        io.riskgrid.core.pretrade.PreTradeDecision ok = client.preTradeCheck(
                new io.riskgrid.core.pretrade.PreTradeOrder("SDK-PRE", AAPL, Side.BUY, 900, 100));
        assertThat(ok.approved()).isTrue();
        assertThat(ok.limitIds()).containsExactly("GROSS");
        assertThat(ok.utilizationAfter(0)).isCloseTo(0.9, within(1e-12));
        // 1,100 AAPL = 110,000: 1.10 > 1, rejected on the limit
        io.riskgrid.core.pretrade.PreTradeDecision no = client.preTradeCheck(
                new io.riskgrid.core.pretrade.PreTradeOrder("SDK-PRE", AAPL, Side.BUY, 1_100, 100));
        assertThat(no.approved()).isFalse();
        assertThat(no.reasonCodes()).containsExactly("LIMIT_BREACH");
        assertThat(no.utilizationAfter(0)).isCloseTo(1.1, within(1e-12));
        io.riskgrid.core.pretrade.PreTradeDecision unknown = client.preTradeCheck(
                new io.riskgrid.core.pretrade.PreTradeOrder("NOBODY", AAPL, Side.BUY, 1, 100));
        assertThat(unknown.approved()).isFalse();
        assertThat(unknown.notFound()).isTrue();
        assertThat(unknown.problem()).contains("NOBODY");
    }
}
