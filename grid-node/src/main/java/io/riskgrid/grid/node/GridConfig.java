package io.riskgrid.grid.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Typed settings of one grid node, with the defaults of DESIGN.md: discovery on
 * 127.0.0.1:47500..47509, communication from 47100, thin client and JDBC on 10800, everything bound
 * to 127.0.0.1, work directory under the system temporary directory (never the user's home).
 * <p>
 * Built with {@link #defaults(String)} and the {@code with...} methods; {@link #validate()} reports
 * every problem together. This record is immutable and thread-safe.
 *
 * @param instanceName        Ignite instance name, unique within a JVM; also the node's consistent id,
 *                            which names its persistent storage folder and its place in the baseline
 * @param localHost           address every port binds to and the node advertises
 * @param discoveryAddresses  static IP finder addresses, e.g. {@code 127.0.0.1:47500..47509}; unused when
 *                            {@code kubernetesService} is set
 * @param discoveryPort       first local discovery port
 * @param discoveryPortRange  how many ports after {@code discoveryPort} may be tried
 * @param commPort            first local communication port
 * @param commPortRange       how many ports after {@code commPort} may be tried
 * @param thinPort            thin-client / JDBC port
 * @param thinPortRange       how many ports after {@code thinPort} may be tried
 * @param workDir             Ignite work directory (persistent data, binary metadata, marshaller mappings)
 * @param persistence         Ignite native persistence for the default data region
 * @param clientMode          join as a client node (holds no data)
 * @param dataRegionMb        maximum off-heap size of the default data region, MiB
 * @param gentleFailure       stop only the node on a critical failure instead of halting the JVM (tests)
 * @param kubernetesService   the headless Service whose endpoints are the grid nodes, for Ignite's Kubernetes
 *                            IP finder; null for static IP discovery
 * @param kubernetesNamespace the namespace of {@code kubernetesService}
 * @param walDir              write-ahead log and its archive, with persistence; null for {@code workDir/wal}
 * @param baselineTimeoutMs   with persistence: how long the server set must stay unchanged before the
 *                            baseline follows it (a joined node gets partitions, a lost node's copies are
 *                            rebuilt on the others); negative leaves the baseline to the administrator
 */
public record GridConfig(String instanceName, String localHost, List<String> discoveryAddresses, int discoveryPort,
                         int discoveryPortRange, int commPort, int commPortRange, int thinPort, int thinPortRange,
                         Path workDir, boolean persistence, boolean clientMode, long dataRegionMb,
                         boolean gentleFailure, String kubernetesService, String kubernetesNamespace, Path walDir,
                         long baselineTimeoutMs) {

    public static final String DEFAULT_DISCOVERY = "127.0.0.1:47500..47509";

    /** Default baseline auto-adjust timeout with persistence, ms. */
    public static final long DEFAULT_BASELINE_TIMEOUT_MS = 10_000;

    public GridConfig {
        discoveryAddresses = List.copyOf(discoveryAddresses);
    }

    /** The defaults of DESIGN.md for a node called {@code instanceName}. */
    public static GridConfig defaults(String instanceName) {
        return new GridConfig(instanceName, "127.0.0.1", List.of(DEFAULT_DISCOVERY), 47500, 10, 47100, 100, 10800, 10,
                Path.of(System.getProperty("java.io.tmpdir"), "riskgrid", instanceName), false, false, 2048, false,
                null, "default", null, DEFAULT_BASELINE_TIMEOUT_MS);
    }

    public GridConfig withHost(String host) {
        return copy(b -> b.localHost = host);
    }

    public GridConfig withDiscovery(List<String> addresses) {
        return copy(b -> b.discoveryAddresses = addresses);
    }

    /** Discovery through Ignite's Kubernetes IP finder: the endpoints of {@code service} in {@code namespace}. */
    public GridConfig withKubernetes(String service, String namespace) {
        return copy(b -> {
            b.kubernetesService = service;
            b.kubernetesNamespace = namespace;
        });
    }

    public GridConfig withPorts(int discovery, int comm, int thin) {
        return copy(b -> {
            b.discoveryPort = discovery;
            b.commPort = comm;
            b.thinPort = thin;
        });
    }

    public GridConfig withPortRanges(int discoveryRange, int commRange, int thinRange) {
        return copy(b -> {
            b.discoveryPortRange = discoveryRange;
            b.commPortRange = commRange;
            b.thinPortRange = thinRange;
        });
    }

    public GridConfig withWorkDir(Path dir) {
        return copy(b -> b.workDir = dir);
    }

    public GridConfig withWalDir(Path dir) {
        return copy(b -> b.walDir = dir);
    }

    public GridConfig withPersistence(boolean on) {
        return copy(b -> b.persistence = on);
    }

    public GridConfig withBaselineTimeoutMs(long ms) {
        return copy(b -> b.baselineTimeoutMs = ms);
    }

    public GridConfig withClientMode(boolean on) {
        return copy(b -> b.clientMode = on);
    }

    public GridConfig withDataRegionMb(long mb) {
        return copy(b -> b.dataRegionMb = mb);
    }

    public GridConfig withGentleFailure(boolean on) {
        return copy(b -> b.gentleFailure = on);
    }

    /** True when the node finds the others through Kubernetes rather than a static address list. */
    public boolean kubernetesDiscovery() {
        return kubernetesService != null;
    }

    /** Every problem with these settings, or an empty list. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (instanceName == null || instanceName.isBlank()) {
            p.add("instanceName is required");
        }
        if (localHost == null || localHost.isBlank()) {
            p.add("localHost is required");
        }
        if (kubernetesService != null) {
            if (kubernetesService.isBlank()) {
                p.add("kubernetesService must not be blank");
            }
            if (kubernetesNamespace == null || kubernetesNamespace.isBlank()) {
                p.add("kubernetesNamespace is required with kubernetesService");
            }
        } else if (discoveryAddresses.isEmpty()) {
            p.add("discoveryAddresses must name at least one address, e.g. " + DEFAULT_DISCOVERY);
        }
        port(p, "discoveryPort", discoveryPort);
        port(p, "commPort", commPort);
        port(p, "thinPort", thinPort);
        if (discoveryPortRange < 0 || commPortRange < 0 || thinPortRange < 0) {
            p.add("port ranges must not be negative");
        }
        if (workDir == null) {
            p.add("workDir is required");
        } else {
            Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
            if (workDir.toAbsolutePath().normalize().equals(home)) {
                p.add("workDir must not be the user's home directory");
            }
        }
        if (dataRegionMb < 64) {
            p.add("dataRegionMb must be at least 64, was " + dataRegionMb);
        }
        return p;
    }

    /** Throws one {@link IllegalArgumentException} listing every problem, if there is any. */
    public GridConfig validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid grid configuration: " + String.join("; ", p));
        }
        return this;
    }

    private static void port(List<String> p, String name, int port) {
        if (port < 1 || port > 65535) {
            p.add(name + " must be in 1..65535, was " + port);
        }
    }

    private GridConfig copy(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** The mutable copy the {@code with...} methods change one or two settings of. */
    private static final class Builder {
        String instanceName;
        String localHost;
        List<String> discoveryAddresses;
        int discoveryPort;
        int discoveryPortRange;
        int commPort;
        int commPortRange;
        int thinPort;
        int thinPortRange;
        Path workDir;
        boolean persistence;
        boolean clientMode;
        long dataRegionMb;
        boolean gentleFailure;
        String kubernetesService;
        String kubernetesNamespace;
        Path walDir;
        long baselineTimeoutMs;

        Builder(GridConfig c) {
            instanceName = c.instanceName;
            localHost = c.localHost;
            discoveryAddresses = c.discoveryAddresses;
            discoveryPort = c.discoveryPort;
            discoveryPortRange = c.discoveryPortRange;
            commPort = c.commPort;
            commPortRange = c.commPortRange;
            thinPort = c.thinPort;
            thinPortRange = c.thinPortRange;
            workDir = c.workDir;
            persistence = c.persistence;
            clientMode = c.clientMode;
            dataRegionMb = c.dataRegionMb;
            gentleFailure = c.gentleFailure;
            kubernetesService = c.kubernetesService;
            kubernetesNamespace = c.kubernetesNamespace;
            walDir = c.walDir;
            baselineTimeoutMs = c.baselineTimeoutMs;
        }

        GridConfig build() {
            return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryPortRange,
                    commPort, commPortRange, thinPort, thinPortRange, workDir, persistence, clientMode, dataRegionMb,
                    gentleFailure, kubernetesService, kubernetesNamespace, walDir, baselineTimeoutMs);
        }
    }
}
