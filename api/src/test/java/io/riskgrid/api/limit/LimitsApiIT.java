package io.riskgrid.api.limit;

import io.riskgrid.api.account.AccountRiskSnapshot;
import io.riskgrid.api.audit.AuditEntry;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.ingest.FillsAccepted;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/v1/limits} and {@code PUT /api/v1/limits} over real HTTP into a real grid node:
 * one limit or many, current values and utilizations computed by hand from fills at DemoFixture's
 * prices (AAPL 100 and XOM 50, contract size 1, margin 25%), every problem of a request reported
 * together with the field at fault and nothing applied. Each test uses accounts of its own.
 */
@GridApiTest
class LimitsApiIT {

    private static final double EPS = 1e-9;
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-limits");

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
    void oneLimitAsAnObjectIsStoredReadBackAndAudited() {
        ApiTestGrid.newAccount(ignite, "ACC-L1");
        List<LimitView> stored = web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "alice")
                .bodyValue(limit("ACC-L1", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 500_000, 0.9, "desk limit"))
                .exchange()
                .expectStatus().isOk()
                .expectBodyList(LimitView.class).returnResult().getResponseBody();

        // A flat account: gross 0, so current 0 and utilization 0 / 500,000 = 0; no override in force.
        LimitView expected = new LimitView("ACC-L1", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 500_000, 0.9,
                500_000, null, null, 0.0, 0.0, null, null);
        assertThat(stored).containsExactly(expected);
        assertThat(limits("ACC-L1")).containsExactly(expected);

