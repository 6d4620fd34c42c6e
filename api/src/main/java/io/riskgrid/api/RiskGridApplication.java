package io.riskgrid.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The RiskGrid API: a Spring WebFlux application that embeds a grid server node (or joins a
 * cluster as a client node) and serves REST, actuator health and Prometheus metrics. With
 * {@code riskgrid.demo.enabled=true} it also loads the demo book and runs a market and
 * order-flow simulator.
 */
@SpringBootApplication
@EnableConfigurationProperties(RiskGridProperties.class)
public class RiskGridApplication {

    public static void main(String[] args) {
        // Spring closes the grid node after the simulator has stopped; Ignite's own shutdown hook
        // would stop the node first, in parallel with Spring's, and fail the last simulator tick.
        if (System.getProperty("IGNITE_NO_SHUTDOWN_HOOK") == null) {
            System.setProperty("IGNITE_NO_SHUTDOWN_HOOK", "true");
        }
        SpringApplication.run(RiskGridApplication.class, args);
    }

    /** The clock that stamps simulated prices and fills; tests may replace it. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
