package io.riskgrid.grid.node;

import io.riskgrid.grid.GridNodeMain;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.kubernetes.TcpDiscoveryKubernetesIpFinder;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridConfigTest {

    @Test
    void defaultsAreThoseOfTheDesign() {
        GridConfig c = GridConfig.defaults("n");
        assertThat(c.discoveryAddresses()).containsExactly("127.0.0.1:47500..47509");
        assertThat(c.discoveryPort()).isEqualTo(47500);
        assertThat(c.commPort()).isEqualTo(47100);
        assertThat(c.thinPort()).isEqualTo(10800);
        assertThat(c.localHost()).isEqualTo("127.0.0.1");
        assertThat(c.workDir().toAbsolutePath().normalize())
                .isNotEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize());
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void everyProblemIsReportedTogether() {
        GridConfig bad = GridConfig.defaults(" ").withPorts(0, 70000, 10800).withDiscovery(List.of())
                .withWorkDir(Path.of(System.getProperty("user.home")));
        assertThat(bad.problems()).hasSize(5);
        assertThatThrownBy(bad::validate).hasMessageContaining("instanceName").hasMessageContaining("workDir")
                .hasMessageContaining("discoveryPort").hasMessageContaining("commPort");
    }

    @Test
    void commandLineSetsPortsAndWorkDir() {
        GridConfig c = GridNodeMain.parse(new String[]{"--name", "n2", "--discovery", "127.0.0.1:47500..47509",
                "--discovery-port", "47501", "--comm-port", "47101", "--thin-port", "10801", "--work-dir", "/tmp/x",
                "--persistence"});
        assertThat(c.instanceName()).isEqualTo("n2");
        assertThat(c.discoveryPort()).isEqualTo(47501);
        assertThat(c.commPort()).isEqualTo(47101);
        assertThat(c.thinPort()).isEqualTo(10801);
        assertThat(c.workDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.persistence()).isTrue();
    }

    @Test
    void badCommandLineIsNamed() {
        assertThatThrownBy(() -> GridNodeMain.parse(new String[]{"--thin-port", "abc"}))
                .hasMessage("--thin-port must be a number, was 'abc'");
        assertThatThrownBy(() -> GridNodeMain.parse(new String[]{"--bogus"}))
                .hasMessageStartingWith("unknown argument '--bogus'");
    }

    @Test
    void nodeConfigurationHasNoRestConnectorAndThinClientCompute() {
        var ic = GridNode.configuration(GridConfig.defaults("cfg-test"));
        assertThat(ic.getConnectorConfiguration()).isNull();
        assertThat(ic.getClientConnectorConfiguration().getPort()).isEqualTo(10800);
        assertThat(ic.getClientConnectorConfiguration().getThinClientConfiguration()
                .getMaxActiveComputeTasksPerConnection()).isPositive();
        // DESIGN.md's eight tables, FILLS, and OVERRIDES, TRADING_CONTROLS, RISK_POLICY, RETURN_HISTORY, JOBS,
        // MODELS, ANOMALY_SCORES.
        assertThat(ic.getCacheConfiguration()).extracting(c -> c.getName()).containsExactlyInAnyOrder("ACCOUNTS",
                "INSTRUMENTS", "PRICES", "POSITIONS", "LIMITS", "ACCOUNT_RISK", "ALERTS", "AUDIT_LOG", "FILLS", "OVERRIDES",
                "TRADING_CONTROLS", "RISK_POLICY", "RETURN_HISTORY", "JOBS", "MODELS", "ANOMALY_SCORES");
    }

    @Test
    void commandLineSetsKubernetesDiscoveryHostWalAndBaseline() {
        GridConfig c = GridNodeMain.parse(new String[]{"--name", "riskgrid-grid-0", "--host", "10.0.0.7",
                "--kubernetes-service", "riskgrid-grid", "--kubernetes-namespace", "risk", "--work-dir", "/data",
                "--wal-dir", "/wal", "--persistence", "--baseline-timeout-ms", "30000"});
        assertThat(c.localHost()).isEqualTo("10.0.0.7");
        assertThat(c.kubernetesDiscovery()).isTrue();
        assertThat(c.kubernetesService()).isEqualTo("riskgrid-grid");
        assertThat(c.kubernetesNamespace()).isEqualTo("risk");
        assertThat(c.walDir()).isEqualTo(Path.of("/wal"));
        assertThat(c.baselineTimeoutMs()).isEqualTo(30_000);

        var ic = GridNode.configuration(c);
        var discovery = (TcpDiscoverySpi) ic.getDiscoverySpi();
        assertThat(discovery.getIpFinder()).isInstanceOf(TcpDiscoveryKubernetesIpFinder.class);
        assertThat(discovery.getLocalAddress()).isEqualTo("10.0.0.7");
        assertThat(ic.getDataStorageConfiguration().getWalPath()).isEqualTo("/wal/wal");
        assertThat(ic.getDataStorageConfiguration().getWalArchivePath()).isEqualTo("/wal/archive");
        assertThat(ic.getDataStorageConfiguration().getDefaultDataRegionConfiguration().isPersistenceEnabled()).isTrue();
        // Without --kubernetes-service the default static finder stays, and the namespace alone is refused.
        assertThat(((TcpDiscoverySpi) GridNode.configuration(GridConfig.defaults("s")).getDiscoverySpi()).getIpFinder())
                .isInstanceOf(TcpDiscoveryVmIpFinder.class);
    }

    @Test
    void contradictoryOrIncompleteDiscoveryIsRefused() {
        assertThatThrownBy(() -> GridNodeMain.parse(new String[]{"--discovery", "127.0.0.1:47500",
                "--kubernetes-service", "svc"})).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> GridNodeMain.parse(new String[]{"--kubernetes-namespace", "risk"}))
                .hasMessage("--kubernetes-namespace needs --kubernetes-service");
        assertThatThrownBy(() -> GridNodeMain.healthPort(new String[]{"--health-port", "0"}))
                .hasMessage("--health-port must be in 1..65535, was 0");
        assertThat(GridNodeMain.healthPort(new String[]{"--health-port", "8081"})).isEqualTo(8081);
        assertThat(GridNodeMain.healthPort(new String[]{})).isZero();
    }
}
