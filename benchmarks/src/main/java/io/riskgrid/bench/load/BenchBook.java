package io.riskgrid.bench.load;

import io.riskgrid.compute.ingest.AccountBook;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AccountRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.PositionKey;
import io.riskgrid.grid.schema.PositionRow;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The book the grid load drivers measure against, and the process memory they report. The book is
 * the demo's instruments with their prices and return history, and a random book of long and short
 * positions per account, streamed straight into POSITIONS, ACCOUNT_RISK and LIMITS (fill ingest has
 * its own benchmark, and loading the book through it would measure that instead).
 * <p>
 * Stateless and thread-safe.
 */
public final class BenchBook {

    private static final double MIB = 1024.0 * 1024.0;

    private BenchBook() {
    }

    /** The account id of the account with this index, as {@link #load} names it. */
    public static String accountId(int index) {
        return String.format("BV-%05d", index);
    }

    /**
     * The size of a book {@link #load} can write: {@code positions / accounts} positions per account,
     * at least one, at most one per instrument of the demo book.
     */
    record Size(int accounts, int positions) {

        /**
         * Reads {@code --accounts} and {@code --positions} (their defaults when absent) and, when both
         * were read right, adds to {@code a}'s problems what is wrong with the book they describe: a
         * default standing in for a bad value would only mislead.
         */
        static Size read(BenchArgs a, int defaultAccounts, int defaultPositions) {
            int known = a.problems().size();
            int accounts = a.intAtLeast("accounts", defaultAccounts, 1);
            int positions = a.intAtLeast("positions", defaultPositions, 1);
            if (a.problems().size() == known) {
                if (positions < accounts) {
                    a.problem("--positions must be at least --accounts (every account holds at least one position), was "
                            + positions + " < " + accounts);
                } else if (positions / accounts > DemoBook.DEFAULT.instruments().size()) {
                    a.problem("--positions / --accounts must not exceed " + DemoBook.DEFAULT.instruments().size()
                            + " (an account holds at most one position per instrument of the demo book), was "
                            + positions / accounts);
                }
            }
            return new Size(accounts, positions);
        }
    }

    /**
     * Writes the demo's instruments, opening prices (timestamp 1) and 250 days of return history,
     * then streams {@code accounts} accounts called {@code BV-00000}, {@code BV-00001}, ... with
     * {@code positionsEach} long and short positions each (in distinct instruments, so at most one
     * per instrument of the demo book; a fixed seed), their ACCOUNT_RISK rows and their default
     * limits straight into the caches.
     *
     * @return the positions written
     */
    public static int load(Ignite ignite, int accounts, int positionsEach) {
        DemoBook book = DemoBook.DEFAULT;
        ReferenceDataWriter writer = new ReferenceDataWriter(ignite);
        List<Instrument> instruments = book.instruments();
        writer.upsertInstruments(instruments);
        double[] prices = book.openingPrices();
        List<Price> opening = new ArrayList<>();
        Map<String, double[]> history = new HashMap<>();
        double[][] returns = book.dailyReturnHistory(250, 2008);
        for (int i = 0; i < instruments.size(); i++) {
            opening.add(new Price(instruments.get(i).instrumentId(), prices[i], 1));
            history.put(instruments.get(i).instrumentId(), returns[i]);
        }
        writer.putPrices(opening);
        writer.putReturnHistory(history, 1);
        SplittableRandom random = new SplittableRandom(7);
        long now = System.currentTimeMillis();
        int open = 0;
        try (IgniteDataStreamer<String, AccountRow> acc = ignite.dataStreamer(GridTables.ACCOUNTS);
             IgniteDataStreamer<String, AccountRiskRow> risk = ignite.dataStreamer(GridTables.ACCOUNT_RISK);
             IgniteDataStreamer<PositionKey, PositionRow> pos = ignite.dataStreamer(GridTables.POSITIONS);
             IgniteDataStreamer<LimitKey, LimitRow> lim = ignite.dataStreamer(GridTables.LIMITS)) {
            int n = instruments.size();
            for (int a = 0; a < accounts; a++) {
                String id = accountId(a);
                double equity = 1_000_000;
                AccountRow row = new AccountRow();
                row.name = id;
                row.baseCurrency = "USD";
                row.initialEquity = equity;
                row.strategy = "BENCH";
                acc.addData(id, row);
                AccountRiskRow r = AccountBook.initialRisk(equity, now);
                int[] picks = random.ints(0, n).distinct().limit(Math.min(positionsEach, n)).toArray();
                Arrays.sort(picks);
                r.instrumentIds = new String[picks.length];
                for (int k = 0; k < picks.length; k++) {
                    Instrument ins = instruments.get(picks[k]);
                    r.instrumentIds[k] = ins.instrumentId();
                    PositionRow p = new PositionRow();
                    double notional = 20_000 + random.nextDouble() * 80_000;
                    p.quantity = Math.max(1, Math.round(notional / (prices[picks[k]] * ins.contractSize())))
                            * (random.nextInt(4) == 0 ? -1 : 1);
                    p.avgPrice = prices[picks[k]];
                    p.markPrice = prices[picks[k]];
                    p.contractSize = ins.contractSize();
                    p.marginRate = ins.marginRate();
                    p.sector = ins.sector();
                    p.marketValue = p.quantity * p.markPrice * p.contractSize;
                    p.updatedAt = now;
                    pos.addData(new PositionKey(id, ins.instrumentId()), p);
                    open++;
                }
                risk.addData(id, r);
                for (AccountLimit l : DemoBook.defaultLimits(new Account(id, id, "USD", equity, "BENCH"))) {
                    LimitRow lr = new LimitRow();
                    lr.scope = l.scope().name();
                    lr.target = l.target();
                    lr.metric = l.metric().name();
                    lr.maxValue = l.maxValue();
                    lr.warnAt = l.warnAt();
                    lr.updatedAt = now;
                    lim.addData(new LimitKey(id, l.limitId()), lr);
                }
            }
        }
        return open;
    }

    /**
     * The resident set size of this process (VmRSS in /proc/self/status), MiB; NaN where there is no
     * /proc (not Linux).
     */
    public static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:     262144 kB"
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Java heap in use, MiB; with {@code collectFirst}, after two {@link System#gc()} calls so that
     * it counts live objects rather than garbage not yet collected.
     */
    public static double heapUsedMb(boolean collectFirst) {
        if (collectFirst) {
            System.gc();
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / MIB;
    }
}
