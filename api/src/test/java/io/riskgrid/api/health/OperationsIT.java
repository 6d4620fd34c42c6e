package io.riskgrid.api.health;

import io.riskgrid.api.ingest.FillsAccepted;
import io.riskgrid.api.ingest.PricesAccepted;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Locale;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.api.testing.ApiTestGrid.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see: health with the grid component, Prometheus metrics, and the placeholder page
 * at /. Spring Boot tests turn metric export off unless asked, hence {@code @AutoConfigureObservability}.
 */
@GridApiTest
@AutoConfigureObservability(tracing = false)
class OperationsIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-operations");

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @BeforeAll
    static void loadBook(@Autowired Ignite ignite) {
        DemoFixture.load(ignite);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void healthIsUpWithTheGridComponentUp() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.grid.status").isEqualTo("UP")
                .jsonPath("$.components.grid.details.nodes").isEqualTo(1)
                .jsonPath("$.components.grid.details.servers").isEqualTo(1)
                .jsonPath("$.components.grid.details.clusterState").isEqualTo("ACTIVE");
    }

    @Test
    void prometheusShowsIngestCountersCacheSizesAndLatencyWithoutAccountTags() {
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(fill("ops-1", DemoFixture.ACC_A, DemoFixture.AAPL, "BUY", 1, 100)))
                .exchange().expectStatus().isAccepted()
                .expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(1, 0));
        web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(price(DemoFixture.AAPL, 101, System.currentTimeMillis())))
                .exchange().expectStatus().isAccepted()
                .expectBody(PricesAccepted.class).isEqualTo(new PricesAccepted(1));

        String metrics = web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("riskgrid_fills_applied_total", "riskgrid_fills_duplicate_total",
                "riskgrid_prices_applied_total", "riskgrid_positions_remarked_total");
        // One fill on a fresh grid: exactly one position and one fill row; two accounts from DemoFixture.
        assertThat(metrics).contains("riskgrid_cache_size{cache=\"POSITIONS\"} 1.0", "riskgrid_cache_size{cache=\"FILLS\"} 1.0",
                "riskgrid_cache_size{cache=\"ACCOUNTS\"} 2.0", "riskgrid_cache_size{cache=\"AUDIT_LOG\"}");
        assertThat(metrics).contains("riskgrid_ingest_latency_seconds_bucket{path=\"fills\"",
                "riskgrid_ingest_latency_seconds_count{path=\"prices\"} 1");
        List<String> riskgridSeries = metrics.lines().filter(l -> l.startsWith("riskgrid_")).toList();
        assertThat(riskgridSeries).isNotEmpty()
                .noneMatch(l -> l.toLowerCase(Locale.ROOT).contains("account_id") || l.contains("accountId")
                        || l.contains("ACC-"));
    }

    @Test
    void theDashboardIsServedAtTheRootWithEveryAssetFromTheApp() {
        String page = body("/", MediaType.TEXT_HTML);
        assertThat(page).contains("id=\"firm-status\"", "id=\"accounts\"", "id=\"alerts\"", "id=\"kill-switch\"",
                "id=\"correlation-heatmap\"", "id=\"pnl-chart\"");
        // Offline: nothing is loaded from another origin (no CDN), and every asset the page names is served.
        String everything = page + body("/dashboard.js", MediaType.valueOf("text/javascript"))
                + body("/format.js", MediaType.valueOf("text/javascript"))
                + body("/charts.js", MediaType.valueOf("text/javascript"))
                + body("/stream-worker.js", MediaType.valueOf("text/javascript"))
                + body("/dashboard.css", MediaType.valueOf("text/css"));
        assertThat(everything).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
                .doesNotContainPattern("(import|from)\\s*['\"](https?:)?//")
                .doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
    }

    private String body(String path, MediaType type) {
        return web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(type)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
