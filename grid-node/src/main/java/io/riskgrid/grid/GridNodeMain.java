package io.riskgrid.grid;

import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code riskgrid node}: one grid server node, running until the process is stopped.
 * <pre>
 * riskgrid node [--name N] [--discovery 127.0.0.1:47500..47509] [--discovery-port N] [--comm-port N]
 *               [--thin-port N] [--work-dir DIR] [--persistence] [--data-region-mb N]
 * </pre>
 */
public final class GridNodeMain {

    private GridNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GridConfig cfg;
        try {
            cfg = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("riskgrid node: " + e.getMessage());
            System.err.println("usage: riskgrid node [--name N] [--discovery HOST:PORT..PORT[,..]] [--discovery-port N]"
                    + " [--comm-port N] [--thin-port N] [--work-dir DIR] [--persistence] [--data-region-mb N]");
            System.exit(2);
            return;
        }
        Ignite ignite = GridNode.start(cfg);
        System.out.println("RiskGrid node " + cfg.instanceName() + " started: id " + ignite.cluster().localNode().id()
                + ", thin client and JDBC on " + cfg.localHost() + ":" + GridNode.thinPort(ignite, cfg)
                + ", discovery " + String.join(",", cfg.discoveryAddresses())
                + ", work dir " + cfg.workDir().toAbsolutePath()
                + ", cluster of " + ignite.cluster().forServers().nodes().size() + " server node(s)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ignite.close();
            stopped.countDown();
        }, "riskgrid-node-shutdown"));
        stopped.await();
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
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--persistence" -> cfg = cfg.withPersistence(true);
                case "--name" -> i++;
                case "--discovery" -> cfg = cfg.withDiscovery(List.of(value(args, ++i, a).split(",")));
                case "--discovery-port" -> cfg = cfg.withPorts(number(args, ++i, a), cfg.commPort(), cfg.thinPort());
                case "--comm-port" -> cfg = cfg.withPorts(cfg.discoveryPort(), number(args, ++i, a), cfg.thinPort());
                case "--thin-port" -> cfg = cfg.withPorts(cfg.discoveryPort(), cfg.commPort(), number(args, ++i, a));
                case "--work-dir" -> cfg = cfg.withWorkDir(Path.of(value(args, ++i, a)));
                case "--data-region-mb" -> cfg = cfg.withDataRegionMb(number(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'; known: "
                        + Arrays.asList("--name", "--discovery", "--discovery-port", "--comm-port", "--thin-port",
                        "--work-dir", "--persistence", "--data-region-mb"));
            }
        }
        return cfg.validate();
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
