package io.riskgrid.bench.load;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import io.riskgrid.breach.alert.AlertEvent;
import io.riskgrid.breach.alert.AlertFeed;
import io.riskgrid.compute.control.PolicyStore;
import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.DrawdownTiers;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import org.HdrHistogram.ConcurrentHistogram;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCompute;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load driver for DESIGN.md's target "fill -> alert visible to a listener: p99 &lt;= 5 ms at 50,000
 * fills/s" on one node. It starts one RiskGrid server node in this JVM as the product does, loads
 * the {@link BreachCycle} book (every fill raises or resolves an alert), and for each target rate
 * sends fills through the real ingest task ({@link FillIngestTask}) in paced batches for a warm-up
 * and then a measured window, while an {@link AlertFeed} (the continuous query the API streams
 * alerts from) listens. The latency of a fill is the time from the submit of its batch to the
 * arrival of the RAISED or RESOLVED event it caused. After each window it waits a grace period for
 * late events and prints one JSON line of figures on standard output (progress goes to standard
 * error):
 * <pre>
 * {"bench":"alert-latency","targetRate":50000,"achievedRate":..,"fills":..,"alerts":..,"fillsPerSecond":..,
 *  "latencyP50Ms":..,"latencyP99Ms":..,"latencyP999Ms":..,"latencyMaxMs":..,"fromSendP50Ms":..,...,"lostAlerts":..,...}
 * </pre>
 * Senders are open-loop: each owns a share of the accounts and sends its batches on a fixed
 * schedule, one batch at a time, so that an account's next fill is sent only after its previous one
 * was applied. A sender that falls behind sends late; {@code achievedRate} then falls short of
 * {@code targetRate}, {@code maxSendLagMs} shows by how much it was late. The {@code latency*} figures
 * run from when each fill was due, so that a late send cannot hide its wait (coordinated omission);
 * the {@code fromSend*} figures from when it was actually sent.
 * <p>
 * Run with the Ignite JVM flags (the parent pom's {@code ignite.jvm.opens}):
 * <pre>
 * java -Xmx2g $FLAGS -cp benchmarks/target/benchmarks.jar io.riskgrid.bench.load.AlertLatencyBench \
 *      --rates 10000,50000 --accounts 1000 --seconds 15 --warmup 5
 * </pre>
 */
public final class AlertLatencyBench {

    /** Fills remembered per account to match late events (see {@link LatencyLedger}). */
    static final int SLOTS_PER_ACCOUNT = 256;

    private final Settings settings;
    private final BreachCycle cycle;
    private final LatencyLedger ledger;
    private final LongAdder otherEvents = new LongAdder();

    AlertLatencyBench(Settings settings) {
        this.settings = settings;
        this.cycle = new BreachCycle(settings.accounts(), "run" + Long.toString(System.currentTimeMillis(), 36));
        this.ledger = new LatencyLedger(settings.accounts(), SLOTS_PER_ACCOUNT);
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("alert-latency: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        quietGridLogs();
        new AlertLatencyBench(settings).run();
    }

    void run() throws InterruptedException, ExecutionException {
        progress("starting one grid node");
        try (EmbeddedNode node = EmbeddedNode.start("bench-alert-latency", settings.dataRegionMb())) {
            Ignite ignite = node.ignite();
            loadBook(ignite);
            try (AlertFeed feed = AlertFeed.open(ignite, this::onAlert)) {
                List<Sender> senders = senders(ignite.compute());
                ExecutorService pool = Executors.newFixedThreadPool(senders.size(), named("bench-sender-"));
                try {
                    for (int rate : settings.rates()) {
                        System.out.println(measureRate(pool, senders, rate));
                        System.out.flush();
                    }
                } finally {
                    pool.shutdownNow();
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                }
            }
            progress("stopping the node");
        }
    }

    /** Warm-up then measured window at one rate; the JSON line of its figures. */
    private JsonLine measureRate(ExecutorService pool, List<Sender> senders, int rate)
            throws InterruptedException, ExecutionException {
        progress("rate " + rate + " fills/s: warm-up " + settings.warmupSeconds() + " s");
        runPhase(pool, senders, 0, rate, settings.warmupSeconds());
        int phase = ledger.openPhase();
        progress("rate " + rate + " fills/s: measuring " + settings.seconds() + " s");
        Machine before = Machine.now();
        PhaseRun run = runPhase(pool, senders, phase, rate, settings.seconds());
        Machine after = Machine.now();
        LatencyLedger.Tally tally = ledger.tally(phase);
        long graceEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.graceSeconds());
        while (tally.outstanding() > 0 && System.nanoTime() < graceEnd) {
            Thread.sleep(10);
        }
        double elapsedS = run.elapsedNanos / 1e9;
        double achieved = run.fills / elapsedS;
        LatencySummary fromSend = LatencySummary.ofNanos(tally.fromSend());
        LatencySummary fromDue = LatencySummary.ofNanos(tally.fromDue());
        LatencySummary batches = LatencySummary.ofNanos(run.batchNanos);
        double cpuS = (after.processCpuNanos - before.processCpuNanos) / 1e9;
        double wallS = (after.wallNanos - before.wallNanos) / 1e9;
        return JsonLine.of("alert-latency")
                .put("targetRate", rate)
                .put("achievedRate", Math.round(achieved))
                .put("fills", tally.sent())
                .put("alerts", tally.answered())
                .put("fillsPerSecond", achieved)
                .put("latency", fromDue)
                .put("fromSend", fromSend)
                .put("lostAlerts", tally.outstanding())
                // Sustained: the fills the schedule asked for were all sent, within 1% of the rate.
                .put("sustained", run.fills >= run.scheduledFills && achieved >= 0.99 * rate)
                .put("scheduledFills", run.scheduledFills)
                .put("maxSendLagMs", run.maxLagNanos / 1e6)
                .put("batchCall", batches)
                .put("accounts", settings.accounts())
                .put("batch", settings.batch())
                .put("senders", settings.senders())
                .put("seconds", elapsedS)
                .put("unmatchedEvents", ledger.unmatched() + otherEvents.sum())
                .put("processCpuCores", cpuS / wallS)
                .put("gcMs", after.gcMillis - before.gcMillis)
                .put("loadAvg1m", after.loadAverage)
                .put("cores", Runtime.getRuntime().availableProcessors());
    }

    private PhaseRun runPhase(ExecutorService pool, List<Sender> senders, int phase, int rate, int seconds)
            throws InterruptedException, ExecutionException {
        Pacing each = new Pacing(rate, settings.batch()).perSender(senders.size());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentHistogram batchNanos = new ConcurrentHistogram(3);
        List<Future<SenderRun>> futures = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            // Senders are spread over one interval so that their batches interleave instead of arriving together.
            long offset = Math.round(each.intervalNanos() * i / senders.size());
            Sender s = senders.get(i);
            futures.add(pool.submit(() -> s.run(phase, each, start + offset, end, batchNanos)));
        }
        long fills = 0;
        long scheduled = 0;
        long maxLag = 0;
        long lastDone = start;
        for (Future<SenderRun> f : futures) {
            SenderRun r = f.get();
            fills += r.fills;
            scheduled += r.scheduledFills;
            maxLag = Math.max(maxLag, r.maxLagNanos);
            lastDone = Math.max(lastDone, r.lastDoneNanos);
        }
        return new PhaseRun(fills, scheduled, maxLag, Math.max(1, lastDone - start), batchNanos);
    }

    private void onAlert(AlertEvent event) {
        long now = System.nanoTime();
        int account = cycle.accountIndex(event.accountId());
        long ordinal = BreachCycle.ordinalOf(event.accountId(), event.alertId(), event.kind());
        if (account < 0 || ordinal < 0) {
            otherEvents.increment();
            return;
        }
        ledger.answered(account, ordinal, now);
    }

    private void loadBook(Ignite ignite) {
        long now = System.currentTimeMillis();
        // The firm-wide loss breakers at 100% never trip: this benchmark is about account alerts.
        new PolicyStore(ignite).write(new RiskPolicy(AlertPolicy.DEFAULT, DrawdownTiers.DEFAULT,
                new CircuitBreakers(1.0, 1.0, 60_000, 1_000_000, 60_000)), now);
        ReferenceDataWriter writer = new ReferenceDataWriter(ignite);
        writer.upsertInstruments(List.of(BreachCycle.instrument()));
        IngestResult priced = writer.putPrices(List.of(BreachCycle.price(now)));
        if (priced.isRejected()) {
            throw new IllegalStateException("the price was rejected: " + priced.problems());
        }
        progress("loading " + cycle.accounts() + " accounts and their limits");
        writer.upsertAccounts(cycle.accountList());
        writer.putLimits(cycle.limits(), false);
    }

    private List<Sender> senders(IgniteCompute compute) {
        int n = settings.senders();
        List<Sender> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            List<Integer> owned = new ArrayList<>();
            for (int a = s; a < cycle.accounts(); a += n) {
                owned.add(a);
            }
            out.add(new Sender(compute, owned.stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    private static void progress(String message) {
        System.err.println("alert-latency: " + message);
    }

    /**
     * Keeps standard output for the figures: Ignite's own console lines are turned into log records
     * ({@code IGNITE_QUIET=false}), the log goes to standard error, and only warnings are shown.
     */
    static void quietGridLogs() {
        System.setProperty("IGNITE_QUIET", "false");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.WARN);
            logback.getLogger("org.apache.ignite").setLevel(Level.WARN);
            logback.getLogger("org.apache.ignite.internal.IgniteKernal").setLevel(Level.WARN);
            root.iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof ConsoleAppender<?> console) {
                    console.stop();
                    console.setTarget("System.err");
                    console.start();
                }
            });
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * One sender: owns a fixed share of the accounts, cycles through them in batches, and sends one
     * batch at a time so each account's fills are applied in order. Confined to one thread at a
     * time (the pool hands it from phase to phase).
     */
    private final class Sender {
        private final IgniteCompute compute;
        private final int[] owned;
        private final long[] ordinals;
        private int cursor;

        Sender(IgniteCompute compute, int[] owned) {
            this.compute = compute;
            this.owned = owned;
            this.ordinals = new long[owned.length];
        }

        SenderRun run(int phase, Pacing pacing, long start, long end, ConcurrentHistogram batchNanos) {
            int size = pacing.batchSize();
            int[] slot = new int[size];
            long fills = 0;
            long maxLag = 0;
            long lastDone = start;
            long batches = pacing.batchesIn(end - start);
            long k = 0;
            for (; k < batches; k++) {
                long due = pacing.dueNanos(start, k);
                Pacing.awaitNanos(due);
                if (System.nanoTime() >= end) {
                    // Behind schedule past the window's end: what is left is reported as not sent.
                    break;
                }
                List<Fill> batch = new ArrayList<>(size);
                long millis = System.currentTimeMillis();
                for (int j = 0; j < size; j++) {
                    slot[j] = cursor;
                    batch.add(cycle.fill(owned[cursor], ordinals[cursor], millis));
                    cursor = cursor + 1 == owned.length ? 0 : cursor + 1;
                }
                FillBatch wire = FillBatch.of(batch);
                long sent = System.nanoTime();
                for (int j = 0; j < size; j++) {
                    ledger.sent(owned[slot[j]], ordinals[slot[j]], phase, due, sent);
                    ordinals[slot[j]]++;
                }
                IngestResult r = compute.execute(FillIngestTask.NAME, wire);
                long done = System.nanoTime();
                if (r.isRejected() || r.accepted() != size) {
                    throw new IllegalStateException("the grid did not apply a whole batch: " + r);
                }
                batchNanos.recordValue(done - sent);
                maxLag = Math.max(maxLag, sent - due);
                lastDone = done;
                fills += size;
            }
            return new SenderRun(fills, batches * size, maxLag, lastDone);
        }
    }

    private record SenderRun(long fills, long scheduledFills, long maxLagNanos, long lastDoneNanos) {
    }

    private record PhaseRun(long fills, long scheduledFills, long maxLagNanos, long elapsedNanos,
                            ConcurrentHistogram batchNanos) {
    }

    /** CPU, GC and load figures of this JVM and machine at one moment. */
    private record Machine(long wallNanos, long processCpuNanos, long gcMillis, double loadAverage) {
        static Machine now() {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long cpu = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
            long gc = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
            }
            return new Machine(System.nanoTime(), cpu, gc, os.getSystemLoadAverage());
        }
    }

    /**
     * The command line of the driver, validated with every problem reported together.
     *
     * @param rates         target rates to measure in turn, fills/s
     * @param accounts      accounts traded (each has its own alert)
     * @param seconds       measured window per rate, s
     * @param warmupSeconds warm-up per rate before its window, s
     * @param batch         fills per ingest call
     * @param senders       parallel senders, each owning a share of the accounts
     * @param graceSeconds  wait after a window for its last events, s
     * @param dataRegionMb  the node's off-heap data region, MiB (every fill is stored)
     */
    public record Settings(List<Integer> rates, int accounts, int seconds, int warmupSeconds, int batch, int senders,
                           int graceSeconds, int dataRegionMb) {

        static final String USAGE = "usage: AlertLatencyBench [--rate 50000 | --rates 10000,50000] [--accounts 1000] [--seconds 15]"
                + " [--warmup 5] [--batch 100] [--senders 4] [--grace 5] [--data-region-mb 4096]";

        private static final Set<String> OPTIONS = Set.of("rate", "rates", "accounts", "seconds", "warmup", "batch", "senders",
                "grace", "data-region-mb");

        public Settings {
            rates = List.copyOf(rates);
        }

        /** The settings the arguments ask for; throws one exception that names every bad argument. */
        public static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS);
            int rate = a.intAtLeast("rate", 0, 1);
            List<Integer> rates = rate > 0 ? List.of(rate) : a.intList("rates", List.of(10_000, 50_000), 1);
            Settings s = new Settings(rates, a.intAtLeast("accounts", 1_000, 1),
                    a.intAtLeast("seconds", 15, 1), a.intAtLeast("warmup", 5, 0), a.intAtLeast("batch", 100, 1),
                    a.intAtLeast("senders", 4, 1), a.intAtLeast("grace", 5, 0),
                    a.intAtLeast("data-region-mb", 4_096, 256));
            List<String> problems = new ArrayList<>(a.problems());
            if (rate > 0 && Arrays.asList(args).stream().anyMatch(x -> x.startsWith("--rates"))) {
                problems.add("give --rate or --rates, not both");
            }
            if (problems.isEmpty() && (long) s.batch() * s.senders() > s.accounts()) {
                problems.add("--batch x --senders must not exceed --accounts (each sender's batch holds distinct accounts"
                        + " of its own share, so that an account's next fill waits for its last), was " + s.batch()
                        + " x " + s.senders() + " > " + s.accounts());
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return s;
        }
    }
}
