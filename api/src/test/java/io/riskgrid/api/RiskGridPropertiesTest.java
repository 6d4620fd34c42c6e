package io.riskgrid.api;

import io.riskgrid.api.grid.GridMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskGridPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RiskGridProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsAreThoseOfTheDesign() {
        runner.run(context -> {
            RiskGridProperties p = context.getBean(RiskGridProperties.class);
            assertThat(p.grid().mode()).isEqualTo(GridMode.EMBEDDED);
            assertThat(p.grid().discovery()).isEqualTo(List.of("127.0.0.1:47500..47509"));
            assertThat(p.grid().discoveryPort()).isEqualTo(47500);
            assertThat(p.grid().commPort()).isEqualTo(47100);
            assertThat(p.grid().thinPort()).isEqualTo(10800);
            assertThat(p.grid().workDir()).isNull();
            assertThat(p.demo().enabled()).isFalse();
            assertThat(p.demo().simulator()).isTrue();
            assertThat(p.demo().loadData()).isFalse();
            assertThat(p.demo().tick()).isEqualTo(Duration.ofMillis(250));
            assertThat(p.demo().loadsData()).isFalse();
            assertThat(p.demo().runsSimulator()).isFalse();
        });
    }

    @Test
    void clientModeAndDemoFlagsBind() {
        runner.withPropertyValues("riskgrid.grid.mode=client", "riskgrid.grid.discovery=10.0.0.1:47500,10.0.0.2:47500",
                        "riskgrid.demo.load-data=true")
                .run(context -> {
                    RiskGridProperties p = context.getBean(RiskGridProperties.class);
                    assertThat(p.grid().mode()).isEqualTo(GridMode.CLIENT);
                    assertThat(p.grid().discovery()).containsExactly("10.0.0.1:47500", "10.0.0.2:47500");
                    assertThat(p.demo().loadsData()).isTrue();
                    assertThat(p.demo().runsSimulator()).isFalse();
                });
    }

    @Test
    void everyInvalidSettingIsReportedTogetherAtStart() {
        runner.withPropertyValues("riskgrid.grid.thin-port=0", "riskgrid.grid.data-region-mb=10",
                        "riskgrid.grid.instance-name= ")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String message = allMessages(context.getStartupFailure());
                    assertThat(message).contains("thinPort", "dataRegionMb", "instanceName");
                });
    }

    private static String allMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }
}
