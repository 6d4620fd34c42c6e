package io.riskgrid.api.grid;

import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.kubernetes.TcpDiscoveryKubernetesIpFinder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GridConfigurationTest {

    private static RiskGridProperties.Grid grid(GridMode mode, Path workDir) {
        return new RiskGridProperties.Grid(mode, List.of("127.0.0.1:48500..48509"), 48500, 48100, 11800, workDir,
                "api-test", 512, Duration.ofSeconds(30), 8, "127.0.0.1", null, "default");
    }

    @Test
    void embeddedNodeTakesEverySetting() {
        GridConfig cfg = GridConfiguration.toGridConfig(grid(GridMode.EMBEDDED, Path.of("/tmp/riskgrid-x")));
        assertThat(cfg.instanceName()).isEqualTo("api-test");
        assertThat(cfg.clientMode()).isFalse();
        assertThat(cfg.discoveryAddresses()).containsExactly("127.0.0.1:48500..48509");
        assertThat(cfg.discoveryPort()).isEqualTo(48500);
        assertThat(cfg.commPort()).isEqualTo(48100);
        assertThat(cfg.thinPort()).isEqualTo(11800);
        assertThat(cfg.workDir()).isEqualTo(Path.of("/tmp/riskgrid-x"));
        assertThat(cfg.dataRegionMb()).isEqualTo(512);
        assertThat(cfg.localHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void clientModeJoinsAsAClientWithTheDefaultWorkDirectory() {
        GridConfig cfg = GridConfiguration.toGridConfig(grid(GridMode.CLIENT, null));
        assertThat(cfg.clientMode()).isTrue();
        assertThat(cfg.workDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "riskgrid", "api-test"));
    }

    @Test
    void kubernetesServiceSwitchesDiscoveryToTheKubernetesIpFinder() {
        var k8s = new RiskGridProperties.Grid(GridMode.CLIENT, List.of("127.0.0.1:48500..48509"), 48500, 48100, 11800,
                null, "api-k8s", 512, Duration.ofSeconds(30), 8, "10.1.2.3", "riskgrid-grid", "risk");
        GridConfig cfg = GridConfiguration.toGridConfig(k8s);
        assertThat(cfg.kubernetesDiscovery()).isTrue();
        assertThat(cfg.kubernetesService()).isEqualTo("riskgrid-grid");
        assertThat(cfg.kubernetesNamespace()).isEqualTo("risk");
        assertThat(cfg.localHost()).isEqualTo("10.1.2.3");
        var discovery = (TcpDiscoverySpi) GridNode.configuration(cfg).getDiscoverySpi();
        assertThat(discovery.getIpFinder()).isInstanceOf(TcpDiscoveryKubernetesIpFinder.class);
    }
}
