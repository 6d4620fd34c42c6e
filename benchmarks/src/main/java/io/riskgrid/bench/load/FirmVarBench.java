package io.riskgrid.bench.load;

import io.riskgrid.compute.stress.StressTask;
import io.riskgrid.compute.var.FirmVarTask;
import io.riskgrid.compute.var.VarRefresh;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.core.stress.StressReport;
import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.stress.StressScenarios;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import org.apache.ignite.Ignite;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;

/**
 * End-to-end time of the firm-wide tasks over a big book: one RiskGrid node in this JVM holding
 * {@code --accounts} accounts of {@code --positions} positions each over the demo's 50 instruments
 * (with 250 days of return history), then repeated runs of the firm's Monte Carlo VaR (the
 * map-reduce, through the compute API as a client would call it), parametric and historical VaR,
 * and a named stress scenario with every account's limits. Prints one JSON line with the median
 * and fastest time of each (ms) after warm-up.
 * <p>
 * The book is streamed straight into POSITIONS, ACCOUNT_RISK and LIMITS: fill ingest has its own
 * benchmark, and loading 120,000 positions through it would measure that instead.
 * <pre>
 * java -Xmx2g $FLAGS -cp benchmarks/target/benchmarks.jar io.riskgrid.bench.load.FirmVarBench \
 *      --accounts 10000 --positions 12 --paths 10000 --runs 9 --warmup 3
 * </pre>
 */
public final class FirmVarBench {

    static final Set<String> OPTIONS = Set.of("accounts", "positions", "paths", "runs", "warmup", "data-region-mb");
    static final String USAGE = "usage: firm-var [--accounts 10000] [--positions 12] [--paths 10000] [--runs 9] "
            + "[--warmup 3] [--data-region-mb 1024]";

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.parse(args, OPTIONS);
        int accounts = a.intAtLeast("accounts", 10_000, 1);
        int positions = a.intAtLeast("positions", 12, 1);
        int paths = a.intAtLeast("paths", 10_000, 100);
        int runs = a.intAtLeast("runs", 9, 1);
        int warmup = a.intAtLeast("warmup", 3, 0);
        int regionMb = a.intAtLeast("data-region-mb", 1024, 128);
        try {
            a.validate();
        } catch (IllegalArgumentException e) {
            System.err.println("firm-var: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AlertLatencyBench.quietGridLogs();
        progress("starting one grid node");
        try (EmbeddedNode node = EmbeddedNode.start("bench-firm-var", regionMb)) {
            Ignite ignite = node.ignite();
            // The live VaR refresh would write 10,000 risk rows every 5 s beside the timed tasks; it
            // is measured on its own, so it is off here.
            VarRefresh.of(ignite).close();
            long loadStart = System.nanoTime();
            int open = BenchBook.load(ignite, accounts, positions);
            progress("loaded " + accounts + " accounts, " + open + " positions in "
                    + (System.nanoTime() - loadStart) / 1_000_000 + " ms");
            long seed = 42;
            Timing mc = time("monte carlo", warmup, runs, () -> ignite.compute().<VarRequest, VarReport>execute(
                    FirmVarTask.NAME, VarRequest.firm(VarMethod.MONTE_CARLO, 0.99, 1, paths, seed)));
            Timing parametric = time("parametric", warmup, runs, () -> ignite.compute().<VarRequest, VarReport>execute(
                    FirmVarTask.NAME, VarRequest.firm(VarMethod.PARAMETRIC, 0.99, 1, paths, seed)));
            Timing historical = time("historical", warmup, runs, () -> ignite.compute().<VarRequest, VarReport>execute(
                    FirmVarTask.NAME, VarRequest.firm(VarMethod.HISTORICAL, 0.99, 1, paths, seed)));
            Timing stress = time("stress", warmup, runs, () -> ignite.compute().<StressRequest, StressReport>execute(
                    StressTask.NAME, StressRequest.shocks(StressScenarios.named("GFC_2008"), 20)));
            VarReport v = (VarReport) mc.last;
            StressReport s = (StressReport) stress.last;
            System.out.println(JsonLine.of("firm-var")
                    .put("accounts", accounts)
                    .put("positions", open)
                    .put("instruments", DemoBook.DEFAULT.instruments().size())
                    .put("paths", paths)
                    .put("runs", runs)
                    .put("monteCarloMedianMs", mc.median())
                    .put("monteCarloMinMs", mc.min())
                    .put("parametricMedianMs", parametric.median())
                    .put("historicalMedianMs", historical.median())
                    .put("stressMedianMs", stress.median())
                    .put("stressMinMs", stress.min())
                    .put("var99", v.var())
                    .put("cvar99", v.cvar())
                    .put("parametricVar99", ((VarReport) parametric.last).var())
                    .put("historicalVar99", ((VarReport) historical.last).var())
                    .put("stressPnl", s.pnl())
                    .put("breachingAccounts", s.breachingAccounts().length)
                    .put("cores", Runtime.getRuntime().availableProcessors()));
            System.out.flush();
        }
    }

    private static Timing time(String what, int warmup, int runs, Supplier<Object> call) {
        progress(what + ": " + warmup + " warm-up runs, " + runs + " measured");
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        double[] ms = new double[runs];
        Object last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Timing(ms, last);
    }

    private record Timing(double[] ms, Object last) {
        double median() {
            double[] s = ms.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        double min() {
            return Arrays.stream(ms).min().orElse(Double.NaN);
        }
    }

    private static void progress(String message) {
        System.err.println("firm-var: " + message);
    }
}
