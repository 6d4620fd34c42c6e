package io.riskgrid.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.api.testing.ApiTestGrid.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard {@code helm/riskgrid/dashboards/riskgrid.json} against a real scrape of
 * {@code /actuator/prometheus}: every metric its PromQL names exists (so the dashboard cannot
 * silently show "no data" for a metric that was renamed or never existed), and every {@code riskgrid_*}
 * metric family the API exports is on some panel. Alert counters appear only once an alert changes,
 * so the test first raises an alert, raises its severity, acknowledges and resolves it.
 */
@GridApiTest
@AutoConfigureObservability(tracing = false)
class GrafanaDashboardIT {

    static final Path DASHBOARD = Path.of("helm", "riskgrid", "dashboards", "riskgrid.json");
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-grafana");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern METRIC = Pattern.compile("\\briskgrid_[a-zA-Z0-9_]+");
    /** The suffixes of a histogram's or timer's series; what is left is its family. */
    private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum|max)$");

    @Autowired
    private WebTestClient web;
    @Autowired
    private Ignite ignite;

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
    void everyMetricTheDashboardQueriesExistsAndEveryRiskGridMetricIsOnIt() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(locate()));
        List<String> expressions = new ArrayList<>();
        collect(dashboard, "expr", expressions);
        assertThat(expressions).hasSizeGreaterThan(20);
        Set<String> queried = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                queried.add(m.group());
            }
        }

        provokeEveryMetric();
        String scrape = prometheus();
        Set<String> exported = sampleNames(scrape);
        assertThat(exported).as("riskgrid series in the scrape").isNotEmpty();
        assertThat(queried).as("metrics the dashboard queries that the API does not export; exported: " + exported)
                .allMatch(exported::contains);

        Set<String> queriedFamilies = new TreeSet<>();
        queried.forEach(q -> queriedFamilies.add(family(q)));
        Set<String> missing = new TreeSet<>();
        for (String name : exported) {
            if (!queriedFamilies.contains(family(name))) {
                missing.add(name);
            }
        }
        assertThat(missing).as("riskgrid metrics the API exports that no panel shows").isEmpty();
        // The cluster gauges of the operations issue are all there.
        assertThat(queried).contains("riskgrid_cluster_servers", "riskgrid_cluster_clients", "riskgrid_cluster_baseline_nodes",
                "riskgrid_cluster_baseline_offline", "riskgrid_cluster_active", "riskgrid_partitions_lost",
                "riskgrid_partitions_moving", "riskgrid_rebalance_partitions_left", "riskgrid_rebalance_in_progress",
                "riskgrid_cq_backlog");
    }

    @Test
    void theDataSourceIsAnInputChosenOnImport() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(locate()));
        assertThat(dashboard.path("__inputs")).anySatisfy(i -> {
            assertThat(i.path("name").asText()).isEqualTo("DS_PROMETHEUS");
            assertThat(i.path("pluginId").asText()).isEqualTo("prometheus");
        });
        assertThat(dashboard.path("uid").asText()).isEqualTo("riskgrid");
        List<JsonNode> sources = new ArrayList<>();
        collectNodes(dashboard.path("panels"), "datasource", sources);
        assertThat(sources).isNotEmpty().allSatisfy(ds -> {
            assertThat(ds.path("type").asText()).isEqualTo("prometheus");
            assertThat(ds.path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
        });
        // Every panel's targets have a data source and an expression; panel ids are unique.
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode p : dashboard.path("panels")) {
            assertThat(ids.add(p.path("id").asInt())).as("unique panel id " + p.path("id")).isTrue();
            for (JsonNode t : p.path("targets")) {
                assertThat(t.path("expr").asText()).isNotBlank();
                assertThat(t.has("datasource")).isTrue();
            }
        }
    }

    /** Changes that register every lazily created meter: ingest, a pre-trade check, and an alert's whole life. */
    private void provokeEveryMetric() {
        ApiTestGrid.newAccount(ignite, "ACC-GRAF");
        web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountId", "ACC-GRAF", "limitId", "QTY", "scope", "ACCOUNT", "metric", "POSITION_QTY",
                        "maxValue", 1_000, "warnAt", 0.5))
                .exchange().expectStatus().isOk();
        // 600 of 1,000 = 0.6: past the warn level 0.5, LOW.
        fills(fill("graf-1", "ACC-GRAF", DemoFixture.AAPL, "BUY", 600, 100));
        await().atMost(WAIT).until(() -> prometheus().contains("riskgrid_alerts_raised_total"));
        // 1,000 of 1,000 = 1.0: CRITICAL, a rise in severity.
        fills(fill("graf-2", "ACC-GRAF", DemoFixture.AAPL, "BUY", 400, 100));
        await().atMost(WAIT).until(() -> prometheus().contains("riskgrid_alerts_escalated_total"));
        web.post().uri("/api/v1/alerts/ACC-GRAF-A1/acknowledge").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "grafana-test")).exchange().expectStatus().isOk();
        // Flat: 0 of 1,000, resolved.
        fills(fill("graf-3", "ACC-GRAF", DemoFixture.AAPL, "SELL", 1_000, 100));
        web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(price(DemoFixture.AAPL, 101, System.currentTimeMillis())))
                .exchange().expectStatus().isAccepted();
        web.post().uri("/api/v1/pretrade/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountId", "ACC-GRAF", "instrumentId", DemoFixture.AAPL, "side", "BUY", "quantity", 1,
                        "price", 101))
                .exchange().expectStatus().isOk();
        await().atMost(WAIT).until(() -> {
            String s = prometheus();
            return s.contains("riskgrid_alerts_acknowledged_total") && s.contains("riskgrid_alerts_resolved_total")
                    && s.contains("riskgrid_cq_backlog{");
        });
    }

    private void fills(Map<?, ?>... fills) {
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(fills))
                .exchange().expectStatus().isAccepted();
    }

    private String prometheus() {
        return web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The names of the {@code riskgrid_*} samples of a scrape (name only, without labels). */
    static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("riskgrid_")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    private static String family(String series) {
        return SERIES_SUFFIX.matcher(series).replaceFirst("");
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), field, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, out));
        }
    }

    private static void collectNodes(JsonNode node, String field, List<JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field)) {
                    out.add(e.getValue());
                } else {
                    collectNodes(e.getValue(), field, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectNodes(n, field, out));
        }
    }

    /** The dashboard file, found from the module's directory (where the tests run) or the repository's. */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DASHBOARD);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(DASHBOARD + " not found above " + Path.of("").toAbsolutePath());
    }
}
