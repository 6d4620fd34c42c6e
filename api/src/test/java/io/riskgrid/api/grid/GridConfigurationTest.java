package io.riskgrid.api.grid;

import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.grid.node.GridConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GridConfigurationTest {

    private static RiskGridProperties.Grid grid(GridMode mode, Path workDir) {
        return new RiskGridProperties.Grid(mode, List.of("127.0.0.1:48500..48509"), 48500, 48100, 11800, workDir,
                "api-test", 512, Duration.ofSeconds(30), 8);
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
}
