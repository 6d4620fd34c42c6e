package io.riskgrid.grid;

import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import io.riskgrid.grid.node.NodeHealthServer;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code riskgrid node}: one grid server node, running until the process is stopped.
 * <pre>
 * riskgrid node [--name N] [--host ADDR] [--discovery 127.0.0.1:47500..47509 | --kubernetes-service SVC
 *               [--kubernetes-namespace NS]] [--discovery-port N] [--comm-port N] [--thin-port N]
 *               [--work-dir DIR] [--wal-dir DIR] [--persistence] [--baseline-timeout-ms N]
 *               [--data-region-mb N] [--health-port N]
 * </pre>
 */
public final class GridNodeMain {

    private GridNodeMain() {
    }

    private static final String USAGE = "usage: riskgrid node [--name N] [--host ADDR]"
            + " [--discovery HOST:PORT..PORT[,..] | --kubernetes-service SVC [--kubernetes-namespace NS]]"
            + " [--discovery-port N] [--comm-port N] [--thin-port N] [--work-dir DIR] [--wal-dir DIR] [--persistence]"
            + " [--baseline-timeout-ms N] [--data-region-mb N] [--health-port N]";

    public static void main(String[] args) throws IOException, InterruptedException {
        GridConfig cfg;
        int healthPort;
        try {
            cfg = parse(args);
            healthPort = healthPort(args);
        } catch (IllegalArgumentException e) {
            System.err.println("riskgrid node: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Ignite ignite = GridNode.start(cfg);
        NodeHealthServer health = healthPort > 0 ? NodeHealthServer.start(ignite, cfg.localHost(), healthPort) : null;
        System.out.println("RiskGrid node " + cfg.instanceName() + " started: id " + ignite.cluster().localNode().id()
                + ", thin client and JDBC on " + cfg.localHost() + ":" + GridNode.thinPort(ignite, cfg)
                + ", discovery " + (cfg.kubernetesDiscovery()
                        ? "Kubernetes service " + cfg.kubernetesNamespace() + "/" + cfg.kubernetesService()
                        : String.join(",", cfg.discoveryAddresses()))
                + ", work dir " + cfg.workDir().toAbsolutePath()
                + (cfg.persistence() ? ", persistence on" : ", persistence off")
                + (health != null ? ", health on http://" + cfg.localHost() + ":" + health.port() + "/actuator/health" : "")
                + ", cluster of " + ignite.cluster().forServers().nodes().size() + " server node(s)"
                + (ignite.cluster().state().active() ? "" : ", inactive until its baseline nodes "
                        + GridNode.missingBaselineNodes(ignite) + " join"));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            if (health != null) {
                health.close();
            }
            ignite.close();
            stopped.countDown();
        }, "riskgrid-node-shutdown"));
        // A node that stops by itself (Ignite's failure handler stops it on a critical failure) takes the
        // process with it, so that a supervisor (systemd, Kubernetes) restarts it.
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (!shuttingDown.get() && Ignition.state(cfg.instanceName()) != IgniteState.STARTED) {
                System.err.println("riskgrid node: node " + cfg.instanceName() + " has stopped; exiting");
                System.exit(1);
            }
        }
    }

    /** The configuration the command line asks for; throws naming the first bad argument. */
    public static GridConfig parse(String[] args) {
        String name = "riskgrid-node";
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--name")) {
                name = args[i + 1];
            }
        }
        GridConfig cfg = GridConfig.defaults(name);
        String k8sService = null;
        String k8sNamespace = null;
        boolean staticDiscovery = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--persistence" -> cfg = cfg.withPersistence(true);
                case "--name", "--health-port" -> value(args, ++i, a);
                case "--host" -> cfg = cfg.withHost(value(args, ++i, a));
                case "--discovery" -> {
                    cfg = cfg.withDiscovery(List.of(value(args, ++i, a).split(",")));
                    staticDiscovery = true;
                }
                case "--kubernetes-service" -> k8sService = value(args, ++i, a);
                case "--kubernetes-namespace" -> k8sNamespace = value(args, ++i, a);
                case "--wal-dir" -> cfg = cfg.withWalDir(Path.of(value(args, ++i, a)));
                case "--baseline-timeout-ms" -> cfg = cfg.withBaselineTimeoutMs(number(args, ++i, a));
                case "--discovery-port" -> cfg = cfg.withPorts(number(args, ++i, a), cfg.commPort(), cfg.thinPort());
                case "--comm-port" -> cfg = cfg.withPorts(cfg.discoveryPort(), number(args, ++i, a), cfg.thinPort());
                case "--thin-port" -> cfg = cfg.withPorts(cfg.discoveryPort(), cfg.commPort(), number(args, ++i, a));
                case "--work-dir" -> cfg = cfg.withWorkDir(Path.of(value(args, ++i, a)));
                case "--data-region-mb" -> cfg = cfg.withDataRegionMb(number(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'; known: "
                        + Arrays.asList("--name", "--host", "--discovery", "--kubernetes-service",
                        "--kubernetes-namespace", "--discovery-port", "--comm-port", "--thin-port", "--work-dir",
                        "--wal-dir", "--persistence", "--baseline-timeout-ms", "--data-region-mb", "--health-port"));
            }
        }
        if (k8sService != null && staticDiscovery) {
            throw new IllegalArgumentException("--discovery and --kubernetes-service exclude each other: choose one");
        }
        if (k8sNamespace != null && k8sService == null) {
            throw new IllegalArgumentException("--kubernetes-namespace needs --kubernetes-service");
        }
        if (k8sService != null) {
            cfg = cfg.withKubernetes(k8sService, k8sNamespace != null ? k8sNamespace : cfg.kubernetesNamespace());
        }
        return cfg.validate();
    }

    /** The {@code --health-port} of the command line, or 0 when the node serves no health endpoint. */
    public static int healthPort(String[] args) {
        int port = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--health-port")) {
                port = number(args, i + 1, "--health-port");
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("--health-port must be in 1..65535, was " + port);
                }
            }
        }
        return port;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String flag) {
        String v = value(args, i, flag);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, was '" + v + "'");
        }
    }
}
