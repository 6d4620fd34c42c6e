package io.riskgrid.api.demo;

import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.compute.ingest.IngestCounters;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PriceRow;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo with its simulator: within seconds of start fills are applied and prices move; stopping
 * the simulator ends its thread.
 */
@GridApiTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSimulatorIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-demo-sim");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private Ignite ignite;
    @Autowired
    private DemoLifecycle demo;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
        registry.add("riskgrid.demo.enabled", () -> "true");
        registry.add("riskgrid.demo.simulator", () -> "true");
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void fillsAreAppliedAndPricesMoveWithinSeconds() throws InterruptedException {
        long fillsBefore = IngestCounters.fillsApplied();
        double aaplOpening = ignite.<String, PriceRow>cache(GridTables.PRICES).get("AAPL").price;

        // Two ticks of 50 fills each.
        awaitTrue(() -> IngestCounters.fillsApplied() - fillsBefore >= 100);
        awaitTrue(() -> ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM POSITIONS") > 0);
        awaitTrue(() -> ignite.<String, PriceRow>cache(GridTables.PRICES).get("AAPL").price != aaplOpening);
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM ACCOUNT_RISK WHERE GROSS_EXPOSURE > 0")).isPositive();
    }

    @Test
    @Order(2)
    void stoppingTheSimulatorEndsItsThread() throws InterruptedException {
        demo.stop();
        assertThat(demo.isRunning()).isFalse();
        // The executor has terminated; its worker thread may take a moment more to leave run().
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("riskgrid-demo-simulator") && t.isAlive()));
        long after = IngestCounters.fillsApplied();
        Thread.sleep(600);
        assertThat(IngestCounters.fillsApplied()).isEqualTo(after);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
