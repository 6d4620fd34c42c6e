package io.riskgrid.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}, over real
 * HTTP: every endpoint of DESIGN.md's REST list that the API serves is documented with a summary, a
 * description and its responses; errors refer to the {@code ApiError} schema; the description
 * carries the API's conventions, the return-series conventions and the VaR conventions (the latter
 * two also on their operations, from the same text); and Swagger UI loads from the app alone.
 */
@GridApiTest
class OpenApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-openapi");
    private static final String API_ERROR = "#/components/schemas/ApiError";

    /**
     * DESIGN.md's REST list (plus the policy and the job list, which the README adds), as methods and
     * paths, and the market model behind the dashboard's heat map.
     */
    private static final List<String> OPERATIONS = List.of(
            "POST /api/v1/fills",
            "POST /api/v1/prices",
            "GET /api/v1/accounts",
            "GET /api/v1/accounts/{accountId}/risk",
            "GET /api/v1/accounts/{accountId}/positions",
            "GET /api/v1/risk/status",
            "GET /api/v1/limits",
            "PUT /api/v1/limits",
            "GET /api/v1/policy",
            "POST /api/v1/pretrade/check",
            "GET /api/v1/alerts/active",
            "GET /api/v1/alerts/history",
            "POST /api/v1/alerts/{alertId}/acknowledge",
            "POST /api/v1/emergency/halt-trading",
            "POST /api/v1/emergency/resume",
            "GET /api/v1/emergency/status",
            "POST /api/v1/overrides",
            "GET /api/v1/overrides",
            "GET /api/v1/audit",
            "POST /api/v1/analytics/var",
            "POST /api/v1/analytics/performance",
            "POST /api/v1/jobs",
            "POST /api/v1/simulator/incidents",
            "GET /api/v1/accounts/{accountId}/anomaly",
            "GET /api/v1/accounts/{accountId}/forecast",
            "GET /api/v1/models",
            "GET /api/v1/jobs",
            "GET /api/v1/jobs/{id}",
            "DELETE /api/v1/jobs/{id}",
            "GET /api/v1/stream/jobs/{id}",
            "GET /api/v1/stream/risk",
            "GET /api/v1/stream/alerts",
            "GET /api/v1/market/correlation",
            "GET /api/v1/admin/topology",
            "POST /api/v1/admin/lost-partitions/reset");

    /** The error statuses each operation can answer besides 400, where it has any. */
    private static final Map<String, List<String>> NOT_FOUND_AND_CONFLICT = Map.ofEntries(
            Map.entry("GET /api/v1/accounts/{accountId}/risk", List.of("404")),
            Map.entry("GET /api/v1/accounts/{accountId}/positions", List.of("404")),
            Map.entry("GET /api/v1/limits", List.of("404")),
            Map.entry("POST /api/v1/pretrade/check", List.of("404")),
            Map.entry("POST /api/v1/alerts/{alertId}/acknowledge", List.of("404", "409")),
            Map.entry("POST /api/v1/emergency/halt-trading", List.of("404")),
            Map.entry("POST /api/v1/emergency/resume", List.of("404")),
            Map.entry("POST /api/v1/overrides", List.of("404")),
            Map.entry("POST /api/v1/jobs", List.of("404")),
            Map.entry("GET /api/v1/jobs/{id}", List.of("404")),
            Map.entry("DELETE /api/v1/jobs/{id}", List.of("404", "409")),
            Map.entry("GET /api/v1/stream/jobs/{id}", List.of("404")),
            Map.entry("GET /api/v1/stream/risk", List.of("404")),
            Map.entry("GET /api/v1/stream/alerts", List.of("404")),
            Map.entry("GET /api/v1/market/correlation", List.of("404")),
            Map.entry("POST /api/v1/simulator/incidents", List.of("404", "409")),
            Map.entry("GET /api/v1/accounts/{accountId}/anomaly", List.of("404")),
            Map.entry("GET /api/v1/accounts/{accountId}/forecast", List.of("404")));

    /** Operations whose only input is an id in the path (or none), so that they never answer 400. */
    private static final List<String> WITHOUT_INPUT = List.of("GET /api/v1/risk/status", "GET /api/v1/policy",
            "GET /api/v1/emergency/status", "GET /api/v1/accounts/{accountId}/risk",
            "GET /api/v1/accounts/{accountId}/positions", "GET /api/v1/jobs/{id}", "DELETE /api/v1/jobs/{id}",
            "GET /api/v1/stream/jobs/{id}", "GET /api/v1/market/correlation", "GET /api/v1/accounts/{accountId}/anomaly",
            "GET /api/v1/accounts/{accountId}/forecast", "GET /api/v1/models", "GET /api/v1/admin/topology");

    @Autowired
    private WebTestClient web;

    private JsonNode doc;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @BeforeEach
    void readDocument() {
        // The document is built on its first request, which takes seconds on a busy machine.
        web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        doc = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void everyEndpointIsDocumentedWithASummaryADescriptionAndItsSuccess() {
        for (String operation : OPERATIONS) {
            JsonNode op = operation(operation);
            assertThat(op.path("summary").asText()).as(operation + " summary").isNotBlank();
            assertThat(op.path("description").asText()).as(operation + " description").isNotBlank();
            assertThat(op.path("tags")).as(operation + " tag").isNotEmpty();
            List<String> success = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    success.add(code);
                }
            });
            assertThat(success).as(operation + " success responses").hasSize(1);
            assertThat(op.path("responses").path(success.get(0)).path("content")).as(operation + " success body")
                    .isNotEmpty();
            if (operation.startsWith("POST") || operation.startsWith("PUT")) {
                if (!operation.equals("POST /api/v1/alerts/{alertId}/acknowledge")) {
                    assertThat(op.path("requestBody").path("required").asBoolean()).as(operation + " body required")
                            .isTrue();
                }
                assertThat(op.path("requestBody").path("content").path("application/json").path("schema"))
                        .as(operation + " body schema").isNotEmpty();
            }
        }
        // The statuses that are not 200 are documented as such.
        assertThat(operation("POST /api/v1/fills").path("responses").has("202")).isTrue();
        assertThat(operation("POST /api/v1/prices").path("responses").has("202")).isTrue();
        assertThat(operation("POST /api/v1/jobs").path("responses").has("202")).isTrue();
        assertThat(operation("POST /api/v1/overrides").path("responses").has("201")).isTrue();
        // PUT /limits takes one limit or an array of them.
        JsonNode limits = operation("PUT /api/v1/limits").path("requestBody").path("content").path("application/json")
                .path("schema");
        assertThat(limits.path("oneOf").get(0).path("$ref").asText()).isEqualTo("#/components/schemas/LimitRequest");
        assertThat(limits.path("oneOf").get(1).path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/LimitRequest");
    }

    @Test
    void onlyTheApisOwnPathsAreDocumented() {
        List<String> documented = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(OPERATIONS);
    }

    @Test
    void errorResponsesReferToTheApiErrorSchema() {
        for (String operation : OPERATIONS) {
            JsonNode responses = operation(operation).path("responses");
            List<String> expected = new ArrayList<>(NOT_FOUND_AND_CONFLICT.getOrDefault(operation, List.of()));
            if (!WITHOUT_INPUT.contains(operation)) {
                expected.add("400");
            }
            for (String code : expected) {
                assertThat(responses.has(code)).as(operation + " documents " + code).isTrue();
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    assertThat(r.getValue().path("description").asText()).as(operation + " " + r.getKey()).isNotBlank();
                    assertThat(r.getValue().path("content").path("application/json").path("schema").path("$ref").asText())
                            .as(operation + " " + r.getKey() + " body").isEqualTo(API_ERROR);
                }
            });
        }
        JsonNode apiError = doc.path("components").path("schemas").path("ApiError");
        List<String> fields = new ArrayList<>();
        apiError.path("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("error", "message", "field");
        assertThat(apiError.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("error", "message");
    }

    @Test
    void descriptionCarriesTheConventionsFromOneSource() throws Exception {
        JsonNode info = doc.path("info");
        assertThat(info.path("title").asText()).isEqualTo("RiskGrid API");
        assertThat(info.path("version").asText()).isNotBlank();
        String description = info.path("description").asText();
        assertThat(description)
                .contains("base currency", "epoch milliseconds", "`?limit=&offset=`", "`{error, message, field?}`",
                        "counts once")
                .contains("## Return-series conventions", "## VaR conventions")
                // Return-series conventions.
                .contains("empyrical", "periodsPerYear` defaults to 252", "sample standard deviation (n-1)",
                        "type-7 quantile (numpy/R default)", "k = floor((n-1)(1-confidence) + 1e-9)",
                        "n = 6, confidence 0.8 gives k = 1", "(1 + alpha)^periodsPerYear - 1")
                // VaR conventions.
                .contains("z = Phi^-1(confidence)", "CVaR = s phi(z) / (1 - confidence)",
                        "reproducible bit for bit", "`scenarioReturns` as rows of scenarios");

        String returnSeries = resource("openapi/return-series-conventions.md");
        String var = resource("openapi/var-conventions.md");
        assertThat(description).contains(returnSeries, var);
        assertThat(operation("POST /api/v1/analytics/performance").path("description").asText())
                .contains("### Return-series conventions", returnSeries).doesNotContain("VaR conventions");
        assertThat(operation("POST /api/v1/analytics/var").path("description").asText())
                .contains("### VaR conventions", var).doesNotContain("Return-series conventions");
    }

    @Test
    void streamIsDocumentedAsServerSentEventsOfJobs() {
        JsonNode op = operation("GET /api/v1/stream/jobs/{id}");
        JsonNode ok = op.path("responses").path("200").path("content");
        assertThat(ok.has("text/event-stream")).isTrue();
        assertThat(ok.path("text/event-stream").path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/JobView");
        assertThat(op.path("description").asText())
                .contains("`event: progress`", "`event: result`", "`id:` is the job's `version`", ":keep-alive",
                        "every 15 s", "404 before any event");
    }

    @Test
    void riskAndAlertStreamsAreDocumentedWithTheirEventsIdsAndResumption() {
        JsonNode risk = operation("GET /api/v1/stream/risk");
        assertThat(risk.path("responses").path("200").path("content").path("text/event-stream").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/AccountRiskSnapshot");
        assertThat(risk.path("description").asText())
                .contains("`event: risk`", "`event: firm`", "`maxPerSecond`", "latest wins", "`Last-Event-ID`",
                        "`?snapshot=true`", ": keep-alive");
        JsonNode alerts = operation("GET /api/v1/stream/alerts");
        assertThat(alerts.path("responses").path("200").path("content").path("text/event-stream").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/AlertStreamEvent");
        assertThat(alerts.path("description").asText())
                .contains("`event: alert`", "RAISED", "`minSeverity`", "`Last-Event-ID`", "`kind: CURRENT`");
        List<String> parameters = new ArrayList<>();
        alerts.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("accountId", "minSeverity", "snapshot", "lastEventId", "Last-Event-ID");
    }

    @Test
    void adminEndpointsSayWhatAResetCostsAndTheLostPartitionAnswer() {
        assertThat(doc.path("info").path("description").asText())
                .contains("## Administration", "READ_WRITE_SAFE", "`partitions_lost`",
                        "**Resetting accepts the loss of whatever data the lost partitions held**", "LOST_PARTITIONS_RESET");
        JsonNode reset = operation("POST /api/v1/admin/lost-partitions/reset");
        assertThat(reset.path("description").asText()).contains("whatever they held", "is gone", "`reason`");
        assertThat(reset.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/LostPartitionsResetRequest");
        JsonNode topology = operation("GET /api/v1/admin/topology");
        assertThat(topology.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/TopologyView");
        assertThat(topology.path("description").asText()).contains("OWNING", "MOVING", "RENTING", "LOST", "progress");
        JsonNode schema = doc.path("components").path("schemas").path("TopologyView").path("properties");
        assertThat(schema.has("clusterState") && schema.has("baseline") && schema.has("nodes") && schema.has("caches")
                && schema.has("rebalance") && schema.has("lostPartitions")).isTrue();
    }

    @Test
    void swaggerUiIsServedFromTheAppAndLoadsThisDocument() {
        URI location = web.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult().getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.getHost()).as("redirect stays on the app").isNull();
        String html = web.get().uri(location.toString()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<div id=\"swagger-ui\">");

        List<String> scripts = new ArrayList<>();
        Matcher m = Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            scripts.add(m.group(1));
        }
        assertThat(scripts).anyMatch(s -> s.endsWith("swagger-ui-bundle.js"));
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        for (String script : scripts) {
            URI asset = location.resolve(script);
            assertThat(asset.getHost()).as(script + " is served by the app").isNull();
            EntityExchangeResult<byte[]> js = web.get().uri(asset.toString()).exchange()
                    .expectStatus().isOk()
                    .expectBody().returnResult();
            assertThat(js.getResponseHeaders().getContentType().toString()).as(script).contains("javascript");
            assertThat(js.getResponseBody()).as(script).isNotEmpty();
        }
        // The UI is pointed at this document, and not at swagger.io's online validator.
        JsonNode config = web.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(config.path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(config.path("validatorUrl").asText()).isEqualTo("none");
    }

    private JsonNode operation(String methodAndPath) {
        String[] parts = methodAndPath.split(" ", 2);
        JsonNode op = doc.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode()).as(methodAndPath + " is documented").isFalse();
        return op;
    }

    private static String resource(String path) throws Exception {
        return new String(new ClassPathResource(path).getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
