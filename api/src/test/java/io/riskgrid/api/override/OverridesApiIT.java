package io.riskgrid.api.override;

import io.riskgrid.api.account.AccountRiskSnapshot;
import io.riskgrid.api.audit.AuditEntry;
import io.riskgrid.api.emergency.EmergencyStatus;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.limit.LimitView;
import io.riskgrid.api.pretrade.PreTradeAnswer;
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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Overrides over real HTTP: raising a limit lets an order through that it stopped, imposing a
 * trading state halts an account until the override ends, a newer override replaces the older,
 * and every way of asking wrongly is refused naming the field. Each test uses an account of its own;
 * overrides last an hour, far beyond the test, so none expires meanwhile.
 */
@GridApiTest
class OverridesApiIT {

    private static final double EPS = 1e-9;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-overrides");

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
    void raisedLimitLetsABreachingOrderPass() {
        ApiTestGrid.newAccount(ignite, "ACC-OV1");
        web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountId", "ACC-OV1", "limitId", "GROSS", "scope", "ACCOUNT",
                        "metric", "GROSS_NOTIONAL", "maxValue", 100_000))
                .exchange().expectStatus().isOk();

        // 2,000 AAPL x 100 = 200,000 against 100,000: utilization 2.0, rejected.
        PreTradeAnswer before = checkOrder("ACC-OV1", 2_000);
        assertThat(before.approved()).isFalse();
        assertThat(before.reasonCodes()).containsExactly("LIMIT_BREACH");
        assertThat(before.utilizationAfter().get("GROSS_NOTIONAL")).isCloseTo(2.0, within(EPS));

        long expiresAt = System.currentTimeMillis() + HOUR;
        OverrideView created = create(override("ACC-OV1", "GROSS", null, 500_000.0, "client block trade", expiresAt, "erin"))
                .expectStatus().isCreated()
                .expectBody(OverrideView.class).returnResult().getResponseBody();
        assertThat(created.overrideId()).startsWith("OVR-");
        assertThat(created).isEqualTo(new OverrideView(created.overrideId(), "ACC-OV1", "GROSS", null, 500_000.0,
                "100000", expiresAt, "ACTIVE", "client block trade", "erin", created.createdAt(), null));

        // Against the raised 500,000 the same order leaves 200,000 / 500,000 = 0.4.
        PreTradeAnswer after = checkOrder("ACC-OV1", 2_000);
        assertThat(after.approved()).isTrue();
        assertThat(after.utilizationAfter().get("GROSS_NOTIONAL")).isCloseTo(0.4, within(EPS));

        List<LimitView> limits = web.get().uri("/api/v1/limits?accountId=ACC-OV1").exchange()
                .expectStatus().isOk().expectBodyList(LimitView.class).returnResult().getResponseBody();
        assertThat(limits).containsExactly(new LimitView("ACC-OV1", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL",
                100_000, 0.8, 500_000, 500_000.0, expiresAt, 0.0, 0.0, null, null));
        assertThat(list("accountId=ACC-OV1")).containsExactly(created);

        List<AuditEntry> audit = audit("ACC-OV1", "LIMIT_OVERRIDE");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor()).isEqualTo("erin");
        assertThat(audit.get(0).reason()).isEqualTo("client block trade");
        assertThat(audit.get(0).before()).isEqualTo("100000");
        assertThat(audit.get(0).after()).isEqualTo("500000");
    }

    @Test
    void stateOverrideHaltsTheAccountAndANewerOneReplacesIt() {
        ApiTestGrid.newAccount(ignite, "ACC-OV2");
        long expiresAt = System.currentTimeMillis() + HOUR;
        OverrideView halt = create(override("ACC-OV2", null, "HALTED", null, "compliance review", expiresAt, null))
                .expectStatus().isCreated()
                .expectBody(OverrideView.class).returnResult().getResponseBody();
        assertThat(halt.state()).isEqualTo("HALTED");
        assertThat(halt.limitId()).isNull();
        assertThat(halt.value()).isNull();
        assertThat(halt.previous()).isEqualTo("ACTIVE");
        assertThat(halt.actor()).isEqualTo("api");

        AccountRiskSnapshot risk = web.get().uri("/api/v1/accounts/ACC-OV2/risk").exchange()
                .expectStatus().isOk().expectBody(AccountRiskSnapshot.class).returnResult().getResponseBody();
        assertThat(risk.tradingState()).isEqualTo("HALTED");
        assertThat(risk.stateOverride()).isEqualTo("HALTED");
        assertThat(risk.stateOverrideUntil()).isEqualTo(expiresAt);
        assertThat(risk.killSwitch()).isFalse();
        assertThat(checkOrder("ACC-OV2", 10).reasonCodes()).containsExactly("ACCOUNT_HALTED");
        EmergencyStatus status = web.get().uri("/api/v1/emergency/status").exchange()
                .expectStatus().isOk().expectBody(EmergencyStatus.class).returnResult().getResponseBody();
        assertThat(status.accounts()).contains(
                new EmergencyStatus.AccountState("ACC-OV2", "HALTED", false, "NONE", "HALTED", expiresAt));

        OverrideView reduce = create(override("ACC-OV2", null, "REDUCING", null, "review half done", expiresAt, null))
                .expectStatus().isCreated()
                .expectBody(OverrideView.class).returnResult().getResponseBody();
        assertThat(reduce.previous()).isEqualTo("HALTED");
        // A buy from flat increases risk, which a REDUCING account may not.
        assertThat(checkOrder("ACC-OV2", 10).reasonCodes()).containsExactly("ACCOUNT_REDUCING");
        assertThat(list("accountId=ACC-OV2&status=replaced")).extracting(OverrideView::overrideId)
                .containsExactly(halt.overrideId());
        assertThat(list("accountId=ACC-OV2&status=ACTIVE")).extracting(OverrideView::overrideId)
                .containsExactly(reduce.overrideId());
        assertThat(audit("ACC-OV2", "STATE_OVERRIDE")).extracting(AuditEntry::after).containsExactly("REDUCING", "HALTED");
    }

    @Test
    void expiryInThePastOrTooFarAheadIsABadRequest() {
        long now = System.currentTimeMillis();
        ApiError past = badRequest(override(ACC_A, null, "HALTED", null, "x", now - 1_000, null));
        assertThat(past.field()).isEqualTo("expiresAt");
        assertThat(past.message()).startsWith("expiresAt must be in the future, was " + (now - 1_000));

        ApiError far = badRequest(override(ACC_A, null, "HALTED", null, "x", now + Duration.ofDays(8).toMillis(), null));
        assertThat(far.field()).isEqualTo("expiresAt");
        assertThat(far.message()).startsWith("expiresAt must be at most 7 days ahead");
        assertThat(list("accountId=" + ACC_A)).isEmpty();
    }

    @Test
    void limitOrStateMustBeGivenAloneAndComplete() {
        long expiresAt = System.currentTimeMillis() + HOUR;
        assertThat(badRequest(override(ACC_A, "GROSS", "HALTED", null, "x", expiresAt, null)))
                .isEqualTo(new ApiError("bad_request", "give either limitId (with value) or state, not both: "
                        + "one override changes one limit or the trading state", "state"));
        assertThat(badRequest(override(ACC_A, null, null, null, "x", expiresAt, null)))
                .isEqualTo(new ApiError("bad_request", "limitId (with value) or state is required", "limitId"));
        assertThat(badRequest(override(ACC_A, "GROSS", null, -1.0, "x", expiresAt, null)))
                .isEqualTo(new ApiError("bad_request", "value must be a positive number, was -1.0", "value"));
        assertThat(badRequest(override(ACC_A, null, "PAUSED", null, "x", expiresAt, null)))
                .isEqualTo(new ApiError("bad_request", "state must be one of ACTIVE, REDUCING, HALTED, was 'PAUSED'",
                        "state"));
        assertThat(badRequest(override(ACC_A, null, "HALTED", null, null, expiresAt, null)))
                .isEqualTo(new ApiError("bad_request", "reason is required: say why you are overriding", "reason"));
    }

    @Test
    void unknownAccountOrLimitIsNotFound() {
        long expiresAt = System.currentTimeMillis() + HOUR;
        create(override(ACC_A, "NOPE", null, 10.0, "x", expiresAt, null))
                .expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found",
                        "limit 'NOPE' of account 'ACC-A' not found", null));
        create(override("NOPE", null, "HALTED", null, "x", expiresAt, null))
                .expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "account 'NOPE' not found", null));
        web.get().uri("/api/v1/overrides?status=LATE").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "status must be one of ACTIVE, EXPIRED, REPLACED, was 'LATE'", "status"));
    }

    @Test
    void malformedMissingOrWronglyTypedOverridesAreBadRequestsCreatingNothing() {
        ApiError malformed = createText("{\"accountId\":").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        assertThat(malformed.field()).isNull();

        createText("{\"accountId\":\"ACC-A\",\"state\":\"HALTED\",\"reason\":\"x\",\"expiresAt\":\"tomorrow\"}")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "expiresAt must be a whole number, was 'tomorrow'", "expiresAt"));
        createText("{\"accountId\":\"ACC-A\",\"limitId\":\"G\",\"value\":\"lots\",\"reason\":\"x\",\"expiresAt\":1}")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "value must be a number, was 'lots'",
                        "value"));
        createText("{\"state\":\"HALTED\",\"reason\":\"x\"}")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "accountId is required; expiresAt is required: when the override ends, epoch ms", "accountId"));
        assertThat(list("accountId=" + ACC_A)).isEmpty();
    }

    @Test
    void badPagingOfTheListIsABadRequestNamingTheParameter() {
        web.get().uri("/api/v1/overrides?limit=x").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "limit must be a whole number, was 'x'",
                        "limit"));
        web.get().uri("/api/v1/overrides?offset=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "offset must be zero or positive, was -1",
                        "offset"));
    }

    private WebTestClient.ResponseSpec createText(String json) {
        return web.post().uri("/api/v1/overrides").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static Map<String, Object> override(String accountId, String limitId, String state, Double value,
                                                String reason, long expiresAt, String actor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", accountId);
        if (limitId != null) {
            m.put("limitId", limitId);
        }
        if (state != null) {
            m.put("state", state);
        }
        if (value != null) {
            m.put("value", value);
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        m.put("expiresAt", expiresAt);
        if (actor != null) {
            m.put("actor", actor);
        }
        return m;
    }

    private WebTestClient.ResponseSpec create(Map<String, Object> body) {
        return web.post().uri("/api/v1/overrides").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private ApiError badRequest(Map<String, Object> body) {
        return create(body).expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
    }

    private List<OverrideView> list(String query) {
        return web.get().uri("/api/v1/overrides?" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(OverrideView.class).returnResult().getResponseBody();
    }

    private PreTradeAnswer checkOrder(String accountId, double quantity) {
        return web.post().uri("/api/v1/pretrade/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountId", accountId, "instrumentId", AAPL, "side", "BUY", "quantity", quantity,
                        "price", 100))
                .exchange()
                .expectStatus().isOk()
                .expectBody(PreTradeAnswer.class).returnResult().getResponseBody();
    }

    private List<AuditEntry> audit(String accountId, String action) {
        return web.get().uri("/api/v1/audit?accountId={a}&action={b}", accountId, action).exchange()
                .expectStatus().isOk()
                .expectBodyList(AuditEntry.class).returnResult().getResponseBody();
    }
}
