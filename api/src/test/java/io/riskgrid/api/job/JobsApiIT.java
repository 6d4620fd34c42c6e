package io.riskgrid.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.client.RiskGridClient;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import io.riskgrid.grid.testing.VarBook;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Quants' jobs over real HTTP against {@link VarBook}'s hand-checkable book (one-day P&L sd of
 * VAR-A 2,000, of VAR-B 1,000, of the firm 1,000): submit, poll, stream, cancel, and the same VaR
 * from the thin client by task name.
 */
@GridApiTest
class JobsApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-jobs");
    private static final double Z99 = VarBook.Z99;
    /** Instruments without positions that make the market model big enough for a job to take a while. */
    private static final int EXTRA_INSTRUMENTS = 100;

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @BeforeAll
    static void loadBook(@Autowired Ignite ignite) {
        Desk desk = new Desk(ignite);
        VarBook.load(desk);
        SplittableRandom random = new SplittableRandom(3);
        Map<String, double[]> history = new HashMap<>();
        for (int i = 0; i < EXTRA_INSTRUMENTS; i++) {
            String id = "X-" + i;
            desk.instrument(id, "INDUSTRIALS", 10);
            double[] r = new double[VarBook.HISTORY_DAYS];
            for (int t = 0; t < r.length; t++) {
                r[t] = 0.01 * random.nextGaussian();
            }
            history.put(id, r);
        }
        new ReferenceDataWriter(ignite).putReturnHistory(history, 1_000);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    private EntityExchangeResult<JobSubmitted> submit(Map<String, Object> body) {
        return web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isAccepted().expectBody(JobSubmitted.class).returnResult();
    }

    private ApiError rejected(Map<String, Object> body) {
        return web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
    }

    private JobView get(String id) {
        return web.get().uri("/api/v1/jobs/{id}", id).exchange().expectStatus().isOk()
                .expectBody(JobView.class).returnResult().getResponseBody();
    }

    @Test
    void theMarketModelBehindTheJobsIsServedForTheHeatMap() {
        // VarBook: V-AAPL alternates +-2%, V-XOM -+1%: volatilities 0.02 and 0.01, correlation exactly -1.
        JsonNode m = web.get().uri("/api/v1/market/correlation?instrumentId=V-XOM,V-AAPL").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(m.get("instrumentIds").toString()).isEqualTo("[\"V-AAPL\",\"V-XOM\"]");
        assertThat(m.get("volatilities").get(0).asDouble()).isCloseTo(0.02, within(1e-12));
        assertThat(m.get("volatilities").get(1).asDouble()).isCloseTo(0.01, within(1e-12));
        assertThat(m.get("correlation").get(0).get(0).asDouble()).isCloseTo(1, within(1e-12));
        assertThat(m.get("correlation").get(0).get(1).asDouble()).isCloseTo(-1, within(1e-9));
        assertThat(m.get("correlation").get(1).get(0).asDouble()).isCloseTo(-1, within(1e-9));
        assertThat(m.get("modelled").toString()).isEqualTo("[true,true]");
        assertThat(m.get("historyDays").asInt()).isEqualTo(VarBook.HISTORY_DAYS);

        JsonNode all = web.get().uri("/api/v1/market/correlation").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(all.get("instrumentIds")).hasSize(2 + EXTRA_INSTRUMENTS);
        assertThat(all.get("correlation")).hasSize(2 + EXTRA_INSTRUMENTS);

        ApiError unknown = web.get().uri("/api/v1/market/correlation?instrumentId=V-AAPL,NOPE").exchange()
                .expectStatus().isNotFound().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(unknown.message()).contains("'NOPE'").doesNotContain("V-AAPL");
    }

    private JobView finished(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get(id).finished());
        return get(id);
    }

    @Test
    void firmVarJobRunsToItsResultAndIsKept() {
        EntityExchangeResult<JobSubmitted> sent = submit(Map.of("type", "VAR", "method", "PARAMETRIC"));
        JobSubmitted s = sent.getResponseBody();
        assertThat(s.jobId()).startsWith("JOB-");
        assertThat(sent.getResponseHeaders().getLocation()).hasToString("/api/v1/jobs/" + s.jobId());
        assertThat(s.stream()).isEqualTo("/api/v1/stream/jobs/" + s.jobId());

        JobView done = finished(s.jobId());
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.type()).isEqualTo("VAR");
        assertThat(done.submittedBy()).isEqualTo("api");
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isGreaterThanOrEqualTo(done.startedAt());
        // Defaults: FIRM, confidence 0.99, one day. The firm's sd is |2,000 - 1,000|.
        assertThat(done.request().get("scope").asText()).isEqualTo("FIRM");
        assertThat(done.request().get("confidence").asDouble()).isEqualTo(0.99);
        JsonNode result = done.result();
        assertThat(result.get("var").asDouble()).isCloseTo(Z99 * 1_000, within(1e-6));
        assertThat(result.get("accounts").asInt()).isEqualTo(2);
        assertThat(result.get("exposures")).hasSize(2);

        List<JobView> listed = web.get().uri("/api/v1/jobs?status=SUCCEEDED").exchange().expectStatus().isOk()
                .expectBodyList(JobView.class).returnResult().getResponseBody();
        assertThat(listed).extracting(JobView::jobId).contains(s.jobId());
    }

    @Test
    void accountMonteCarloJobReproducesFromItsSeedAndMatchesTheThinClient() {
        Map<String, Object> body = Map.of("type", "VAR", "accountId", VarBook.ACC_A, "method", "MONTE_CARLO",
                "paths", 50_000, "seed", 5);
        JobView done = finished(submit(body).getResponseBody().jobId());
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        double var = done.result().get("var").asDouble();
        assertThat(done.result().get("seed").asLong()).isEqualTo(5);
        // Sampling error of the 99% quantile of 50,000 draws of N(0, 2,000^2): sqrt(p(1-p)/n) / f(q),
        // f(q) = phi(z) / 2,000; five of them.
        double se = Math.sqrt(0.01 * 0.99 / 50_000) / (VarBook.PHI_Z99 / 2_000);
        assertThat(var).isCloseTo(Z99 * 2_000, within(5 * se));
        try (RiskGridClient sdk = RiskGridClient.connect("127.0.0.1:" + CLUSTER.thinPort())) {
            VarReport fromSdk = sdk.var(VarRequest.account(VarBook.ACC_A, VarMethod.MONTE_CARLO, 0.99, 1, 50_000, 5));
            assertThat(fromSdk.var()).isEqualTo(var);
            assertThat(fromSdk.instrumentIds()).containsExactly(VarBook.AAPL);
        }
    }

    @Test
    void streamSendsProgressThenTheResult() {
        String id = submit(Map.of("type", "VAR", "method", "HISTORICAL", "confidence", 0.95)).getResponseBody().jobId();
        List<ServerSentEvent<JobView>> events = web.get().uri("/api/v1/stream/jobs/{id}", id)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JobView>>() { })
                .getResponseBody().filter(e -> e.data() != null).collectList().block(Duration.ofSeconds(30));
        assertThat(events).isNotEmpty();
        ServerSentEvent<JobView> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("result");
        assertThat(last.id()).isEqualTo(Long.toString(last.data().version()));
        assertThat(last.data().status()).isEqualTo("SUCCEEDED");
        // Each day the firm makes +1,000 or -1,000: the 5% quantile of 40 such days is -1,000.
        assertThat(last.data().result().get("var").asDouble()).isCloseTo(1_000, within(1e-9));
        for (int i = 0; i < events.size() - 1; i++) {
            assertThat(events.get(i).event()).isEqualTo("progress");
        }
        assertThat(web.get().uri("/api/v1/stream/jobs/JOB-NONE").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound());
    }

    @Test
    void stressAndNamedScenarioAgreeOnTheSameShocks() {
        Map<String, Object> stress = Map.of("type", "STRESS", "name", "equities -20%, tech -35%", "shocks", List.of(
                Map.of("target", "ASSET_CLASS", "key", "EQUITY", "change", -0.20),
                Map.of("target", "SECTOR", "key", "TECH", "change", -0.35)));
        JobView s = finished(submit(stress).getResponseBody().jobId());
        assertThat(s.status()).isEqualTo("SUCCEEDED");
        // VAR-A: 100,000 of tech x -35%; VAR-B: 100,000 of energy x -20%; the rest hold nothing.
        assertThat(s.result().get("pnl").asDouble()).isCloseTo(-55_000, within(1e-6));
        assertThat(s.result().get("worst").get(0).get("accountId").asText()).isEqualTo(VarBook.ACC_A);
        assertThat(s.result().get("worst").get(0).get("pnl").asDouble()).isCloseTo(-35_000, within(1e-6));

        // EQUITY_CRASH is "equities and futures -20%, tech -35%".
        JobView named = finished(submit(Map.of("type", "SCENARIO", "scenario", "equity_crash")).getResponseBody().jobId());
        assertThat(named.result().get("pnl").asDouble()).isCloseTo(-55_000, within(1e-6));
        assertThat(named.type()).isEqualTo("SCENARIO");

        // Days 0 and 1: AAPL 1.02 x 0.98 - 1 = -0.04%, XOM 0.99 x 1.01 - 1 = -0.01%: -40 - 10.
        JobView replay = finished(submit(Map.of("type", "SCENARIO", "replay", Map.of("fromDay", 0, "toDay", 2)))
                .getResponseBody().jobId());
        assertThat(replay.result().get("pnl").asDouble()).isCloseTo(-50, within(1e-6));
    }

    @Test
    void runningJobIsCancelledAndStaysCancelled() {
        // A million paths over a 102-instrument model: seconds of work, far longer than the DELETE takes.
        String id = submit(Map.of("type", "VAR", "method", "MONTE_CARLO", "paths", 1_000_000, "seed", 1))
                .getResponseBody().jobId();
        JobView cancelled = web.delete().uri("/api/v1/jobs/{id}", id).header("X-Actor", "quant-q").exchange()
                .expectStatus().isOk().expectBody(JobView.class).returnResult().getResponseBody();
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.message()).isEqualTo("cancelled by quant-q");
        assertThat(cancelled.result() == null || cancelled.result().isNull()).as("no result").isTrue();
        ApiError again = web.delete().uri("/api/v1/jobs/{id}", id).exchange().expectStatus().isEqualTo(409)
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(again.message()).isEqualTo("job " + id + " has already finished: CANCELLED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> get(id).status().equals("CANCELLED"));
    }

    @Test
    void unknownJobsAndAccountsAre404() {
        ApiError unknownJob = new ApiError("not_found", "job 'JOB-NONE' not found", null);
        web.get().uri("/api/v1/jobs/JOB-NONE").exchange().expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(unknownJob);
        web.delete().uri("/api/v1/jobs/JOB-NONE").exchange().expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(unknownJob);
        web.get().uri("/api/v1/stream/jobs/JOB-NONE").exchange().expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(unknownJob);
        ApiError e = web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "VAR", "accountId", "NOBODY")).exchange().expectStatus().isNotFound()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(e).isEqualTo(new ApiError("not_found", "account 'NOBODY' not found", null));
    }

    @Test
    void malformedOrWronglyTypedJobRequestsAreBadRequestsNamingTheField() {
        ApiError malformed = rejectedJson("{\"type\":");
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        assertThat(malformed.field()).isNull();
        assertThat(rejectedJson("{\"tpye\":\"VAR\"}"))
                .isEqualTo(new ApiError("bad_request", "type is required: VAR, STRESS, SCENARIO, TRAIN or BACKTEST", "type"));
        assertThat(rejectedJson("{\"type\":\"VAR\",\"paths\":\"many\"}"))
                .isEqualTo(new ApiError("bad_request", "paths must be a whole number, was 'many'", "paths"));
        assertThat(rejectedJson("{\"type\":\"VAR\",\"seed\":1.5}"))
                .isEqualTo(new ApiError("bad_request", "seed must be a whole number, was '1.5'", "seed"));
        assertThat(rejectedJson("{\"type\":\"VAR\",\"horizonDays\":0}"))
                .isEqualTo(new ApiError("bad_request", "horizonDays must be between 1 and 250, was 0", "horizonDays"));
        assertThat(rejectedJson("{\"type\":\"VAR\",\"confidence\":1.0}"))
                .isEqualTo(new ApiError("bad_request", "confidence must be between 0 and 1 (exclusive), was 1.0",
                        "confidence"));
    }

    @Test
    void badJobListFiltersAreBadRequestsNamingTheParameter() {
        web.get().uri("/api/v1/jobs?status=LATE").exchange().expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "status must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, was 'LATE'", "status"));
        web.get().uri("/api/v1/jobs?limit=x").exchange().expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "limit must be a whole number, was 'x'",
                        "limit"));
        web.get().uri("/api/v1/jobs?offset=-1").exchange().expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "offset must be zero or positive, was -1",
                        "offset"));
    }

    private ApiError rejectedJson(String json) {
        return web.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
    }

    @Test
    void badJobRequestsAreRefusedNamingTheField() {
        assertThat(rejected(Map.of()).field()).isEqualTo("type");
        ApiError e = rejected(Map.of("type", "PRICE"));
        assertThat(e.field()).isEqualTo("type");
        assertThat(e.message()).isEqualTo("type must be one of VAR, STRESS, SCENARIO, TRAIN, BACKTEST, was 'PRICE'");
        assertThat(rejected(Map.of("type", "BACKTEST", "paths", 100)).message()).isEqualTo("paths does not apply to type BACKTEST");
        assertThat(rejected(Map.of("type", "VAR", "scope", "ACCOUNT")).field()).isEqualTo("accountId");
        assertThat(rejected(Map.of("type", "VAR", "confidence", 1.0)).field()).isEqualTo("confidence");
        assertThat(rejected(Map.of("type", "VAR", "paths", 10)).field()).isEqualTo("paths");
        assertThat(rejected(Map.of("type", "VAR", "method", "GUESS")).field()).isEqualTo("method");
        assertThat(rejected(Map.of("type", "STRESS")).field()).isEqualTo("shocks");
        e = rejected(Map.of("type", "STRESS", "shocks", List.of(Map.of("target", "SECTOR", "key", "TECH", "change", -1.5))));
        assertThat(e.field()).isEqualTo("shocks[0].change");
        assertThat(rejected(Map.of("type", "STRESS", "shocks", List.of(Map.of("target", "PLANET", "key", "X",
                "change", 0.1)))).field()).isEqualTo("shocks[0].target");
        e = rejected(Map.of("type", "SCENARIO", "scenario", "ALIENS"));
        assertThat(e.field()).isEqualTo("scenario");
        assertThat(e.message()).contains("EQUITY_CRASH");
        assertThat(rejected(Map.of("type", "SCENARIO", "replay", Map.of("fromDay", 5, "toDay", 2))).field())
                .isEqualTo("replay");
        // A replay beyond the history held is known only to the grid: the job fails and says why.
        JobView beyond = finished(submit(Map.of("type", "SCENARIO", "replay", Map.of("fromDay", 0, "toDay", 400)))
                .getResponseBody().jobId());
        assertThat(beyond.status()).isEqualTo("FAILED");
        assertThat(beyond.message()).isEqualTo("toDay must be at most 40 (days of history held), was 400");
    }
}
