package io.riskgrid.bench.load;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.compute.ingest.FillStreamer;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.GridTables;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.lang.IgniteFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Load driver for DESIGN.md's target "fills aggregated into positions with breach checks live:
 * &gt;= 250,000 fills/s sustained" on one node. It starts one RiskGrid server node in this JVM as the
 * product does, creates {@code --instruments} instruments with prices and {@code --accounts}
 * accounts with the demo's seven limits each (so every fill is checked against limits and the
 * breach engine's continuous query sees every risk change), then sends a warm-up and a measured
 * run of fills and prints one JSON line:
 * <pre>
 * {"bench":"ingest","path":"streamer","fills":..,"accounts":..,"instruments":..,"fillsPerSecond":..,
 *  "positions":..,"fillsStored":..,"latencyP50Ms":..,"latencyP99Ms":..,"latencyP999Ms":..,"latencyMaxMs":..,
 *  "heapUsedMb":..,"rssMb":..,...}
 * </pre>
 * Paths ({@code --path}): {@code streamer}, the fastest the product supports, {@link FillStreamer}
 * (a data streamer whose receiver applies each node's buffer in multi-account transactions); and
 * {@code task}, the ingest task the API and the thin-client SDK call ({@link FillIngestTask}).
 * <p>
 * Each of {@code --senders} threads owns the accounts {@code a} with {@code a % senders == k} and
 * sends their fills in batches of {@code --batch}. The latency of a fill runs from when its batch
 * was due ({@code --rate}, open loop: late sends are not hidden) or, without a rate, from when it
 * was sent, to when the grid acknowledged its batch as applied: committed, so its position is
 * visible to every reader. Throughput is the measured fills over the time from the first send to
 * the last acknowledgement. Progress goes to standard error.
 */
public final class IngestBench {

    static final Set<String> OPTIONS = Set.of("fills", "accounts", "instruments", "rate", "path", "batch", "senders",
            "warmup", "buffer", "parallel-ops", "in-flight", "data-region-mb", "seed", "nodes");
    static final String USAGE = "usage: ingest [--fills 1000000] [--accounts 1000] [--instruments 50] [--rate 0 (as fast "
            + "as possible)] [--path streamer|task] [--batch 1000] [--senders 2] [--warmup fills/5] [--buffer 4096] "
            + "[--parallel-ops 2] [--in-flight 4] [--data-region-mb 2048] [--seed 42] [--nodes 1]";

    /** The run's parameters, checked. */
    record Settings(int fills, int accounts, int instruments, int rate, String path, int batch, int senders, int warmup,
                    int buffer, int parallelOps, int inFlight, int dataRegionMb, int seed, int nodes) {

        static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS);
            int fills = a.intAtLeast("fills", 1_000_000, 1);
            int accounts = a.intAtLeast("accounts", 1_000, 1);
            int instruments = a.intAtLeast("instruments", 50, 1);
            int rate = a.intAtLeast("rate", 0, 0);
            String path = a.text("path", "streamer");
            int batch = a.intAtLeast("batch", 1_000, 1);
            int senders = a.intAtLeast("senders", 2, 1);
            int warmup = a.intAtLeast("warmup", fills / 5, 0);
            int buffer = a.intAtLeast("buffer", 4_096, 1);
            int parallelOps = a.intAtLeast("parallel-ops", 2, 1);
            int inFlight = a.intAtLeast("in-flight", 4, 1);
            int region = a.intAtLeast("data-region-mb", 2_048, 128);
            int seed = a.intAtLeast("seed", 42, 0);
            int nodes = a.intAtLeast("nodes", 1, 1);
            List<String> problems = new ArrayList<>(a.problems());
            if (!path.equals("streamer") && !path.equals("task")) {
                problems.add("--path must be streamer or task, was '" + path + "'");
            }
            if (senders > accounts) {
                problems.add("--senders must not exceed --accounts (each sender owns its own accounts), were "
                        + senders + " and " + accounts);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new Settings(fills, accounts, instruments, rate, path, batch, senders, warmup, buffer, parallelOps,
                    inFlight, region, seed, nodes);
        }
    }

    private final Settings settings;

    IngestBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ingest: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AlertLatencyBench.quietGridLogs();
        System.out.println(new IngestBench(settings).run());
        System.out.flush();
    }

    /** Starts a node, loads the reference data, runs the warm-up and the measured fills; the figures. */
    JsonLine run() {
        progress("starting " + settings.nodes() + " grid node(s): one in this JVM"
                + (settings.nodes() > 1 ? ", the others as separate processes" : ""));
        try (EmbeddedNode node = EmbeddedNode.start("bench-ingest", settings.dataRegionMb(), settings.nodes() - 1, false)) {
            Ignite ignite = node.ignite();
            load(ignite);
            try (Path path = settings.path().equals("streamer") ? new StreamerPath(ignite) : new TaskPath(ignite)) {
                if (settings.warmup() > 0) {
                    progress("warm-up: " + settings.warmup() + " fills");
                    send(path, 0, settings.warmup(), new ConcurrentHistogram(3));
                }
                progress("measured: " + settings.fills() + " fills" + (settings.rate() > 0 ? " at " + settings.rate()
                        + " fills/s" : " as fast as the node takes them"));
                Histogram latency = new ConcurrentHistogram(3);
                long t0 = System.nanoTime();
                send(path, settings.warmup(), settings.fills(), latency);
                double seconds = (System.nanoTime() - t0) / 1e9;
                IgniteCache<?, ?> fills = ignite.cache(GridTables.FILLS);
                IgniteCache<?, ?> positions = ignite.cache(GridTables.POSITIONS);
                LatencySummary s = LatencySummary.ofNanos(latency);
                double rssMb = BenchBook.rssMb();
                double heapMb = BenchBook.heapUsedMb(false);
                return JsonLine.of("ingest")
                        .put("path", settings.path())
                        .put("fills", settings.fills())
                        .put("nodes", settings.nodes())
                        .put("accounts", settings.accounts())
                        .put("instruments", settings.instruments())
                        .put("rate", settings.rate())
                        .put("batch", settings.batch())
                        .put("senders", settings.senders())
                        .put("warmupFills", settings.warmup())
                        .put("fillsPerSecond", settings.fills() / seconds)
                        .put("seconds", seconds)
                        .put("fillsStored", fills.sizeLong(CachePeekMode.PRIMARY))
                        .put("positions", positions.sizeLong(CachePeekMode.PRIMARY))
                        .put("latency", s)
                        .put("heapUsedMb", heapMb)
                        .put("rssMb", rssMb)
                        .put("cores", Runtime.getRuntime().availableProcessors());
            }
        }
    }

    /** Instruments at 100 with prices, accounts of 10,000,000 with the demo's limits. */
    private void load(Ignite ignite) {
        ReferenceDataWriter w = new ReferenceDataWriter(ignite);
        List<Instrument> instruments = new ArrayList<>();
        List<Price> prices = new ArrayList<>();
        for (int i = 0; i < settings.instruments(); i++) {
            String id = instrumentId(i);
            instruments.add(new Instrument(id, id, "EQUITY", "S" + (i % 10), "USD", 1, 0.2));
            prices.add(new Price(id, 100, 1));
        }
        w.upsertInstruments(instruments);
        w.putPrices(prices);
        List<Account> accounts = new ArrayList<>();
        List<AccountLimit> limits = new ArrayList<>();
        for (int a = 0; a < settings.accounts(); a++) {
            Account account = new Account(accountId(a), accountId(a), "USD", 10_000_000, "BENCH");
            accounts.add(account);
            limits.addAll(DemoBook.defaultLimits(account));
        }
        w.upsertAccounts(accounts);
        w.putLimits(limits, false);
        progress("loaded " + settings.instruments() + " instruments and " + settings.accounts() + " accounts");
    }

    /** Sends fills {@code first .. first+count-1} from every sender and waits for every acknowledgement. */
    private void send(Path path, int first, int count, Histogram latency) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.senders());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int k = 0; k < settings.senders(); k++) {
                int sender = k;
                running.add(pool.submit(() -> senderLoop(path, sender, first, count, start, latency, failure)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            path.drain();
        } catch (Exception e) {
            throw new IllegalStateException("a sender failed", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the grid refused fills: " + failure.get().getMessage(), failure.get());
        }
    }

    /**
     * One sender's share: fill {@code n} (from {@code first}) goes to account {@code n % accounts}
     * when that account is the sender's. Random instrument, side and size from a seed per fill.
     */
    private void senderLoop(Path path, int sender, int first, int count, long start, Histogram latency,
                            AtomicReference<Throwable> failure) {
        int senders = settings.senders();
        Pacing pacing = settings.rate() > 0 ? new Pacing(settings.rate(), settings.batch()).perSender(senders) : null;
        List<Fill> batch = new ArrayList<>(settings.batch());
        long batchIndex = 0;
        for (int n = first; n < first + count && failure.get() == null; n++) {
            int account = n % settings.accounts();
            if (account % senders != sender) {
                continue;
            }
            batch.add(fill(n, account));
            boolean last = n + senders >= first + count;
            if (batch.size() == settings.batch() || last) {
                long due = pacing == null ? System.nanoTime() : pacing.dueNanos(start, batchIndex);
                if (pacing != null) {
                    Pacing.awaitNanos(due);
                }
                int size = batch.size();
                long sent = pacing == null ? System.nanoTime() : due;
                path.submit(batch, error -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        latency.recordValueWithCount(Math.max(0, System.nanoTime() - sent), size);
                    }
                });
                batch = new ArrayList<>(settings.batch());
                batchIndex++;
            }
        }
    }

    private Fill fill(int n, int account) {
        SplittableRandom r = new SplittableRandom(settings.seed() * 1_000_003L + n);
        int instrument = r.nextInt(settings.instruments());
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        double price = 100 * (1 + (r.nextDouble() - 0.5) * 0.01);
        return Fill.of("F" + n, accountId(account), instrumentId(instrument), side, 1 + r.nextInt(100), price,
                1_000 + n);
    }

    static String accountId(int a) {
        return String.format("BI-%06d", a);
    }

    static String instrumentId(int i) {
        return String.format("INS%04d", i);
    }

    private static void progress(String message) {
        System.err.println("ingest: " + message);
    }

    /** A way into the grid: batches are submitted asynchronously, with a callback when applied or refused. */
    private interface Path extends AutoCloseable {
        void submit(List<Fill> batch, Consumer<Throwable> done);

        /** Waits until everything submitted is acknowledged. */
        void drain();

        @Override
        void close();
    }

    /** {@link FillStreamer}: buffered per node, applied by a stream receiver on the primary. */
    private final class StreamerPath implements Path {
        private final FillStreamer streamer;

        StreamerPath(Ignite ignite) {
            streamer = FillStreamer.open(ignite, new FillStreamer.Settings(settings.buffer(), settings.parallelOps(), 5));
        }

        @Override
        public void submit(List<Fill> batch, Consumer<Throwable> done) {
            IgniteFuture<?> f = streamer.addAll(batch);
            f.listen(x -> {
                try {
                    x.get();
                    done.accept(null);
                } catch (RuntimeException e) {
                    done.accept(e);
                }
            });
        }

        @Override
        public void drain() {
            streamer.flush();
        }

        @Override
        public void close() {
            streamer.close();
        }
    }

    /** {@link FillIngestTask}, as the API and the SDK call it, with at most {@code --in-flight} calls per sender. */
    private final class TaskPath implements Path {
        private final Ignite ignite;
        private final Semaphore inFlight;
        private final int permits;

        TaskPath(Ignite ignite) {
            this.ignite = ignite;
            this.permits = settings.inFlight() * settings.senders();
            this.inFlight = new Semaphore(permits);
        }

        @Override
        public void submit(List<Fill> batch, Consumer<Throwable> done) {
            inFlight.acquireUninterruptibly();
            IgniteFuture<IngestResult> f = ignite.compute().executeAsync(FillIngestTask.NAME, FillBatch.of(batch));
            f.listen(x -> {
                try {
                    IngestResult r = x.get();
                    done.accept(r.isRejected() ? new IllegalStateException(String.join("; ", r.problems())) : null);
                } catch (RuntimeException e) {
                    done.accept(e);
                } finally {
                    inFlight.release();
                }
            });
        }

        @Override
        public void drain() {
            inFlight.acquireUninterruptibly(permits);
            inFlight.release(permits);
        }

        @Override
        public void close() {
        }
    }
}
