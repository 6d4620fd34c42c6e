package io.riskgrid.api.emergency;

import io.riskgrid.api.risk.RiskStatus;
import io.riskgrid.api.audit.AuditEntry;
import io.riskgrid.api.error.ApiError;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switches over real HTTP: halting an account or the firm stops its orders at the
 * pre-trade check, resuming lets them through again, the status shows who is halted and why, and
 * every halt and resume is in the audit log with its actor and reason. The firm test resumes the
 * firm whatever happens, so that the other tests of the class see an active firm.
 */
@GridApiTest
class EmergencyApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-emergency");

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
    void haltedAccountRejectsEveryOrderUntilResumed() {
        ApiTestGrid.newAccount(ignite, "ACC-EM1");
        assertThat(checkOrder("ACC-EM1").approved()).isTrue();

        post("/halt-trading", request("ACCOUNT", "ACC-EM1", "suspected fat finger", "carol"), null)
                .expectStatus().isOk()
                .expectBody(EmergencyResult.class)
                .isEqualTo(new EmergencyResult("ACCOUNT", "ACC-EM1", "ACTIVE", "HALTED"));

        PreTradeAnswer halted = checkOrder("ACC-EM1");
        assertThat(halted.approved()).isFalse();
        assertThat(halted.reasonCodes()).containsExactly("ACCOUNT_HALTED");
        assertThat(halted.reasons()).containsExactly("account is HALTED: no order may pass");
        assertThat(halted.accountState()).isEqualTo("HALTED");
        assertThat(halted.firmState()).isEqualTo("ACTIVE");
        assertThat(halted.tradingState()).isEqualTo("HALTED");
        assertThat(status().accounts()).contains(
                new EmergencyStatus.AccountState("ACC-EM1", "HALTED", true, "NONE", null, null));

        // The actor comes from the X-Actor header when the body names none.
        post("/resume", request("ACCOUNT", "ACC-EM1", "desk confirmed the order", null), "dave")
                .expectStatus().isOk()
                .expectBody(EmergencyResult.class)
                .isEqualTo(new EmergencyResult("ACCOUNT", "ACC-EM1", "HALTED", "ACTIVE"));
        assertThat(checkOrder("ACC-EM1").approved()).isTrue();
        assertThat(status().accounts()).extracting(EmergencyStatus.AccountState::accountId).doesNotContain("ACC-EM1");

        List<AuditEntry> audit = audit("accountId=ACC-EM1");
        assertThat(audit).extracting(AuditEntry::action).containsExactly("RESUME", "HALT");
        assertThat(audit.get(0).actor()).isEqualTo("dave");
        assertThat(audit.get(0).reason()).isEqualTo("desk confirmed the order");
        assertThat(audit.get(0).before()).isEqualTo("HALTED");
        assertThat(audit.get(0).after()).isEqualTo("ACTIVE");
        assertThat(audit.get(1).actor()).isEqualTo("carol");
        assertThat(audit.get(1).reason()).isEqualTo("suspected fat finger");
        assertThat(audit.get(1).before()).isEqualTo("ACTIVE");
        assertThat(audit.get(1).after()).isEqualTo("HALTED");
    }

    @Test
    void firmHaltStopsEveryAccountUntilResumed() {
        long before = System.currentTimeMillis();
        try {
            post("/halt-trading", request("FIRM", null, "exchange outage", "risk-officer"), null)
                    .expectStatus().isOk()
                    .expectBody(EmergencyResult.class)
                    .isEqualTo(new EmergencyResult("FIRM", null, "ACTIVE", "HALTED"));

            PreTradeAnswer answer = checkOrder(ACC_A);
            assertThat(answer.approved()).isFalse();
            assertThat(answer.reasonCodes()).containsExactly("FIRM_HALTED");
            assertThat(answer.accountState()).isEqualTo("ACTIVE");
            assertThat(answer.firmState()).isEqualTo("HALTED");
            assertThat(answer.tradingState()).isEqualTo("HALTED");

            EmergencyStatus.FirmState firm = status().firm();
            assertThat(firm.state()).isEqualTo("HALTED");
            assertThat(firm.reason()).isEqualTo("exchange outage");
            assertThat(firm.actor()).isEqualTo("risk-officer");
            assertThat(firm.since()).isGreaterThanOrEqualTo(before);
            assertThat(firm.trigger()).isNull();
            assertThat(firm.triggerValue()).isNull();
            // The firm's totals carry its state too.
            assertThat(web.get().uri("/api/v1/risk/status").exchange().expectStatus().isOk()
                    .expectBody(RiskStatus.class).returnResult().getResponseBody().tradingState()).isEqualTo("HALTED");
        } finally {
            post("/resume", request("FIRM", null, "exchange back", "risk-officer"), null)
                    .expectStatus().isOk()
                    .expectBody(EmergencyResult.class)
                    .isEqualTo(new EmergencyResult("FIRM", null, "HALTED", "ACTIVE"));
        }
        assertThat(checkOrder(ACC_A).approved()).isTrue();
        assertThat(status().firm().state()).isEqualTo("ACTIVE");

        List<AuditEntry> firmActions = audit("from=" + before).stream().filter(e -> e.accountId() == null).toList();
        assertThat(firmActions).extracting(AuditEntry::action).containsExactly("RESUME", "HALT");
        assertThat(firmActions).extracting(AuditEntry::actor).containsOnly("risk-officer");
        assertThat(firmActions).extracting(AuditEntry::reason).containsExactly("exchange back", "exchange outage");
    }

    @Test
    void scopeAndAccountIdMustAgree() {
        assertThat(badRequest(request("FIRM", ACC_A, "x", null)))
                .isEqualTo(new ApiError("bad_request", "accountId must not be given for scope FIRM, which applies to "
                        + "every account; use scope ACCOUNT for one account", "accountId"));
        assertThat(badRequest(request("ACCOUNT", null, "x", null)))
                .isEqualTo(new ApiError("bad_request", "accountId is required for scope ACCOUNT", "accountId"));
        assertThat(badRequest(request("DESK", null, "x", null)))
                .isEqualTo(new ApiError("bad_request", "scope must be FIRM or ACCOUNT, was 'DESK'", "scope"));
        assertThat(badRequest(request("ACCOUNT", ACC_A, " ", null)))
                .isEqualTo(new ApiError("bad_request", "reason is required: say why you are halting trading", "reason"));
        // Nothing was halted by the refused requests.
        assertThat(checkOrder(ACC_A).approved()).isTrue();
    }

    @Test
    void unknownAccountIsNotFound() {
        post("/halt-trading", request("ACCOUNT", "NOPE", "x", null), null)
                .expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "account 'NOPE' not found", null));
    }

    @Test
    void auditRangeFromAfterToIsABadRequest() {
        web.get().uri("/api/v1/audit?from=10&to=9").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "from must not be after to, was from 10 and to 9", "from"));
    }

    @Test
    void malformedMissingOrWronglyTypedRequestsAreBadRequestsAndHaltNothing() {
        ApiError malformed = postText("/halt-trading", "{\"scope\":").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        assertThat(malformed.field()).isNull();

        postText("/halt-trading", "{\"scope\":[\"FIRM\"],\"reason\":\"x\"}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "scope must be a string", "scope"));
        postText("/halt-trading", "{}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "scope is required: FIRM or ACCOUNT; reason is required: say why you are halting trading", "scope"));
        web.post().uri("/api/v1/emergency/halt-trading").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "request body is required", null));
        assertThat(badRequest(request("FIRM", null, "x", "a".repeat(101))))
                .isEqualTo(new ApiError("bad_request", "actor must be at most 100 characters, was 101", "actor"));

        // Resume checks the same way, and says what the reason is for.
        post("/resume", request("ACCOUNT", ACC_A, "", null), null).expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "reason is required: say why you are resuming trading", "reason"));
        post("/resume", request("ACCOUNT", "NOPE", "x", null), null).expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "account 'NOPE' not found", null));

        assertThat(status().firm().state()).isEqualTo("ACTIVE");
        assertThat(checkOrder(ACC_A).approved()).isTrue();
    }

    @Test
    void auditParametersOfTheWrongTypeOrOutOfRangeAreBadRequests() {
        web.get().uri("/api/v1/audit?from=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "from must be a whole number, was 'yesterday'", "from"));
        web.get().uri("/api/v1/audit?limit=10001").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "limit must be between 1 and 10000, was 10001", "limit"));
        web.get().uri("/api/v1/audit?offset=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "offset must be zero or positive, was -1", "offset"));
    }

    private WebTestClient.ResponseSpec postText(String path, String json) {
        return web.post().uri("/api/v1/emergency" + path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static Map<String, Object> request(String scope, String accountId, String reason, String actor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", scope);
        if (accountId != null) {
            m.put("accountId", accountId);
        }
        m.put("reason", reason);
        if (actor != null) {
            m.put("actor", actor);
        }
        return m;
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, Object> body, String actorHeader) {
        WebTestClient.RequestBodySpec spec = web.post().uri("/api/v1/emergency" + path).contentType(MediaType.APPLICATION_JSON);
        if (actorHeader != null) {
            spec = spec.header("X-Actor", actorHeader);
        }
        return spec.bodyValue(body).exchange();
    }

    private ApiError badRequest(Map<String, Object> body) {
        return post("/halt-trading", body, null).expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
    }

    private EmergencyStatus status() {
        return web.get().uri("/api/v1/emergency/status").exchange()
                .expectStatus().isOk()
                .expectBody(EmergencyStatus.class).returnResult().getResponseBody();
    }

    private PreTradeAnswer checkOrder(String accountId) {
        return web.post().uri("/api/v1/pretrade/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountId", accountId, "instrumentId", AAPL, "side", "BUY", "quantity", 10, "price", 100))
                .exchange()
                .expectStatus().isOk()
                .expectBody(PreTradeAnswer.class).returnResult().getResponseBody();
    }

    private List<AuditEntry> audit(String query) {
        return web.get().uri("/api/v1/audit?" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(AuditEntry.class).returnResult().getResponseBody();
    }
}
