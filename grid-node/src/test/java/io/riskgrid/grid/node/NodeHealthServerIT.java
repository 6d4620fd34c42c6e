package io.riskgrid.grid.node;

import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone node's health endpoints, as Kubernetes probes see them. */
class NodeHealthServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessAndLivenessFollowTheNode() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("health")) {
            Ignite node = cluster.startNode();
            try (NodeHealthServer health = NodeHealthServer.start(node, "127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + health.port();
                assertThat(get(base + "/actuator/health")).isEqualTo("200 {\"status\":\"UP\"}");
                assertThat(get(base + "/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
                assertThat(get(base + "/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
                assertThat(get(base + "/actuator/health/other")).startsWith("404 ");

                node.close();
                assertThat(get(base + "/actuator/health")).isEqualTo("503 {\"status\":\"DOWN\"}");
                assertThat(get(base + "/actuator/health/liveness")).isEqualTo("503 {\"status\":\"DOWN\"}");
            }
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
