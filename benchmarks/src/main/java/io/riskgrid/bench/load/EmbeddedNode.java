package io.riskgrid.bench.load;

import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One RiskGrid server node in this JVM, started as the product starts it ({@link GridNode#start}),
 * for a load driver to measure: on a block of free ports of its own on 127.0.0.1, so that it never
 * joins a running demo or a test cluster, and in a temporary work directory that {@link #close()}
 * deletes.
 * <p>
 * Not thread-safe to start and close; {@link #ignite()} may be used from any thread.
 */
public final class EmbeddedNode implements AutoCloseable {

    /** Ports in a block: discovery base..base+9, communication base+10..base+29, thin client base+30..base+39. */
    static final int BLOCK = 40;

    private final Ignite ignite;
    private final Path workRoot;
    private final NodeProcesses processes;

    private EmbeddedNode(Ignite ignite, Path workRoot, NodeProcesses processes) {
        this.ignite = ignite;
        this.workRoot = workRoot;
        this.processes = processes;
    }

    /**
     * Starts a node called {@code name} whose default data region may grow to {@code dataRegionMb}
     * MiB off-heap.
     */
    public static EmbeddedNode start(String name, long dataRegionMb) {
        return start(name, dataRegionMb, 0, false);
    }

    /**
     * Starts a cluster for a driver: this JVM's node called {@code name} (a server node, or with
     * {@code client} a client node that holds no data) and {@code nodeProcesses} server nodes in
     * separate JVMs ({@link #processes()}), each with a data region of {@code dataRegionMb} MiB.
     * Returns once every server has joined.
     */
    public static EmbeddedNode start(String name, long dataRegionMb, int nodeProcesses, boolean client) {
        if (client && nodeProcesses < 1) {
            throw new IllegalArgumentException("a client node needs at least one server node process");
        }
        Path workRoot;
        try {
            workRoot = Files.createTempDirectory("riskgrid-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the benchmark node", e);
        }
        try {
            int base = freeBlock();
            GridConfig cfg = GridConfig.defaults(name)
                    .withDiscovery(List.of("127.0.0.1:" + base + ".." + (base + 9)))
                    .withPorts(base, base + 10, base + 30)
                    .withPortRanges(10, 20, 10)
                    .withWorkDir(workRoot.resolve(name))
                    .withDataRegionMb(dataRegionMb)
                    .withGentleFailure(true)
                    .withClientMode(client);
            NodeProcesses processes = new NodeProcesses(base, workRoot, dataRegionMb);
            try {
                if (client) {
                    processes.start(name + "-server-0");
                }
                Ignite ignite = GridNode.start(cfg);
                for (int i = client ? 1 : 0; i < nodeProcesses; i++) {
                    processes.start(name + "-server-" + i);
                }
                int servers = nodeProcesses + (client ? 0 : 1);
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (ignite.cluster().forServers().nodes().size() < servers && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                return new EmbeddedNode(ignite, workRoot, processes);
            } catch (RuntimeException | InterruptedException e) {
                processes.close();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } catch (RuntimeException e) {
            deleteRecursively(workRoot);
            throw e;
        }
    }

    /** The server nodes in separate JVMs. */
    NodeProcesses processes() {
        return processes;
    }

    public Ignite ignite() {
        return ignite;
    }

    @Override
    public void close() {
        try {
            ignite.close();
        } finally {
            processes.close();
            deleteRecursively(workRoot);
        }
    }

    /** The first port of a block of {@value #BLOCK} free ports, away from RiskGrid's defaults. */
    static int freeBlock() {
        for (int attempt = 0; attempt < 200; attempt++) {
            // Below the kernel's ephemeral range (32768 and up), where outgoing connections would take ports.
            int base = 21_000 + ThreadLocalRandom.current().nextInt(0, 250) * BLOCK;
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + BLOCK + " free ports found on 127.0.0.1");
    }

    private static boolean allFree(int base) {
        for (int p = base; p < base + BLOCK; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete the benchmark work directory " + root + ": " + e.getMessage());
        }
    }
}
