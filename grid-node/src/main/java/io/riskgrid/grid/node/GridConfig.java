package io.riskgrid.grid.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed settings of one grid node, with the defaults of DESIGN.md: discovery on
 * 127.0.0.1:47500..47509, communication from 47100, thin client and JDBC on 10800, everything bound
 * to 127.0.0.1, work directory under the system temporary directory (never the user's home).
 * <p>
 * Built with {@link #defaults(String)} and the {@code with...} methods; {@link #validate()} reports
 * every problem together. This record is immutable and thread-safe.
 *
 * @param instanceName       Ignite instance name, unique within a JVM
 * @param localHost          address every port binds to
 * @param discoveryAddresses static IP finder addresses, e.g. {@code 127.0.0.1:47500..47509}
 * @param discoveryPort      first local discovery port
 * @param discoveryPortRange how many ports after {@code discoveryPort} may be tried
 * @param commPort           first local communication port
 * @param commPortRange      how many ports after {@code commPort} may be tried
 * @param thinPort           thin-client / JDBC port
 * @param thinPortRange      how many ports after {@code thinPort} may be tried
 * @param workDir            Ignite work directory (WAL, binary metadata, marshaller mappings)
 * @param persistence        Ignite native persistence for the default data region
 * @param clientMode         join as a client node (holds no data)
 * @param dataRegionMb       maximum off-heap size of the default data region, MiB
 * @param gentleFailure      stop only the node on a critical failure instead of halting the JVM (tests)
 */
public record GridConfig(String instanceName, String localHost, List<String> discoveryAddresses, int discoveryPort,
                         int discoveryPortRange, int commPort, int commPortRange, int thinPort, int thinPortRange,
                         Path workDir, boolean persistence, boolean clientMode, long dataRegionMb,
                         boolean gentleFailure) {

    public static final String DEFAULT_DISCOVERY = "127.0.0.1:47500..47509";

    public GridConfig {
        discoveryAddresses = List.copyOf(discoveryAddresses);
    }

    /** The defaults of DESIGN.md for a node called {@code instanceName}. */
    public static GridConfig defaults(String instanceName) {
        return new GridConfig(instanceName, "127.0.0.1", List.of(DEFAULT_DISCOVERY), 47500, 10, 47100, 100, 10800, 10,
                Path.of(System.getProperty("java.io.tmpdir"), "riskgrid", instanceName), false, false, 2048, false);
    }

    public GridConfig withDiscovery(List<String> addresses) {
        return new GridConfig(instanceName, localHost, addresses, discoveryPort, discoveryPortRange, commPort,
                commPortRange, thinPort, thinPortRange, workDir, persistence, clientMode, dataRegionMb, gentleFailure);
    }

    public GridConfig withPorts(int discovery, int comm, int thin) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discovery, discoveryPortRange, comm,
                commPortRange, thin, thinPortRange, workDir, persistence, clientMode, dataRegionMb, gentleFailure);
    }

    public GridConfig withPortRanges(int discoveryRange, int commRange, int thinRange) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryRange, commPort,
                commRange, thinPort, thinRange, workDir, persistence, clientMode, dataRegionMb, gentleFailure);
    }

    public GridConfig withWorkDir(Path dir) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryPortRange, commPort,
                commPortRange, thinPort, thinPortRange, dir, persistence, clientMode, dataRegionMb, gentleFailure);
    }

    public GridConfig withPersistence(boolean on) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryPortRange, commPort,
                commPortRange, thinPort, thinPortRange, workDir, on, clientMode, dataRegionMb, gentleFailure);
    }

    public GridConfig withClientMode(boolean on) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryPortRange, commPort,
                commPortRange, thinPort, thinPortRange, workDir, persistence, on, dataRegionMb, gentleFailure);
    }

    public GridConfig withDataRegionMb(long mb) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryPortRange, commPort,
                commPortRange, thinPort, thinPortRange, workDir, persistence, clientMode, mb, gentleFailure);
    }

    public GridConfig withGentleFailure(boolean on) {
        return new GridConfig(instanceName, localHost, discoveryAddresses, discoveryPort, discoveryPortRange, commPort,
                commPortRange, thinPort, thinPortRange, workDir, persistence, clientMode, dataRegionMb, on);
    }

    /** Every problem with these settings, or an empty list. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (instanceName == null || instanceName.isBlank()) {
            p.add("instanceName is required");
        }
        if (discoveryAddresses.isEmpty()) {
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
}
