package io.riskgrid.bench.load;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Recovery time after a node dies: {@code --nodes} grid server nodes in separate JVMs and this JVM
 * as a client node (as the API is), a steady stream of fills through the ingest task the API calls
 * ({@code --rate} fills/s in batches of {@code --batch}; a batch that fails is sent again, fills being
 * idempotent) and a reader of every account's risk row every 20 ms. After {@code --kill-at} seconds
 * one server is killed with SIGKILL. It prints one JSON line:
 * <pre>
 * {"bench":"failover","nodes":3,"recoveryMs":..,"riskReadGapMs":..,"fillSendGapMs":..,"detectedMs":..,
 *  "failedSends":..,"failedReads":..,"fillsSent":..,"fillsStored":..,"lost":0,...}
 * </pre>
 * {@code riskReadGapMs} is the time the reader went without a successful read across the kill (from
 * the last success before it to the first after it), {@code fillSendGapMs} the same for accepted
 * batches, {@code recoveryMs} the larger of the two: the time the cluster did not serve risk. DESIGN.md's
 * target is 10 s. {@code lost} is the fills sent that are not in the fill log afterwards.
 */
public final class FailoverBench {

    static final Set<String> OPTIONS = Set.of("nodes", "accounts", "rate", "batch", "seconds", "kill-at", "data-region-mb");
    static final String USAGE = "usage: failover [--nodes 3] [--accounts 200] [--rate 2000] [--batch 20] [--seconds 30]"
            + " [--kill-at 10] [--data-region-mb 512]";

    record Settings(int nodes, int accounts, int rate, int batch, int seconds, int killAt, int dataRegionMb) {

