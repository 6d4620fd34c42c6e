package io.riskgrid.bench.load;

import io.riskgrid.grid.GridNodeMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grid server nodes in separate JVMs on 127.0.0.1 ({@code riskgrid node} with this JVM's classpath
 * and JVM options, which carry the {@code --add-opens} flags the launcher gave it), on the port block
 * of an {@link EmbeddedNode}, for load drivers that measure several nodes or kill one.
 * <p>
 * Not thread-safe: one driver starts, kills and closes them.
 */
final class NodeProcesses implements AutoCloseable {

    private final int base;
    private final Path workRoot;
    private final long dataRegionMb;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    NodeProcesses(int base, Path workRoot, long dataRegionMb) {
        this.base = base;
        this.workRoot = workRoot;
        this.dataRegionMb = dataRegionMb;
    }

    /** Starts node {@code name} and waits until it reports its start (it has joined the cluster). */
    int start(String name) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GridNodeMain.class.getName(),
                "--name", name, "--discovery", "127.0.0.1:" + base + ".." + (base + 9),
                "--discovery-port", String.valueOf(base), "--comm-port", String.valueOf(base + 10),
                "--thin-port", String.valueOf(base + 30), "--work-dir", workRoot.resolve(name).toString(),
                "--data-region-mb", String.valueOf(dataRegionMb)));
        Path log = workRoot.resolve(name + ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            processes.add(p);
            names.add(name);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String started = "RiskGrid node " + name + " started";
            while (!Files.readString(log).contains(started)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("node process " + name + " did not start:\n" + Files.readString(log));
                }
                Thread.sleep(100);
            }
            return processes.size() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node process " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting node process " + name, e);
        }
    }

    String name(int index) {
        return names.get(index);
    }

    /** SIGKILL, and waits for the process to end. */
    void kill(int index) {
        Process p = processes.get(index);
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
