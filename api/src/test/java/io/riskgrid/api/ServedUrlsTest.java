package io.riskgrid.api;

import io.riskgrid.api.grid.GridMode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServedUrlsTest {

    private static RiskGridProperties properties(GridMode mode, boolean demo) {
        return new RiskGridProperties(
                new RiskGridProperties.Grid(mode, List.of("127.0.0.1:47500..47509"), 47500, 47100, 10800, null,
                        "riskgrid-api", 2048, Duration.ofSeconds(30), 32, "127.0.0.1", null, "default"),
                new RiskGridProperties.Demo(demo, true, false, Duration.ofMillis(250), 50));
    }

    @Test
    void demoLineNamesEveryAddressWithTheBoundPort() {
        String line = new ServedUrls(properties(GridMode.EMBEDDED, true), new MockEnvironment(), null).describe("127.0.0.1", 8081, 10800);
        assertThat(line).isEqualTo("RiskGrid demo: dashboard http://127.0.0.1:8081/ , API http://127.0.0.1:8081/api/v1 ,"
                + " health http://127.0.0.1:8081/actuator/health , thin client / JDBC jdbc:ignite:thin://127.0.0.1:10800");
    }

    @Test
    void clientModeHasNoThinClientPortOfItsOwn() {
        String line = new ServedUrls(properties(GridMode.CLIENT, false), new MockEnvironment(), null).describe("127.0.0.1", 8080, 10800);
        assertThat(line).startsWith("RiskGrid API: dashboard http://127.0.0.1:8080/")
                .endsWith("thin client / JDBC served by the cluster's server nodes");
    }
}
