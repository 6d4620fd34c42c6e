package io.riskgrid.bench.load;

import io.riskgrid.compute.var.VarRefresh;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.DataRegionMetrics;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;

import java.util.Set;

/**
 * Memory a big book costs one node: starts one RiskGrid server node in this JVM, measures the
 * process's resident set (RSS) idle, loads the {@link BenchBook} with {@code --positions} /
 * {@code --accounts} positions per account, and measures again after a garbage collection. Prints
 * one JSON line on standard output (progress goes to standard error):
 * <pre>
 * {"bench":"memory","positions":..,"accounts":..,"rssMb":..,"rssIdleMb":..,"heapUsedMb":..,"offHeapMb":..,
 *  "bytesPerPosition":..,"maxHeapMb":..,"cores":..}
 * </pre>
 * {@code positions} is counted in POSITIONS (primary copies) after the load, to show the book is
 * there; {@code bytesPerPosition} is the growth of RSS over the idle node divided by it, so it
 * carries the accounts, risk rows and limits too, and heap the JVM took and kept. {@code offHeapMb}
 * is what the default data region has allocated (pages x page size, Ignite's
 * {@link DataRegionMetrics#getTotalAllocatedSize()}). {@code GridNode} does not enable region
 * metrics, but Ignite 2.17 counts allocated pages regardless, so the figure is there without
 * changing the node; it is {@code null} if the node reports none. It includes the pages every cache
 * partition takes however little it holds (about 95 MiB for a book of 2,000 positions). The live
 * VaR refresh is off, so that nothing but the load allocates.
 * <p>
 * Run with the Ignite JVM flags (the parent pom's {@code ignite.jvm.opens}), with a data region
 * large enough for the book:
 * <pre>
 * java -Xmx2g $FLAGS -cp benchmarks/target/benchmarks.jar io.riskgrid.bench.load.MemoryBench \
 *      --positions 1000000 --accounts 50000 --data-region-mb 3072
 * </pre>
 */
public final class MemoryBench {

    private static final double MIB = 1024.0 * 1024.0;

    private MemoryBench() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("memory: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        AlertLatencyBench.quietGridLogs();
        System.out.println(run(settings));
        System.out.flush();
    }

    /** Starts the node, measures it idle, loads the book and measures it again; the JSON line of figures. */
    static JsonLine run(Settings settings) {
        progress("starting one grid node");
        try (EmbeddedNode node = EmbeddedNode.start("bench-memory", settings.dataRegionMb())) {
            Ignite ignite = node.ignite();
            VarRefresh.of(ignite).close();
            BenchBook.heapUsedMb(true);
            double rssIdle = BenchBook.rssMb();
            progress("idle: rss " + Math.round(rssIdle) + " MiB; loading " + settings.accounts() + " accounts x "
                    + settings.positionsEach() + " positions");
            long loadStart = System.nanoTime();
            BenchBook.load(ignite, settings.accounts(), settings.positionsEach());
            progress("loaded in " + (System.nanoTime() - loadStart) / 1_000_000 + " ms");
            double heap = BenchBook.heapUsedMb(true);
            double rss = BenchBook.rssMb();
            long positions = ignite.cache(GridTables.POSITIONS).sizeLong(CachePeekMode.PRIMARY);
            double offHeap = offHeapMb(ignite);
            progress("rss " + Math.round(rss) + " MiB, heap " + Math.round(heap) + " MiB, off-heap "
                    + (Double.isNaN(offHeap) ? "unknown" : Math.round(offHeap) + " MiB") + ", " + positions + " positions");
            JsonLine line = JsonLine.of("memory")
                    .put("positions", positions)
                    .put("accounts", settings.accounts())
                    .put("rssMb", rss)
                    .put("rssIdleMb", rssIdle)
                    .put("heapUsedMb", heap)
                    .put("offHeapMb", offHeap)
                    .put("bytesPerPosition", positions == 0 ? Double.NaN : (rss - rssIdle) * MIB / positions)
                    .put("maxHeapMb", Runtime.getRuntime().maxMemory() / MIB)
                    .put("cores", Runtime.getRuntime().availableProcessors());
            progress("stopping the node");
            return line;
        }
    }

    /** What the default data region has allocated, MiB; NaN if the node reports nothing. */
    private static double offHeapMb(Ignite ignite) {
        DataRegionMetrics m = ignite.dataRegionMetrics("default");
        if (m == null || m.getTotalAllocatedSize() <= 0) {
            return Double.NaN;
        }
        return m.getTotalAllocatedSize() / MIB;
    }

    private static void progress(String message) {
        System.err.println("memory: " + message);
    }

    /**
     * The command line of the driver, validated with every problem reported together.
     *
     * @param positions    positions in the book, spread evenly: {@code positions / accounts} per account
     * @param accounts     accounts in the book
     * @param dataRegionMb the node's off-heap data region, MiB
     */
    public record Settings(int positions, int accounts, int dataRegionMb) {

        static final String USAGE = "usage: MemoryBench [--positions 1000000] [--accounts 50000] [--data-region-mb 3072]"
                + "  (positions / accounts per account, at most 50)";

        private static final Set<String> OPTIONS = Set.of("positions", "accounts", "data-region-mb");

        /** The settings the arguments ask for; throws one exception that names every bad argument. */
        public static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS);
            BenchBook.Size book = BenchBook.Size.read(a, 50_000, 1_000_000);
            Settings s = new Settings(book.positions(), book.accounts(), a.intAtLeast("data-region-mb", 3_072, 128));
            a.validate();
            return s;
        }

        /** Positions per account. */
        public int positionsEach() {
            return positions / accounts;
        }
    }
}