        // Raising it to 750,000 is audited with the value before and after, by the header's actor.
        putJson(List.of(limit("ACC-L1", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 750_000, 0.9, "raise")))
                .expectStatus().isOk();
        List<AuditEntry> audit = audit("ACC-L1");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).action()).isEqualTo("LIMIT_SET");
        assertThat(audit.get(0).before()).isEqualTo("500000");
        assertThat(audit.get(0).after()).isEqualTo("750000");
        assertThat(audit.get(0).reason()).isEqualTo("raise");
        assertThat(audit.get(0).actor()).isEqualTo("api");
        assertThat(audit.get(1).before()).isNull();
        assertThat(audit.get(1).after()).isEqualTo("500000");
        assertThat(audit.get(1).actor()).isEqualTo("alice");
        assertThat(audit.get(1).reason()).isEqualTo("desk limit");
    }

    @Test
    void manyLimitsOfSeveralAccountsAreStoredWithTheirUtilization() {
        ApiTestGrid.newAccount(ignite, "ACC-L2");
        ApiTestGrid.newAccount(ignite, "ACC-L3");
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(fill("l2-1", "ACC-L2", AAPL, "BUY", 300, 100), fill("l2-2", "ACC-L2", XOM, "BUY", 10, 50)))
                .exchange().expectStatus().isAccepted().expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(2, 0));

        List<LimitView> stored = putJson(List.of(
                limit("ACC-L2", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 100_000, null, null),
                limit("ACC-L2", "SECTOR:TECH:GROSS_NOTIONAL", "SECTOR", "TECH", "GROSS_NOTIONAL", 60_000, null, null),
                limit("ACC-L3", "INSTRUMENT:AAPL:POSITION_QTY", "INSTRUMENT", AAPL, "POSITION_QTY", 1_000, null, null)))
                .expectStatus().isOk()
                .expectBodyList(LimitView.class).returnResult().getResponseBody();

        // ACC-L2 holds 300 AAPL x 100 = 30,000 (TECH) and 10 XOM x 50 = 500: gross 30,500 of 100,000 = 0.305;
        // TECH gross 30,000 of 60,000 = 0.5. ACC-L3 is flat: 0 of 1,000. warnAt defaults to 0.8.
        assertThat(stored).containsExactly(
                new LimitView("ACC-L2", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 100_000, 0.8, 100_000, null, null,
                        30_500.0, 0.305, null, null),
                new LimitView("ACC-L2", "SECTOR:TECH:GROSS_NOTIONAL", "SECTOR", "TECH", "GROSS_NOTIONAL", 60_000, 0.8,
                        60_000, null, null, 30_000.0, 0.5, null, null),
                new LimitView("ACC-L3", "INSTRUMENT:AAPL:POSITION_QTY", "INSTRUMENT", AAPL, "POSITION_QTY", 1_000, 0.8,
                        1_000, null, null, 0.0, 0.0, null, null));
        assertThat(limits("ACC-L2")).extracting(LimitView::limitId).containsExactly("GROSS", "SECTOR:TECH:GROSS_NOTIONAL");

        // The account's risk carries the same figures, and the score's limits component is the worst utilization.
        AccountRiskSnapshot risk = web.get().uri("/api/v1/accounts/ACC-L2/risk").exchange()
                .expectStatus().isOk().expectBody(AccountRiskSnapshot.class).returnResult().getResponseBody();
        assertThat(risk.maxLimitUtilization()).isCloseTo(0.5, within(EPS));
        assertThat(risk.worstLimitId()).isEqualTo("SECTOR:TECH:GROSS_NOTIONAL");
        assertThat(risk.openBreaches()).isZero();
        assertThat(risk.drawdownTier()).isEqualTo("NONE");
        assertThat(risk.sizingFactor()).isEqualTo(1.0);
        assertThat(risk.killSwitch()).isFalse();
        assertThat(risk.stateOverride()).isNull();
        assertThat(risk.limits()).containsExactly(
                new AccountRiskSnapshot.LimitState("GROSS", 100_000, 30_500.0, 0.305, null, null),
                new AccountRiskSnapshot.LimitState("SECTOR:TECH:GROSS_NOTIONAL", 60_000, 30_000.0, 0.5, null, null));
        // RiskScore: 100 x (0.25 limits + 0.20 leverage/10 + 0.25 drawdown/0.15 + 0.15 VaR + 0.075 concentration
        // + 0.075 margin/equity), with leverage 30,500 / 1,000,000, concentration 30,000 / 30,500, margin
        // 30,500 x 0.25 = 7,625, no drawdown and no VaR yet.
        double leverage = 30_500 / 1_000_000.0 / 10;
        double concentration = 30_000 / 30_500.0;
        double margin = 7_625 / 1_000_000.0;
        assertThat(risk.scoreComponents().limits()).isCloseTo(0.5, within(EPS));
        assertThat(risk.scoreComponents().var()).isZero();
        assertThat(risk.scoreComponents().leverage()).isCloseTo(leverage, within(EPS));
        assertThat(risk.riskScore()).isCloseTo(100 * (0.25 * 0.5 + 0.20 * leverage + 0.075 * concentration
                + 0.075 * margin), within(1e-6));
    }

    @Test
    void anAccountLimitGivenAnInstrumentIsThatInstrumentsLimitAndAWholeAccountMetricTakesNoTarget() {
        ApiTestGrid.newAccount(ignite, "ACC-L9");
        List<LimitView> stored = putJson(List.of(limit("ACC-L9", "AAPL-QTY", "ACCOUNT", AAPL, "POSITION_QTY", 100, 0.5,
                null))).expectStatus().isOk().expectBodyList(LimitView.class).returnResult().getResponseBody();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).scope()).isEqualTo("INSTRUMENT");
        assertThat(stored.get(0).target()).isEqualTo(AAPL);
        // 30 AAPL against 100: 0.3, and XOM is not counted.
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(fill("l9-1", "ACC-L9", AAPL, "BUY", 30, 100), fill("l9-2", "ACC-L9", XOM, "BUY", 500, 50)))
                .exchange().expectStatus().isAccepted();
        assertThat(limits("ACC-L9").get(0).utilization()).isCloseTo(0.3, within(1e-9));

        ApiError e = putJson(List.of(limit("ACC-L9", "LEV", "ACCOUNT", AAPL, "LEVERAGE", 3, null, null)))
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(e.message()).contains("LEVERAGE", "whole account", "'AAPL'");
    }

    @Test
    void negativeMaxValueRejectsTheWholeRequestNamingTheField() {
        ApiTestGrid.newAccount(ignite, "ACC-L4");
        ApiError error = putJson(List.of(
                limit("ACC-L4", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 100_000, null, null),
                limit("ACC-L4", "NET", "ACCOUNT", null, "NET_NOTIONAL", -5, null, null)))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error).isEqualTo(new ApiError("bad_request", "limits[1].maxValue must be a positive number, was -5.0",
                "limits[1].maxValue"));

        // The good entry of the rejected request was not applied, and nothing was audited.
        assertThat(limits("ACC-L4")).isEmpty();
        assertThat(audit("ACC-L4")).isEmpty();

        ApiError single = putJson(limit("ACC-L4", "NET", "ACCOUNT", null, "NET_NOTIONAL", -5, null, null))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(single).isEqualTo(new ApiError("bad_request", "maxValue must be a positive number, was -5.0", "maxValue"));
        assertThat(limits("ACC-L4")).isEmpty();
    }

    @Test
    void everyProblemOfARequestIsReportedTogether() {
        ApiError error = putText("""
                [{"accountId":"NOPE","limitId":"GROSS","scope":"ACCOUNT","metric":"GROSS_NOTIONAL","maxValue":1},
                 {"accountId":"ACC-A","limitId":"X","scope":"GLOBAL","maxValue":1},
                 {"accountId":"ACC-A","limitId":"Y","scope":"INSTRUMENT","metric":"POSITION_QTY","maxValue":1},
                 {"accountId":"ACC-A","limitId":"Z","scope":"ACCOUNT","metric":"LEVERAGE","maxValue":"abc","maxvalue":2}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.error()).isEqualTo("bad_request");
        assertThat(error.field()).isEqualTo("limits[0].accountId");
        assertThat(error.message()).isEqualTo("limits[0].accountId: unknown account 'NOPE'; "
                + "limits[1].scope must be one of ACCOUNT, INSTRUMENT, SECTOR, was 'GLOBAL'; "
                + "limits[1].metric is required; "
                + "limits[2].target is required; "
                + "limits[3].maxvalue: unknown field (allowed: accountId, limitId, scope, target, metric, maxValue, "
                + "warnAt, actor, reason); "
                + "limits[3].maxValue must be a number, was 'abc'");
        assertThat(limits("ACC-A")).isEmpty();
    }

    @Test
    void domainRulesAndDuplicatesAreRejectedNamingTheField() {
        ApiError leverage = putJson(limit("ACC-A", "L", "SECTOR", "TECH", "LEVERAGE", 4, null, null))
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(leverage).isEqualTo(new ApiError("bad_request",
                "metric LEVERAGE applies to the whole account only; scope must be ACCOUNT, was SECTOR", "metric"));

        ApiError warn = putJson(limit("ACC-A", "G", "ACCOUNT", null, "GROSS_NOTIONAL", 10, 1.5, null))
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(warn).isEqualTo(new ApiError("bad_request", "warnAt must be in (0, 1], was 1.5", "warnAt"));

        ApiError twice = putJson(List.of(limit("ACC-A", "G", "ACCOUNT", null, "GROSS_NOTIONAL", 10, null, null),
                limit("ACC-A", "G", "ACCOUNT", null, "GROSS_NOTIONAL", 20, null, null)))
                .expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(twice).isEqualTo(new ApiError("bad_request",
                "limits[1].limitId: limit 'G' of account 'ACC-A' is also set by limits[0]", "limits[1].limitId"));
        assertThat(limits("ACC-A")).isEmpty();
    }

    @Test
    void emptyOrMalformedBodiesAreBadRequests() {
        assertThat(putText("[]").expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody())
                .isEqualTo(new ApiError("bad_request", "limits must hold at least one limit", "limits"));
        assertThat(putText("5").expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody())
                .isEqualTo(new ApiError("bad_request", "request body must be a limit object or an array of them, was 5",
                        "limits"));
        assertThat(putText("{\"accountId\":").expectStatus().isBadRequest().expectBody(ApiError.class).returnResult()
                .getResponseBody().message()).startsWith("request body is not valid JSON");
    }

    @Test
    void unknownAccountFilterIsNotFoundAndBadPagingIsABadRequest() {
        web.get().uri("/api/v1/limits?accountId=NOPE").exchange()
                .expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "account 'NOPE' not found", null));
        web.get().uri("/api/v1/limits?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "limit must be between 1 and 10000, was 0",
                        "limit"));
        web.get().uri("/api/v1/limits?offset=x").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "offset must be a whole number, was 'x'",
                        "offset"));
    }

    /** A limit as JSON would carry it; null fields are left out. */
    private static Map<String, Object> limit(String accountId, String limitId, String scope, String target, String metric,
                                             double maxValue, Double warnAt, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", accountId);
        m.put("limitId", limitId);
        m.put("scope", scope);
        if (target != null) {
            m.put("target", target);
        }
        m.put("metric", metric);
        m.put("maxValue", maxValue);
        if (warnAt != null) {
            m.put("warnAt", warnAt);
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    private WebTestClient.ResponseSpec putJson(Object body) {
        return web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec putText(String json) {
        return web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private List<LimitView> limits(String accountId) {
        return web.get().uri("/api/v1/limits?accountId={id}", accountId).exchange()
                .expectStatus().isOk()
                .expectBodyList(LimitView.class).returnResult().getResponseBody();
    }

    private List<AuditEntry> audit(String accountId) {
        return web.get().uri("/api/v1/audit?accountId={id}&action=LIMIT_SET", accountId).exchange()
                .expectStatus().isOk()
                .expectBodyList(AuditEntry.class).returnResult().getResponseBody();
    }
}
