package io.riskgrid.grid.node;

import io.riskgrid.grid.GridNodeMain;
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
}
