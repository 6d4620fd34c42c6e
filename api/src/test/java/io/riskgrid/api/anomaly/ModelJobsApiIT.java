package io.riskgrid.api.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.job.JobSubmitted;
import io.riskgrid.api.job.JobView;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TRAIN and BACKTEST jobs over real HTTP on the demo book without its simulator (so the grid holds
 * the demo's 250 days of return history and no model yet), the model list, and the refusals of the
 * model and simulator endpoints.
 */
@GridApiTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelJobsApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-model-jobs");
    /** The demo's return history: 250 days; BACKTEST fits the forecast on the first 70%. */
    private static final int HISTORY_DAYS = 250;
    private static final int TRAIN_DAYS = 175;

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
        registry.add("riskgrid.demo.enabled", () -> "true");
        registry.add("riskgrid.demo.simulator", () -> "false");
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    private JobView run(Map<String, Object> body) {
        String id = web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isAccepted().expectBody(JobSubmitted.class).returnResult().getResponseBody().jobId();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> get(id).finished());
        JobView done = get(id);
        assertThat(done.status()).as("%s: %s", done.status(), done.message()).isEqualTo("SUCCEEDED");
        return done;
    }

    private JobView get(String id) {
        return web.get().uri("/api/v1/jobs/{id}", id).exchange().expectStatus().isOk()
                .expectBody(JobView.class).returnResult().getResponseBody();
    }

    private List<ModelView> models() {
        return web.get().uri("/api/v1/models").exchange().expectStatus().isOk()
                .expectBodyList(ModelView.class).returnResult().getResponseBody();
    }

    @Test
    @Order(1)
    void theFirstTrainedModelIsPromotedAndRetrainingOnTheSameSeedIsNot() {
        JobView first = run(Map.of("type", "TRAIN", "model", "PCA", "seed", 11));
        JsonNode r = first.result();
        String version = r.get("modelVersion").asText();
        assertThat(version).matches("PCA-\\d{6}");
        assertThat(r.get("promoted").asBoolean()).isTrue();
        assertThat(r.get("reason").asText()).isEqualTo("no model was current");
        assertThat(r.get("trainingSamples").asInt()).isPositive();
        JsonNode bt = r.get("backtest");
        assertThat(bt.get("precision").asDouble()).isBetween(0.0, 1.0);
        assertThat(bt.get("recall").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.request().get("seed").asLong()).isEqualTo(11);

        List<ModelView> models = models();
        assertThat(models.get(0).modelVersion()).isEqualTo(version);
        assertThat(models.get(0).status()).isEqualTo("CURRENT");
        assertThat(models.get(0).seed()).isEqualTo(11);

        // The same seed trains the same model: the same backtest on the same held-back history, so it does
        // not beat the current one and stays out.
        JsonNode again = run(Map.of("type", "TRAIN", "model", "PCA", "seed", 11)).result();
        assertThat(again.get("modelVersion").asText()).isNotEqualTo(version);
        assertThat(again.get("promoted").asBoolean()).isFalse();
        assertThat(again.get("backtest").get("precision").asDouble())
                .isEqualTo(again.get("currentBacktest").get("precision").asDouble());
        assertThat(again.get("backtest").get("recall").asDouble())
                .isEqualTo(again.get("currentBacktest").get("recall").asDouble());
        assertThat(again.get("currentBacktest").get("modelVersion").asText()).isEqualTo(version);
        assertThat(models()).extracting(ModelView::modelVersion, ModelView::status)
                .contains(org.assertj.core.groups.Tuple.tuple(version, "CURRENT"),
                        org.assertj.core.groups.Tuple.tuple(again.get("modelVersion").asText(), "REJECTED"));
    }

    @Test
    @Order(2)
    void aBacktestReportsPrecisionRecallAndTheForecastErrorAgainstTheBaseline() {
        JsonNode r = run(Map.of("type", "BACKTEST", "seed", 3)).result();
        assertThat(r.get("modelVersion").asText()).isEqualTo(models().get(0).modelVersion());
        assertThat(r.get("precision").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("recall").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("incidents").asInt()).isPositive();
        assertThat(r.get("forecastErrorVsBaseline").isNumber()).isTrue();
        JsonNode f = r.get("forecast");
        assertThat(f.get("trainDays").asInt()).isEqualTo(TRAIN_DAYS);
        // Every instrument's held-back days are scored: 250 - 175 = 75 days each.
        assertThat(f.get("observations").asInt()).isEqualTo((HISTORY_DAYS - TRAIN_DAYS) * DemoBook.DEFAULT.instruments().size());
        assertThat(r.get("forecastErrorVsBaseline").asDouble())
                .isEqualTo(f.get("learnedQlike").asDouble() / f.get("baselineQlike").asDouble());
    }

    @Test
    void badModelJobsAreRefusedNamingTheField() {
        ApiError e = web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "TRAIN", "model", "FOREST")).exchange()
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(e.field()).isEqualTo("model");
        assertThat(e.message()).contains("PCA or AUTOENCODER", "FOREST");
        e = web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "BACKTEST", "model", "PCA")).exchange()
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(e.field()).isEqualTo("model");
        web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "BACKTEST", "modelVersion", "PCA-999999")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("PCA-999999"));
    }

    @Test
    void incidentsNeedAKnownTypeAKnownAccountAndARunningSimulator() {
        ApiError e = web.post().uri("/api/v1/simulator/incidents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "MELTDOWN", "accountId", "ACC-001")).exchange()
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.message()).contains("RUNAWAY_ALGO", "FAT_FINGER", "CONCENTRATION_BUILDUP", "MELTDOWN");
        web.post().uri("/api/v1/simulator/incidents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "FAT_FINGER", "accountId", "ACC-404")).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/v1/simulator/incidents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "FAT_FINGER", "accountId", "ACC-001")).exchange()
                .expectStatus().isEqualTo(409);
        web.get().uri("/api/v1/accounts/ACC-404/anomaly").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/accounts/ACC-404/forecast").exchange().expectStatus().isNotFound();
    }
}
