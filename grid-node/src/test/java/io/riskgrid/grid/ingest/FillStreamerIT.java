package io.riskgrid.grid.ingest;

import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.compute.ingest.FillStreamer;
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
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static io.riskgrid.grid.testing.DemoFixture.ACC_B;
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

/**
 * Fills through {@link FillStreamer} on real nodes, checked against books computed by hand.
 * <p>
 * One single-node grid carries the demo fixture (AAPL 100 and XOM 50, contract size 1, margin 25%;
 * ES 5000, contract size 50, margin 10%; ACC-A and ACC-B with 1,000,000 equity) and no test changes
 * a price, so every position is marked at those prices. Tests 1 and 2 build on each other (ACC-A and
 * ACC-B); every other test has accounts of its own. The failover test starts a grid of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FillStreamerIT {

    private static final double EPS = 1e-6;
    private static final int WAIT_SECONDS = 60;

    private static LocalGridCluster cluster;
    private static Ignite ignite;

    /** Fills of test 1, streamed again in test 2. */
    private static final List<Fill> FIRST = List.of(
            Fill.of("s1", ACC_A, AAPL, Side.BUY, 100, 100, 10),
            Fill.of("s2", ACC_A, AAPL, Side.BUY, 100, 110, 11),
            Fill.of("s3", ACC_A, AAPL, Side.SELL, 50, 120, 12),
            Fill.of("s4", ACC_A, ES, Side.SELL, 10, 5000, 13),
            Fill.of("t1", ACC_B, XOM, Side.BUY, 200, 50, 10),
            Fill.of("t2", ACC_B, XOM, Side.SELL, 300, 55, 11),
            Fill.of("t3", ACC_B, ES, Side.BUY, 2, 4990, 12));

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("fill-streamer");
        ignite = cluster.startNode();
        DemoFixture.load(ignite);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void fillsOfSeveralAccountsStreamedInOneGoBuildPositionsAndRisk() throws Exception {
        try (FillStreamer streamer = FillStreamer.open(ignite)) {
            IgniteFuture<?> f = streamer.addAll(FIRST);
            streamer.flush();
            f.get();
        }

        // ACC-A AAPL: buy 100 @ 100, buy 100 @ 110 -> 200 @ 105; sell 50 @ 120 realizes 50 * (120 - 105) = 750;
        // 150 left @ 105, marked at the stored 100: market value 15,000, unrealized 150 * (100 - 105) = -750.
        PositionRow aapl = position(ignite, ACC_A, AAPL);
        assertThat(aapl.quantity).isCloseTo(150, within(EPS));
        assertThat(aapl.avgPrice).isCloseTo(105, within(EPS));
        assertThat(aapl.realizedPnl).isCloseTo(750, within(EPS));
        assertThat(aapl.marketValue).isCloseTo(15_000, within(EPS));
        assertThat(aapl.unrealizedPnl).isCloseTo(-750, within(EPS));
        assertThat(aapl.fillCount).isEqualTo(3);
        // ACC-A ES: short 10 @ 5000, contract size 50: market value -10 * 5000 * 50 = -2,500,000, unrealized 0.
        PositionRow esA = position(ignite, ACC_A, ES);
        assertThat(esA.quantity).isCloseTo(-10, within(EPS));
        assertThat(esA.avgPrice).isCloseTo(5000, within(EPS));
        assertThat(esA.realizedPnl).isCloseTo(0, within(EPS));
        assertThat(esA.marketValue).isCloseTo(-2_500_000, within(EPS));

        // ACC-B XOM: buy 200 @ 50, sell 300 @ 55 closes the 200, realizing 200 * (55 - 50) = 1,000, and opens
        // a short of 100 at the fill price 55. Marked at 50: market value -5,000, unrealized -100 * (50 - 55) = 500.
        PositionRow xom = position(ignite, ACC_B, XOM);
        assertThat(xom.quantity).isCloseTo(-100, within(EPS));
        assertThat(xom.avgPrice).isCloseTo(55, within(EPS));
        assertThat(xom.realizedPnl).isCloseTo(1_000, within(EPS));
        assertThat(xom.marketValue).isCloseTo(-5_000, within(EPS));
        assertThat(xom.unrealizedPnl).isCloseTo(500, within(EPS));
        // ACC-B ES: long 2 @ 4990, marked at 5000: market value 2 * 5000 * 50 = 500,000,
        // unrealized 2 * (5000 - 4990) * 50 = 1,000.
        PositionRow esB = position(ignite, ACC_B, ES);
        assertThat(esB.quantity).isCloseTo(2, within(EPS));
        assertThat(esB.avgPrice).isCloseTo(4990, within(EPS));
        assertThat(esB.marketValue).isCloseTo(500_000, within(EPS));
        assertThat(esB.unrealizedPnl).isCloseTo(1_000, within(EPS));

        // ACC-A: gross 15,000 + 2,500,000 = 2,515,000; net 15,000 - 2,500,000 = -2,485,000;
        // equity 1,000,000 + 750 - 750 + 0 = 1,000,000; leverage 2.515; margin 15,000 * 0.25 + 2,500,000 * 0.10 = 253,750.
        AccountRiskRow a = risk(ignite, ACC_A);
        assertThat(a.grossExposure).isCloseTo(2_515_000, within(EPS));
        assertThat(a.netExposure).isCloseTo(-2_485_000, within(EPS));
        assertThat(a.equity).isCloseTo(1_000_000, within(EPS));
        assertThat(a.realizedPnl).isCloseTo(750, within(EPS));
        assertThat(a.leverage).isCloseTo(2.515, within(EPS));
        assertThat(a.marginUsed).isCloseTo(253_750, within(EPS));
        assertThat(a.positionCount).isEqualTo(2);
        assertThat(a.maxConcentrationInstrument).isEqualTo(ES);

        // ACC-B: gross 5,000 + 500,000 = 505,000; net -5,000 + 500,000 = 495,000;
        // equity 1,000,000 + 1,000 (realized) + 500 + 1,000 (unrealized) = 1,002,500; leverage 505,000 / 1,002,500;
        // margin 5,000 * 0.25 + 500,000 * 0.10 = 51,250.
        AccountRiskRow b = risk(ignite, ACC_B);
        assertThat(b.grossExposure).isCloseTo(505_000, within(EPS));
        assertThat(b.netExposure).isCloseTo(495_000, within(EPS));
        assertThat(b.equity).isCloseTo(1_002_500, within(EPS));
        assertThat(b.realizedPnl).isCloseTo(1_000, within(EPS));
        assertThat(b.unrealizedPnl).isCloseTo(1_500, within(EPS));
        assertThat(b.leverage).isCloseTo(505_000.0 / 1_002_500.0, within(EPS));
        assertThat(b.marginUsed).isCloseTo(51_250, within(EPS));
        assertThat(b.positionCount).isEqualTo(2);

        assertThat(fillIds(ignite, ACC_A)).containsExactlyInAnyOrder("s1", "s2", "s3", "s4");
        assertThat(fillIds(ignite, ACC_B)).containsExactlyInAnyOrder("t1", "t2", "t3");
    }

    @Test
    @Order(2)
    void fillsStreamedAgainCountOnce() throws Exception {
        // The same fills again, twice, then old ones mixed with two new ones.
        List<Fill> mixed = new ArrayList<>();
        mixed.add(FIRST.get(4));
        mixed.add(Fill.of("s5", ACC_A, AAPL, Side.BUY, 50, 100, 20));
        mixed.add(FIRST.get(0));
        mixed.add(Fill.of("t4", ACC_B, XOM, Side.BUY, 100, 52, 20));
        mixed.add(FIRST.get(6));
        try (FillStreamer streamer = FillStreamer.open(ignite)) {
            IgniteFuture<?> again = streamer.addAll(FIRST);
            IgniteFuture<?> againInTheSameBuffer = streamer.addAll(FIRST);
            IgniteFuture<?> withNew = streamer.addAll(mixed);
            streamer.flush();
            again.get();
            againInTheSameBuffer.get();
            withNew.get();
        }
        try (FillStreamer streamer = FillStreamer.open(ignite)) {
            IgniteFuture<?> f = streamer.addAll(mixed);
            streamer.flush();
            f.get();
        }

        // ACC-A AAPL: 150 @ 105 plus the one new fill, buy 50 @ 100: 200 @ (150 * 105 + 50 * 100) / 200 = 103.75;
        // realized still 750; market value 200 * 100 = 20,000. ES unchanged.
        PositionRow aapl = position(ignite, ACC_A, AAPL);
        assertThat(aapl.quantity).isCloseTo(200, within(EPS));
        assertThat(aapl.avgPrice).isCloseTo(103.75, within(EPS));
        assertThat(aapl.realizedPnl).isCloseTo(750, within(EPS));
        assertThat(aapl.marketValue).isCloseTo(20_000, within(EPS));
        assertThat(aapl.fillCount).isEqualTo(4);
        assertThat(position(ignite, ACC_A, ES).quantity).isCloseTo(-10, within(EPS));
        assertThat(position(ignite, ACC_A, ES).fillCount).isEqualTo(1);

        // ACC-B XOM: short 100 @ 55, the new buy 100 @ 52 covers it: realizes 100 * (55 - 52) = 300, 1,300 in all,
        // and leaves it flat (average 0, market value 0). ES unchanged: 2, market value 500,000.
        PositionRow xom = position(ignite, ACC_B, XOM);
        assertThat(xom.quantity).isCloseTo(0, within(EPS));
        assertThat(xom.avgPrice).isCloseTo(0, within(EPS));
        assertThat(xom.realizedPnl).isCloseTo(1_300, within(EPS));
        assertThat(xom.marketValue).isCloseTo(0, within(EPS));
        assertThat(xom.fillCount).isEqualTo(3);
        assertThat(position(ignite, ACC_B, ES).quantity).isCloseTo(2, within(EPS));
        assertThat(position(ignite, ACC_B, ES).fillCount).isEqualTo(1);

        // ACC-A gross 20,000 + 2,500,000 = 2,520,000. ACC-B gross 0 + 500,000 = 500,000, equity
        // 1,000,000 + 1,300 + 1,000 (ES unrealized) = 1,002,300.
        assertThat(risk(ignite, ACC_A).grossExposure).isCloseTo(2_520_000, within(EPS));
        assertThat(risk(ignite, ACC_B).grossExposure).isCloseTo(500_000, within(EPS));
        assertThat(risk(ignite, ACC_B).equity).isCloseTo(1_002_300, within(EPS));
        assertThat(risk(ignite, ACC_B).positionCount).isEqualTo(1);

        List<String> a = fillIds(ignite, ACC_A);
        assertThat(a).doesNotHaveDuplicates().containsExactlyInAnyOrder("s1", "s2", "s3", "s4", "s5");
        List<String> b = fillIds(ignite, ACC_B);
        assertThat(b).doesNotHaveDuplicates().containsExactlyInAnyOrder("t1", "t2", "t3", "t4");
    }

    @Test
    @Order(3)
    void aPieceWithAnUnknownAccountOrInstrumentIsRefusedAndAResendAppliesEachFillOnce() throws Exception {
        String acc = "STRM-3";
        addAccounts(ignite, acc);
        try (FillStreamer streamer = FillStreamer.open(ignite)) {
            IgniteFuture<?> f = streamer.add(Fill.of("r0", acc, AAPL, Side.BUY, 10, 100, 1));
            streamer.flush();
            f.get();
        }
        // 10 @ 100.
        assertThat(position(ignite, acc, AAPL).quantity).isCloseTo(10, within(EPS));

        FillStreamer.Settings oneBuffer = new FillStreamer.Settings(4096, 1, 0);
        List<Fill> withUnknownAccount = List.of(
                Fill.of("r1", acc, AAPL, Side.BUY, 5, 110, 2),
                Fill.of("r2", "NO-SUCH-ACCOUNT", AAPL, Side.BUY, 5, 110, 2),
                Fill.of("r3", acc, XOM, Side.SELL, 7, 50, 2));
        Throwable refused = refusedWith(oneBuffer, withUnknownAccount);
        assertThat(messages(refused)).contains("unknown account 'NO-SUCH-ACCOUNT'");

        List<Fill> withUnknownInstrument = List.of(
                Fill.of("r4", acc, AAPL, Side.SELL, 4, 120, 3),
                Fill.of("r5", acc, "NO-SUCH-INSTRUMENT", Side.BUY, 1, 10, 3),
                Fill.of("r6", acc, XOM, Side.BUY, 3, 50, 3));
        refused = refusedWith(oneBuffer, withUnknownInstrument);
        assertThat(messages(refused)).contains("unknown instrument 'NO-SUCH-INSTRUMENT'");

        // The refusal covers the piece of the buffer that holds the problem: at least every fill of
        // the accounts in it. The other pieces of the same addAll (other accounts, other stripes of
        // the receiving node) may be applied, so r1 and r3 may be in FILLS; the unknown account has
        // nothing, and the account whose fill named an unknown instrument has none of r4..r6.
        assertThat(fillIds(ignite, "NO-SUCH-ACCOUNT")).isEmpty();
        assertThat(position(ignite, "NO-SUCH-ACCOUNT", AAPL)).isNull();
        assertThat(fillIds(ignite, acc)).doesNotContain("r4", "r5", "r6");

        // Fills are idempotent, so the sender resends every good fill of both refused buffers: each
        // applies exactly once, whether or not its piece had been applied.
        // AAPL: 10 @ 100 + buy 5 @ 110 -> 15 @ (1,000 + 550) / 15; sell 4 @ 120 realizes 4 * (120 - 1,550 / 15).
        // XOM: sell 7 @ 50 -> short 7 @ 50, buy 3 @ 50 covers 3 at no gain -> short 4 @ 50.
        try (FillStreamer streamer = FillStreamer.open(ignite)) {
            IgniteFuture<?> f = streamer.addAll(List.of(withUnknownAccount.get(0), withUnknownAccount.get(2),
                    withUnknownInstrument.get(0), withUnknownInstrument.get(2)));
            streamer.flush();
            f.get();
        }
        PositionRow aapl = position(ignite, acc, AAPL);
        assertThat(aapl.quantity).isCloseTo(11, within(EPS));
        assertThat(aapl.avgPrice).isCloseTo(1_550.0 / 15, within(EPS));
        assertThat(aapl.realizedPnl).isCloseTo(4 * (120 - 1_550.0 / 15), within(EPS));
        assertThat(position(ignite, acc, XOM).quantity).isCloseTo(-4, within(EPS));
        assertThat(fillIds(ignite, acc)).containsExactlyInAnyOrder("r0", "r1", "r3", "r4", "r6");
    }

    @Test
    @Order(4)
    void fillsOfOneAccountStreamedOneByOneApplyInOrder() throws Exception {
        String acc = "STRM-4";
        addAccounts(ignite, acc);
        List<Fill> fills = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Buys of 10..40, sells of 5..45: the position wanders, sometimes through zero; prices 89..111.
            Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            double qty = side == Side.BUY ? 10 + (i % 7) * 5 : 5 + (i * 3 % 11) * 4;
            double price = 89 + (i * 37 % 23);
            fills.add(Fill.of("o-" + i, acc, AAPL, side, qty, price, i));
        }
        List<IgniteFuture<?>> futures = new ArrayList<>();
        try (FillStreamer streamer = FillStreamer.open(ignite)) {
            for (Fill f : fills) {
                futures.add(streamer.add(f));
            }
            streamer.flush();
            for (IgniteFuture<?> f : futures) {
                f.get();
            }
        }

        // Average cost, by hand: qty signed, avg the average price of what is held, realized summed.
        double qty = 0;
        double avg = 0;
        double realized = 0;
        int flips = 0;
        for (Fill f : fills) {
            double signed = f.side() == Side.BUY ? f.quantity() : -f.quantity();
            if (qty == 0 || (qty > 0) == (signed > 0)) {
                // Opening or adding on the same side: weighted average of the held and the new units.
                avg = (Math.abs(qty) * avg + Math.abs(signed) * f.price()) / (Math.abs(qty) + Math.abs(signed));
                qty += signed;
            } else {
                double closed = Math.min(Math.abs(qty), Math.abs(signed));
                // A long closed by a sale gains price - avg per unit; a short closed by a purchase gains avg - price.
                realized += qty > 0 ? closed * (f.price() - avg) : closed * (avg - f.price());
                double after = qty + signed;
                if (after == 0) {
                    avg = 0;
                } else if ((after > 0) != (qty > 0)) {
                    avg = f.price();
                    flips++;
                }
                qty = after;
            }
        }
        assertThat(flips).as("the sequence flips the position, so order shows in the average").isPositive();

        PositionRow p = position(ignite, acc, AAPL);
        assertThat(p.fillCount).isEqualTo(200);
        assertThat(p.quantity).isCloseTo(qty, within(EPS));
        assertThat(p.avgPrice).isCloseTo(avg, within(EPS));
        assertThat(p.realizedPnl).isCloseTo(realized, within(EPS));
        assertThat(risk(ignite, acc).realizedPnl).isCloseTo(realized, within(EPS));
    }

    @Test
    @Order(5)
    void aLimitLoweredAfterFillsIsWhatTheNextFillIsMeasuredAgainst() {
        String acc = "STRM-5A";
        addAccounts(ignite, acc);
        ReferenceDataWriter writer = new ReferenceDataWriter(ignite);
        writer.putLimits(List.of(grossLimit(acc, 1_000_000)), false);
        // Two fills so that the book is cached on the node: 1,000 AAPL at 100 = 100,000 gross, 0.1 of 1,000,000.
        streamOne(ignite, Fill.of("l1", acc, AAPL, Side.BUY, 500, 100, 1));
        assertThat(ingest(ignite, Fill.of("l2", acc, AAPL, Side.BUY, 500, 100, 2)).accepted()).isEqualTo(1);
        assertThat(limitUtilization(risk(ignite, acc), "GROSS")).isCloseTo(0.1, within(EPS));

        // The limit lowered through the product path (a PutLimitsJob on the account's primary).
        writer.putLimits(List.of(grossLimit(acc, 400_000)), false);
        // One more fill: 2,000 AAPL at 100 = 200,000 gross, 0.5 of the new 400,000 (a cached 1,000,000 would give 0.2).
        assertThat(ingest(ignite, Fill.of("l3", acc, AAPL, Side.BUY, 1_000, 100, 3)).accepted()).isEqualTo(1);
        AccountRiskRow r = risk(ignite, acc);
        assertThat(r.grossExposure).isCloseTo(200_000, within(EPS));
        assertThat(limitValue(r, "GROSS")).isCloseTo(400_000, within(EPS));
        assertThat(limitUtilization(r, "GROSS")).isCloseTo(0.5, within(EPS));
        assertThat(r.maxLimitUtilization).isCloseTo(0.5, within(EPS));

        // And through a streamed fill as well: 2,500 at 100 = 250,000, 0.625 of 400,000.
        streamOne(ignite, Fill.of("l4", acc, AAPL, Side.BUY, 500, 100, 4));
        assertThat(limitUtilization(risk(ignite, acc), "GROSS")).isCloseTo(0.625, within(EPS));
    }

    @Test
    @Order(6)
    void aBatchThatFailsInsideTheBookLeavesNoTraceInTheNextOne() {
        String acc = "STRM-5B";
        addAccounts(ignite, acc);
        // Buy 100 @ 100 streamed, buy 100 @ 110 through the task: 200 @ 105, and the book cached on the node.
        streamOne(ignite, Fill.of("b1", acc, AAPL, Side.BUY, 100, 100, 1));
        assertThat(ingest(ignite, Fill.of("b2", acc, AAPL, Side.BUY, 100, 110, 2)).accepted()).isEqualTo(1);
        assertPosition(acc, AAPL, 200, 105, 0, 2);

        AccountBook book = new AccountBook(ignite);
        long now = System.currentTimeMillis();
        // An unknown account in the batch: the whole batch fails.
        assertThatThrownBy(() -> book.applyFills(List.of(
                Fill.of("b3", acc, AAPL, Side.BUY, 50, 120, 3),
                Fill.of("b4", "NO-SUCH-ACCOUNT", AAPL, Side.BUY, 50, 120, 3)), now))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NO-SUCH-ACCOUNT");
        assertPosition(acc, AAPL, 200, 105, 0, 2);

        // A fill the book cannot apply after it has applied a good one of the same account (an instrument
        // with no reference data; the ingest paths refuse it before it reaches the book): the good fill
        // has already moved the account's in-memory book when the transaction fails.
        Throwable failed = catchThrowable(() -> book.applyFills(List.of(
                Fill.of("b5", acc, AAPL, Side.BUY, 50, 120, 4),
                Fill.of("b6", acc, "NO-SUCH-INSTRUMENT", Side.BUY, 1, 10, 4)), now + 1));
        assertThat(failed).isNotNull();
        assertPosition(acc, AAPL, 200, 105, 0, 2);
        assertThat(fillIds(ignite, acc)).containsExactlyInAnyOrder("b1", "b2");

        // Sell 50 @ 120 from 200 @ 105: realizes 50 * (120 - 105) = 750, 150 @ 105 left, market value 15,000.
        // Had the failed batch's buy of 50 @ 120 stayed in the book (250 @ 108), it would realize only 600.
        assertThat(ingest(ignite, Fill.of("b7", acc, AAPL, Side.SELL, 50, 120, 5)).accepted()).isEqualTo(1);
        assertPosition(acc, AAPL, 150, 105, 750, 3);
        assertThat(position(ignite, acc, AAPL).marketValue).isCloseTo(15_000, within(EPS));
        assertThat(risk(ignite, acc).realizedPnl).isCloseTo(750, within(EPS));
        // And the same through the book directly: buy 50 @ 99 -> 200 @ (150 * 105 + 50 * 99) / 200 = 103.5.
        book.applyFills(List.of(Fill.of("b8", acc, AAPL, Side.BUY, 50, 99, 6)), System.currentTimeMillis());
        assertPosition(acc, AAPL, 200, 103.5, 750, 4);
    }

    @Test
    @Order(7)
    void fillsFollowTheirAccountWhenItsPrimaryMoves() throws Exception {
        try (LocalGridCluster grid = new LocalGridCluster("fill-streamer-failover")) {
            Ignite n0 = grid.startNode();
            DemoFixture.load(n0);
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < 16; a++) {
                ids.add("MV-" + a);
            }
            addAccounts(n0, ids.toArray(new String[0]));
            // Expected quantity per account: the plain sum of its signed fill quantities.
            Map<String, Double> expected = new LinkedHashMap<>();
            ids.forEach(id -> expected.put(id, 0.0));

            // Phase 1, n0 alone: every account +10, every book cached on n0.
            List<Fill> phase1 = new ArrayList<>();
            for (String id : ids) {
                phase1.add(Fill.of(id + "-p1", id, AAPL, Side.BUY, 10, 100, 1));
                expected.merge(id, 10.0, Double::sum);
            }
            stream(n0, phase1);

            // n1 joins; wait until it is primary for some accounts.
            Ignite n1 = grid.startNode();
            ClusterNode n1Node = n1.cluster().localNode();
            List<String> onN1 = awaitPrimaries(n0, n1Node, ids);
            String x = onN1.get(0);

            // Phase 2, streamed from n0: n1 applies X's fills (+5, -3, +7 = +9), so X's version moves past
            // the book n0 still has for it.
            List<Fill> phase2 = new ArrayList<>();
            for (String id : ids) {
                phase2.add(Fill.of(id + "-p2a", id, AAPL, Side.BUY, 5, 101, 2));
                phase2.add(Fill.of(id + "-p2b", id, AAPL, Side.SELL, 3, 102, 3));
                phase2.add(Fill.of(id + "-p2c", id, AAPL, Side.BUY, 7, 103, 4));
                expected.merge(id, 9.0, Double::sum);
            }
            stream(n0, phase2);
            assertThat(position(n0, x, AAPL).quantity).isCloseTo(19, within(EPS));

            // n1 leaves: n0 is primary again for X, with its phase-1 book of X (10) in its cache.
            n1.close();
            awaitServers(n0, 1);
            // Phase 3, through the survivor: X +4 -> 10 + 9 + 4 = 23 (the stale book would give 14).
            List<Fill> phase3 = new ArrayList<>();
            for (String id : ids) {
                phase3.add(Fill.of(id + "-p3", id, AAPL, Side.BUY, 4, 104, 5));
                expected.merge(id, 4.0, Double::sum);
            }
            stream(n0, phase3);
            assertThat(position(n0, x, AAPL).quantity).isCloseTo(23, within(EPS));

            // n2 joins and takes over some accounts after rebalancing.
            Ignite n2 = grid.startNode();
            awaitPrimaries(n0, n2.cluster().localNode(), ids);
            // Phase 4, from n2: X -2, +6 -> 23 + 4 = 27.
            List<Fill> phase4 = new ArrayList<>();
            for (String id : ids) {
                phase4.add(Fill.of(id + "-p4a", id, AAPL, Side.SELL, 2, 105, 6));
                phase4.add(Fill.of(id + "-p4b", id, AAPL, Side.BUY, 6, 106, 7));
                expected.merge(id, 4.0, Double::sum);
            }
            stream(n2, phase4);
            // And phase 1 to 4 again: all duplicates.
            List<Fill> all = new ArrayList<>(phase1);
            all.addAll(phase2);
            all.addAll(phase3);
            all.addAll(phase4);
            stream(n0, all);

            // X: 10 + (5 - 3 + 7) + 4 + (-2 + 6) = 27, from 1 + 3 + 1 + 2 = 7 fills.
            PositionRow px = position(n0, x, AAPL);
            assertThat(px.quantity).as(x).isCloseTo(27, within(EPS));
            assertThat(px.fillCount).as(x).isEqualTo(7);
            // AAPL at 100: X's gross 27 * 100 = 2,700.
            assertThat(risk(n0, x).grossExposure).as(x).isCloseTo(2_700, within(EPS));
            for (String id : ids) {
                assertThat(position(n0, id, AAPL).quantity).as(id).isCloseTo(expected.get(id), within(EPS));
                assertThat(expected.get(id)).isEqualTo(27.0);
                assertThat(fillIds(n0, id)).as(id).hasSize(7).doesNotHaveDuplicates();
            }
        }
    }

    // --- helpers ---

    private void assertPosition(String acc, String instrument, double qty, double avg, double realized, long fills) {
        PositionRow p = position(ignite, acc, instrument);
        assertThat(p.quantity).isCloseTo(qty, within(EPS));
        assertThat(p.avgPrice).isCloseTo(avg, within(EPS));
        assertThat(p.realizedPnl).isCloseTo(realized, within(EPS));
        assertThat(p.fillCount).isEqualTo(fills);
    }

    /** Streams the fills with a streamer whose one buffer holds them all, and returns why they were refused. */
    private static Throwable refusedWith(FillStreamer.Settings settings, List<Fill> fills) {
        FillStreamer streamer = FillStreamer.open(ignite, settings);
        IgniteFuture<?> f = streamer.addAll(fills);
        // flush() and close() may report the failed buffer too; the future is what names the problem.
        catchThrowable(streamer::flush);
        Throwable t = catchThrowable(f::get);
        catchThrowable(streamer::close);
        assertThat(t).as("the future of a refused buffer fails").isNotNull();
        return t;
    }

    /** Every message in the chain of causes. */
    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static void stream(Ignite node, List<Fill> fills) throws Exception {
        try (FillStreamer streamer = FillStreamer.open(node)) {
            IgniteFuture<?> f = streamer.addAll(fills);
            streamer.flush();
            f.get();
        }
    }

    private static void streamOne(Ignite node, Fill fill) {
        try (FillStreamer streamer = FillStreamer.open(node)) {
            IgniteFuture<?> f = streamer.add(fill);
            streamer.flush();
            f.get();
        }
    }

    private static IngestResult ingest(Ignite node, Fill... fills) {
        return node.compute().execute(FillIngestTask.NAME, FillBatch.of(List.of(fills)));
    }

    private static void addAccounts(Ignite node, String... ids) {
        List<Account> accounts = new ArrayList<>();
        for (String id : ids) {
            accounts.add(new Account(id, id, "USD", 1_000_000, "TEST"));
        }
        new ReferenceDataWriter(node).upsertAccounts(accounts);
    }

    private static AccountLimit grossLimit(String acc, double max) {
        return new AccountLimit(acc, "GROSS", LimitScope.ACCOUNT, null, LimitMetric.GROSS_NOTIONAL, max, 0.8);
    }

    private static double limitUtilization(AccountRiskRow r, String limitId) {
        int i = Arrays.asList(r.limitIds).indexOf(limitId);
        assertThat(i).as("limit " + limitId + " in " + Arrays.toString(r.limitIds)).isNotNegative();
        return r.utilizations[i];
    }

    private static double limitValue(AccountRiskRow r, String limitId) {
        int i = Arrays.asList(r.limitIds).indexOf(limitId);
        assertThat(i).as("limit " + limitId + " in " + Arrays.toString(r.limitIds)).isNotNegative();
        return r.limitValues[i];
    }

    /** Waits until {@code node} is primary for at least one of the accounts, and returns those. */
    private static List<String> awaitPrimaries(Ignite observer, ClusterNode node, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        List<String> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = ids.stream().filter(id -> observer.affinity(GridTables.ACCOUNT_RISK).isPrimary(node, id))
                    .collect(Collectors.toList());
            if (found.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("accounts whose primary is " + node.consistentId()).isNotEmpty();
        return found;
    }

    private static void awaitServers(Ignite observer, int servers) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while (observer.cluster().forServers().nodes().size() != servers && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(observer.cluster().forServers().nodes()).hasSize(servers);
    }

    private static List<String> fillIds(Ignite node, String acc) {
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT FILL_ID FROM FILLS WHERE ACCOUNT_ID = ?").setArgs(acc)
                .setSchema(GridTables.SCHEMA);
        List<String> out = new ArrayList<>();
        for (List<?> row : node.cache(GridTables.FILLS).query(q).getAll()) {
            out.add((String) row.get(0));
        }
        return out;
    }

    private static PositionRow position(Ignite node, String account, String instrument) {
        return node.<PositionKey, PositionRow>cache(GridTables.POSITIONS).get(new PositionKey(account, instrument));
    }

    private static AccountRiskRow risk(Ignite node, String account) {
        return node.<String, AccountRiskRow>cache(GridTables.ACCOUNT_RISK).get(account);
    }
}
