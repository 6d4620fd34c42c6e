package io.riskgrid.grid.testing;

import io.riskgrid.grid.GridNodeMain;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final List<List<String>> processArgs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Environment variables given to node processes launched from now on (Ignite reads its system properties from them too). */
    private final Map<String, String> processEnvironment = new HashMap<>();
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
     * Starts a server node in a separate JVM ({@code riskgrid node} with this cluster's ports and
     * {@code extraArgs}, e.g. {@code --persistence}) and waits until {@code observer} sees
     * {@code expectedServers} server nodes, or, with no observer, until the process reports its start.
     *
     * @return the index of the process, for {@link #killProcess(int)}, {@link #stopProcess(int)} and
     *         {@link #restartProcess(int)}
     */
    public int startProcess(Ignite observer, int expectedServers, String... extraArgs)
            throws IOException, InterruptedException {
        GridConfig cfg = nextConfig();
        List<String> args = new ArrayList<>(List.of("--name", cfg.instanceName(), "--discovery", discovery(),
                "--discovery-port", String.valueOf(base), "--comm-port", String.valueOf(base + 10),
                "--thin-port", String.valueOf(base + 30), "--work-dir", cfg.workDir().toString(),
                "--data-region-mb", "256"));
        args.addAll(List.of(extraArgs));
        processes.add(null);
        processArgs.add(args);
        names.add(cfg.instanceName());
        int index = processes.size() - 1;
        launch(index);
        awaitJoin(index, observer, expectedServers);
        return index;
    }

    /**
     * Starts again, with the same name, work directory and arguments, a node process that was
     * stopped or killed; does not wait (a persistent cluster becomes active only when all its
     * baseline nodes are back, so the caller waits for the whole set).
     */
    public void restartProcess(int index) throws IOException {
        if (processes.get(index).isAlive()) {
            throw new IllegalStateException("node process " + names.get(index) + " is still running");
        }
        launch(index);
    }

    /** The Ignite instance name (and consistent id) of an out-of-process node. */
    public String processName(int index) {
        return names.get(index);
    }

    /** The node of out-of-process node {@code index}, as {@code observer} sees it in the topology. */
    public ClusterNode processNode(Ignite observer, int index) {
        return observer.cluster().forServers().nodes().stream()
                .filter(n -> n.consistentId().toString().equals(names.get(index))).findFirst()
                .orElseThrow(() -> new IllegalStateException(names.get(index) + " is not in the topology"));
    }

    /** Kills an out-of-process node the hard way (SIGKILL) and waits for the process to end. */
    public void killProcess(int index) throws InterruptedException {
        Process p = processes.get(index);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops an out-of-process node the polite way (SIGTERM: the node leaves the cluster) and waits for it. */
    public void stopProcess(int index) throws InterruptedException {
        Process p = processes.get(index);
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Sets environment variables for the node processes started (or restarted) after this call, e.g.
     * an {@code IGNITE_*} property, which Ignite reads from the environment as well.
     */
    public void processEnvironment(Map<String, String> environment) {
        processEnvironment.putAll(environment);
    }

    private void launch(int index) throws IOException {
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
        cmd.addAll(processArgs.get(index));
        File log = log(index).toFile();
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().putAll(processEnvironment);
        Process p = builder.start();
        processes.set(index, p);
    }

    private void awaitJoin(int index, Ignite observer, int expectedServers) throws IOException, InterruptedException {
        Process p = processes.get(index);
        Path log = log(index);
        String started = "RiskGrid node " + names.get(index) + " started";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (observer != null ? observer.cluster().forServers().nodes().size() < expectedServers
                : !Files.readString(log).contains(started)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("node process exited: " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node process did not join within 60 s: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private Path log(int index) {
        return workRoot.resolve(names.get(index) + ".log");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p != null) {
                p.destroyForcibly();
            }
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
                if (p != null) {
                    p.waitFor(30, TimeUnit.SECONDS);
                }
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
