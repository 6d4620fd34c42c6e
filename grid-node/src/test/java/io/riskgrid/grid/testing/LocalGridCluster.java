package io.riskgrid.grid.testing;

import io.riskgrid.grid.GridNodeMain;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A grid on 127.0.0.1 for tests: nodes in this JVM and nodes in separate JVM processes, all on a
 * block of ports of their own and in a temporary work directory that {@link #close()} deletes.
 * {@link #killProcess(int)} is {@code kill -9} of an out-of-process node.
 * <p>
 * Not thread-safe: one test drives it.
 */
public final class LocalGridCluster implements AutoCloseable {

    private final String name;
    private final int base;
    private final Path workRoot;
    private final List<Ignite> nodes = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private int started;

    public LocalGridCluster(String name) {
        this.name = name;
        this.base = TestPorts.freeBlock();
        try {
            this.workRoot = Files.createTempDirectory("riskgrid-test-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The discovery addresses every node of this cluster uses. */
    public String discovery() {
        return "127.0.0.1:" + base + ".." + (base + 9);
    }

    /** The thin-client port of the first node started (its range starts there). */
    public int thinPort() {
        return base + 30;
    }

    /** The configuration of the next node of this cluster. */
    public GridConfig nextConfig() {
        String nodeName = name + "-" + (started++);
        return GridConfig.defaults(nodeName)
                .withDiscovery(List.of(discovery()))
                .withPorts(base, base + 10, base + 30)
                .withPortRanges(10, 20, 10)
                .withWorkDir(workRoot.resolve(nodeName))
                .withDataRegionMb(256)
                .withGentleFailure(true);
    }

    /** Starts a server node in this JVM. */
    public Ignite startNode() {
        Ignite ignite = GridNode.start(nextConfig());
        nodes.add(ignite);
        return ignite;
    }

    /** Starts a client node in this JVM. */
    public Ignite startClient() {
        Ignite ignite = GridNode.start(nextConfig().withClientMode(true));
        nodes.add(ignite);
        return ignite;
    }

    /**
     * Starts a server node in a separate JVM ({@code riskgrid node} with this cluster's ports) and
     * waits until {@code observer} sees {@code expectedServers} server nodes.
     *
     * @return the index of the process, for {@link #killProcess(int)}
     */
    public int startProcess(Ignite observer, int expectedServers) throws IOException, InterruptedException {
        GridConfig cfg = nextConfig();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        String flags = System.getProperty("riskgrid.jvm.flags", "");
        for (String f : flags.trim().split("\\s+")) {
            if (!f.isEmpty()) {
                cmd.add(f);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GridNodeMain.class.getName());
        cmd.addAll(List.of("--name", cfg.instanceName(), "--discovery", discovery(),
                "--discovery-port", String.valueOf(base), "--comm-port", String.valueOf(base + 10),
                "--thin-port", String.valueOf(base + 30), "--work-dir", cfg.workDir().toString(),
                "--data-region-mb", "256"));
        File log = workRoot.resolve(cfg.instanceName() + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        processes.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (observer.cluster().forServers().nodes().size() < expectedServers) {
            if (!p.isAlive()) {
                throw new IllegalStateException("node process exited: " + Files.readString(log.toPath()));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node process did not join within 60 s: " + Files.readString(log.toPath()));
            }
            Thread.sleep(100);
        }
        return processes.size() - 1;
    }

    /** Kills an out-of-process node the hard way (SIGKILL) and waits for the process to end. */
    public void killProcess(int index) throws InterruptedException {
        Process p = processes.get(index);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException ignored) {
                // A node that already stopped has nothing left to close.
            }
        }
        for (Process p : processes) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(workRoot);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: the directory is under the system temporary directory.
        }
    }
}