        static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS);
            Settings s = new Settings(a.intAtLeast("nodes", 3, 2), a.intAtLeast("accounts", 200, 1),
                    a.intAtLeast("rate", 2_000, 1), a.intAtLeast("batch", 20, 1), a.intAtLeast("seconds", 30, 2),
                    a.intAtLeast("kill-at", 10, 1), a.intAtLeast("data-region-mb", 512, 128));
            if (s.killAt >= s.seconds) {
                a.problem("--kill-at must be before the end of the run (--seconds), were " + s.killAt + " and " + s.seconds);
            }
            a.validate();
            return s;
        }
    }

    private record Op(long end, boolean ok) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("failover: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AlertLatencyBench.quietGridLogs();
        System.out.println(run(settings));
        System.out.flush();
        System.exit(0);
    }

    static JsonLine run(Settings s) throws InterruptedException {
        System.err.println("failover: starting " + s.nodes() + " node processes and a client node");
        try (EmbeddedNode grid = EmbeddedNode.start("bench-failover", s.dataRegionMb(), s.nodes(), true)) {
            Ignite client = grid.ignite();
            Set<String> accounts = load(client, s.accounts());
            ConcurrentLinkedQueue<Op> sends = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Op> reads = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            long end = start + s.seconds() * 1_000_000_000L;
            List<String> accountList = List.copyOf(accounts);
            long[] sent = new long[1];
            Thread sender = new Thread(() -> sent[0] = send(client, accountList, s, start, end, sends), "failover-sender");
            Thread reader = new Thread(() -> read(client, accounts, end, reads), "failover-reader");
            sender.start();
            reader.start();
            Thread.sleep(s.killAt() * 1000L);
            int victim = 1 % s.nodes();
            System.err.println("failover: killing " + grid.processes().name(victim));
            long killedAt = System.nanoTime();
            grid.processes().kill(victim);
            long detected = -1;
            while (detected < 0 && System.nanoTime() < end + 30_000_000_000L) {
                if (client.cluster().forServers().nodes().size() == s.nodes() - 1) {
                    detected = System.nanoTime();
                }
                Thread.sleep(5);
            }
            sender.join();
            reader.join();
            double readGap = gapMs(reads, killedAt);
            double sendGap = gapMs(sends, killedAt);
            long stored = client.cache(GridTables.FILLS).sizeLong(CachePeekMode.PRIMARY);
            return JsonLine.of("failover")
                    .put("nodes", s.nodes())
                    .put("accounts", s.accounts())
                    .put("rate", s.rate())
                    .put("seconds", s.seconds())
                    .put("recoveryMs", Math.max(readGap, sendGap))
                    .put("riskReadGapMs", readGap)
                    .put("fillSendGapMs", sendGap)
                    .put("detectedMs", detected < 0 ? -1 : (detected - killedAt) / 1e6)
                    .put("failedSends", sends.stream().filter(o -> !o.ok()).count())
                    .put("failedReads", reads.stream().filter(o -> !o.ok()).count())
                    .put("fillsSent", sent[0])
                    .put("fillsStored", stored)
                    .put("lost", sent[0] - stored)
                    .put("cores", Runtime.getRuntime().availableProcessors());
        }
    }

    private static Set<String> load(Ignite ignite, int n) {
        ReferenceDataWriter w = new ReferenceDataWriter(ignite);
        w.upsertInstruments(List.of(new Instrument("FX1", "FX1", "EQUITY", "S1", "USD", 1, 0.2),
                new Instrument("FX2", "FX2", "EQUITY", "S2", "USD", 1, 0.2)));
        w.putPrices(List.of(new Price("FX1", 100, 1), new Price("FX2", 100, 1)));
        List<Account> accounts = new ArrayList<>();
        List<AccountLimit> limits = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (int a = 0; a < n; a++) {
            Account account = new Account("FB-" + a, "FB-" + a, "USD", 10_000_000, "BENCH");
            accounts.add(account);
            limits.addAll(DemoBook.defaultLimits(account));
            ids.add(account.accountId());
        }
        w.upsertAccounts(accounts);
        w.putLimits(limits, false);
        return ids;
    }

    /** Paced batches until {@code end}; a failed batch is sent again until accepted. The fills sent. */
    private static long send(Ignite client, List<String> accounts, Settings s, long start, long end,
                             ConcurrentLinkedQueue<Op> ops) {
        SplittableRandom random = new SplittableRandom(7);
        long n = 0;
        long intervalNanos = 1_000_000_000L * s.batch() / s.rate();
        for (long due = start; System.nanoTime() < end; due += intervalNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            List<Fill> batch = new ArrayList<>(s.batch());
            for (int i = 0; i < s.batch(); i++, n++) {
                batch.add(Fill.of("fb-" + n, accounts.get(random.nextInt(accounts.size())), random.nextBoolean() ? "FX1" : "FX2",
                        random.nextBoolean() ? Side.BUY : Side.SELL, 1 + random.nextInt(10), 100, System.currentTimeMillis()));
            }
            while (true) {
                try {
                    IngestResult ignored = client.compute().execute(FillIngestTask.NAME, FillBatch.of(batch));
                    ops.add(new Op(System.nanoTime(), true));
                    break;
                } catch (RuntimeException e) {
                    ops.add(new Op(System.nanoTime(), false));
                    sleepNanos(50_000_000L);
                }
            }
        }
        return n;
    }

    private static void read(Ignite client, Set<String> accounts, long end, ConcurrentLinkedQueue<Op> ops) {
        while (System.nanoTime() < end) {
            try {
                boolean all = client.cache(GridTables.ACCOUNT_RISK).getAll(accounts).size() == accounts.size();
                ops.add(new Op(System.nanoTime(), all));
            } catch (RuntimeException e) {
                ops.add(new Op(System.nanoTime(), false));
            }
            sleepNanos(20_000_000L);
        }
    }

    /** From the last success before {@code at} to the first success after it, ms (NaN if there is none). */
    static double gapMs(Iterable<Op> ops, long at) {
        long before = Long.MIN_VALUE;
        long after = Long.MAX_VALUE;
        for (Op o : ops) {
            if (o.ok()) {
                if (o.end() <= at) {
                    before = Math.max(before, o.end());
                } else {
                    after = Math.min(after, o.end());
                }
            }
        }
        return before == Long.MIN_VALUE || after == Long.MAX_VALUE ? Double.NaN : (after - before) / 1e6;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
