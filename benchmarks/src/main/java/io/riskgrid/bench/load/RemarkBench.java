package io.riskgrid.bench.load;

import io.riskgrid.compute.ingest.PriceIngestTask;
import io.riskgrid.compute.var.VarRefresh;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.price.PriceBatch;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.lang.IgniteAsyncCallback;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for a market-wide re-mark: how long after a price batch that moves every instrument
 * the last account's risk is fresh. It starts one RiskGrid server node in this JVM, loads the
 * {@link BenchBook} with {@code --positions} / {@code --accounts} positions per account, and for
 * each warm-up and measured run sends one batch that moves the price of every instrument of the
 * demo book (alternately up and down by {@value #MOVE}, at a timestamp later than the last)
 * through the real ingest task, {@link PriceIngestTask}, as the API does.
 * <p>
 * One continuous query on ACCOUNT_RISK listens for the whole bench, off the writing thread
 * ({@link IgniteAsyncCallback}, as the product's risk feeds do). Before each run the driver reads
 * every account's {@code version}; an account is fresh in the run once the listener sees a row of
 * it with a higher version. The latency of a run is the time from just before the ingest call to
 * the arrival of the last account's fresh row; {@code taskMs} is how long the call itself took.
 * Accounts not fresh within {@value #WAIT_SECONDS} s are reported as {@code staleAccounts} instead
 * of waited for. The live VaR refresh is off, so that only the re-mark writes risk rows. On one
 * node the task returns only after its re-mark job has committed every account, so
 * {@code taskMs} comes out about equal to {@code remarkMs}.
 * <p>
 * Progress goes to standard error; the last line on standard output is the JSON line of figures:
 * <pre>
 * {"bench":"remark","accounts":..,"positions":..,"instruments":50,"runs":..,"remarkMs":..,"remarkMinMs":..,
 *  "remarkMaxMs":..,"taskMs":..,"staleAccounts":0,"rssMb":..,"heapUsedMb":..,"cores":..}
 * </pre>
 * Run with the Ignite JVM flags (the parent pom's {@code ignite.jvm.opens}):
 * <pre>
 * java -Xmx2g $FLAGS -cp benchmarks/target/benchmarks.jar io.riskgrid.bench.load.RemarkBench \
 *      --accounts 10000 --positions 200000 --runs 9 --warmup 3
 * </pre>
 */
public final class RemarkBench {

    /** Relative price move of every instrument per run. */
    static final double MOVE = 0.001;

    /** How long a run waits for its last fresh account, s. */
    static final int WAIT_SECONDS = 120;

    private final Settings settings;
    private final List<String> accountIds;
    /** The run the listener counts fresh accounts for; null between runs. */
    private volatile Run current;

    private RemarkBench(Settings settings) {
        this.settings = settings;
        List<String> ids = new ArrayList<>(settings.accounts());
        for (int a = 0; a < settings.accounts(); a++) {
            ids.add(BenchBook.accountId(a));
        }
        this.accountIds = ids;
    }

    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("remark: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        AlertLatencyBench.quietGridLogs();
        System.out.println(run(settings));
        System.out.flush();
    }

    /** Starts the node, loads the book, runs the warm-up and measured re-marks; the JSON line of figures. */
    static JsonLine run(Settings settings) throws InterruptedException {
        return new RemarkBench(settings).measure();
    }

    private JsonLine measure() throws InterruptedException {
        progress("starting one grid node");
        try (EmbeddedNode node = EmbeddedNode.start("bench-remark", settings.dataRegionMb())) {
            Ignite ignite = node.ignite();
            // The live VaR refresh would write risk rows of its own beside the re-marks; it is off here.
            VarRefresh.of(ignite).close();
            long loadStart = System.nanoTime();
            int open = BenchBook.load(ignite, settings.accounts(), settings.positionsEach());
            progress("loaded " + settings.accounts() + " accounts, " + open + " positions in "
                    + (System.nanoTime() - loadStart) / 1_000_000 + " ms");
            IgniteCache<String, AccountRiskRow> risk = ignite.cache(GridTables.ACCOUNT_RISK);
            List<Instrument> instruments = DemoBook.DEFAULT.instruments();
            double[] prices = DemoBook.DEFAULT.openingPrices();
            ContinuousQuery<String, AccountRiskRow> query = new ContinuousQuery<String, AccountRiskRow>()
                    .setLocalListener(new Listener(this));
            double[] remarkMs = new double[settings.runs()];
            double[] taskMs = new double[settings.runs()];
            int stale = 0;
            try (QueryCursor<Cache.Entry<String, AccountRiskRow>> cursor = risk.query(query)) {
                long ts = 1;
                int total = settings.warmup() + settings.runs();
                for (int i = 0; i < total; i++) {
                    double factor = i % 2 == 0 ? 1 + MOVE : 1 / (1 + MOVE);
                    List<Price> batch = new ArrayList<>(instruments.size());
                    ts = Math.max(ts + 1, System.currentTimeMillis());
                    for (int k = 0; k < instruments.size(); k++) {
                        prices[k] *= factor;
                        batch.add(new Price(instruments.get(k).instrumentId(), prices[k], ts));
                    }
                    RunResult r = remark(ignite, risk, PriceBatch.of(batch));
                    boolean measured = i >= settings.warmup();
                    progress((measured ? "run " + (i - settings.warmup() + 1) : "warm-up " + (i + 1))
                            + ": last fresh account at " + fmt(r.remarkMs()) + " ms, task returned at "
                            + fmt(r.taskMs()) + " ms, stale accounts " + r.stale());
                    if (measured) {
                        remarkMs[i - settings.warmup()] = r.remarkMs();
                        taskMs[i - settings.warmup()] = r.taskMs();
                        stale = Math.max(stale, r.stale());
                    }
                }
            }
            JsonLine line = JsonLine.of("remark")
                    .put("accounts", settings.accounts())
                    .put("positions", open)
                    .put("instruments", instruments.size())
                    .put("runs", settings.runs())
                    .put("remarkMs", median(remarkMs))
                    .put("remarkMinMs", Arrays.stream(remarkMs).min().orElse(Double.NaN))
                    .put("remarkMaxMs", Arrays.stream(remarkMs).max().orElse(Double.NaN))
                    .put("taskMs", median(taskMs))
                    .put("staleAccounts", stale)
                    .put("rssMb", BenchBook.rssMb())
                    .put("heapUsedMb", BenchBook.heapUsedMb(true))
                    .put("cores", Runtime.getRuntime().availableProcessors());
            progress("stopping the node");
            return line;
        }
    }

    /** One price batch through the ingest task, then the wait for every account's fresh risk row. */
    private RunResult remark(Ignite ignite, IgniteCache<String, AccountRiskRow> risk, PriceBatch batch)
            throws InterruptedException {
        Map<String, AccountRiskRow> before = risk.getAll(new LinkedHashSet<>(accountIds));
        long[] versions = new long[accountIds.size()];
        for (int a = 0; a < versions.length; a++) {
            AccountRiskRow row = before.get(accountIds.get(a));
            versions[a] = row == null ? Long.MIN_VALUE : row.version;
        }
        Run run = new Run(versions);
        current = run;
        long start = System.nanoTime();
        IngestResult result = ignite.compute().execute(PriceIngestTask.NAME, batch);
        long returned = System.nanoTime();
        if (result.isRejected() || result.accepted() != batch.size()) {
            throw new IllegalStateException("the grid did not apply the whole price batch: " + result.problems());
        }
        run.allFresh.await(WAIT_SECONDS, TimeUnit.SECONDS);
        current = null;
        int fresh = run.fresh.get();
        double remarkMs = fresh == 0 ? Double.NaN : (run.lastFreshNanos.get() - start) / 1e6;
        return new RunResult(remarkMs, (returned - start) / 1e6, versions.length - fresh);
    }

    /** Called by the listener for every ACCOUNT_RISK row written. */
    private void onRisk(String accountId, AccountRiskRow row) {
        Run run = current;
        if (run == null || row == null) {
            return;
        }
        int a = indexOf(accountId);
        if (a < 0 || a >= run.versionsBefore.length || row.version <= run.versionsBefore[a]
                || !run.seen.compareAndSet(a, 0, 1)) {
            return;
        }
        run.lastFreshNanos.accumulateAndGet(System.nanoTime(), Math::max);
        run.fresh.incrementAndGet();
        run.allFresh.countDown();
    }

    /** The index of a {@link BenchBook#accountId} id, or -1 for any other account. */
    private static int indexOf(String accountId) {
        if (accountId == null || !accountId.startsWith("BV-")) {
            return -1;
        }
        try {
            return Integer.parseInt(accountId.substring(3));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String fmt(double ms) {
        return Double.isNaN(ms) ? "-" : String.format("%.1f", ms);
    }

    private static void progress(String message) {
        System.err.println("remark: " + message);
    }

    /** The state of one run, shared between the driver and the listener threads. */
    private static final class Run {
        final long[] versionsBefore;
        final AtomicIntegerArray seen;
        final AtomicInteger fresh = new AtomicInteger();
        final AtomicLong lastFreshNanos = new AtomicLong(Long.MIN_VALUE);
        final CountDownLatch allFresh;

        Run(long[] versionsBefore) {
            this.versionsBefore = versionsBefore;
            this.seen = new AtomicIntegerArray(versionsBefore.length);
            this.allFresh = new CountDownLatch(versionsBefore.length);
        }
    }

    private record RunResult(double remarkMs, double taskMs, int stale) {
    }

    /** Hands every ACCOUNT_RISK event to the bench, in Ignite's async-callback pool. */
    @IgniteAsyncCallback
    private static final class Listener implements CacheEntryUpdatedListener<String, AccountRiskRow> {
        private final RemarkBench bench;

        Listener(RemarkBench bench) {
            this.bench = bench;
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends AccountRiskRow>> events) {
            for (CacheEntryEvent<? extends String, ? extends AccountRiskRow> e : events) {
                bench.onRisk(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * The command line of the driver, validated with every problem reported together.
     *
     * @param accounts     accounts in the book
     * @param positions    positions in the book, spread evenly: {@code positions / accounts} per account
     * @param runs         measured re-marks
     * @param warmup       re-marks before the measured ones
     * @param dataRegionMb the node's off-heap data region, MiB
     */
    public record Settings(int accounts, int positions, int runs, int warmup, int dataRegionMb) {

        static final String USAGE = "usage: RemarkBench [--accounts 10000] [--positions 200000] [--runs 9] [--warmup 3]"
                + " [--data-region-mb 1024]  (positions / accounts per account, at most 50)";

        private static final Set<String> OPTIONS = Set.of("accounts", "positions", "runs", "warmup", "data-region-mb");

        /** The settings the arguments ask for; throws one exception that names every bad argument. */
        public static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS);
            BenchBook.Size book = BenchBook.Size.read(a, 10_000, 200_000);
            Settings s = new Settings(book.accounts(), book.positions(), a.intAtLeast("runs", 9, 1),
                    a.intAtLeast("warmup", 3, 0), a.intAtLeast("data-region-mb", 1_024, 128));
            a.validate();
            return s;
        }

        /** Positions per account. */
        public int positionsEach() {
            return positions / accounts;
        }
    }
}
