package io.riskgrid.api.pretrade;

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
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/v1/pretrade/check} over real HTTP against the grid's pre-trade task. The book,
 * set up once: account ACC-PT holds 1,000 AAPL bought at DemoFixture's price 100 (market value
 * 100,000, sector TECH) and has five limits:
 * <pre>
 *   GROSS     ACCOUNT         GROSS_NOTIONAL  1,000,000   now 100,000 / 1,000,000 = 0.10
 *   TECH      SECTOR TECH     GROSS_NOTIONAL    200,000   now 100,000 /   200,000 = 0.50
 *   NET       ACCOUNT         NET_NOTIONAL      800,000   now 100,000 /   800,000 = 0.125
 *   AAPL_QTY  INSTRUMENT AAPL POSITION_QTY        5,000   now   1,000 /     5,000 = 0.20
 *   VAR99     ACCOUNT         VAR_99             50,000   not known: VaR has not been computed
 * </pre>
 * An order is valued as if it filled in full at its own price (contract size 1 for AAPL, 50 for ES).
 */
@GridApiTest
class PreTradeApiIT {

    private static final double EPS = 1e-9;
    private static final String ACCOUNT = "ACC-PT";
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-pretrade");

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @BeforeAll
    static void book(@Autowired Ignite ignite, @Autowired WebTestClient web) {
        DemoFixture.load(ignite);
        ApiTestGrid.newAccount(ignite, ACCOUNT);
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(fill("pt-1", ACCOUNT, AAPL, "BUY", 1_000, 100)))
                .exchange().expectStatus().isAccepted().expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(1, 0));
        web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(
                        limit("GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 1_000_000),
                        limit("TECH", "SECTOR", "TECH", "GROSS_NOTIONAL", 200_000),
                        limit("NET", "ACCOUNT", null, "NET_NOTIONAL", 800_000),
                        limit("AAPL_QTY", "INSTRUMENT", AAPL, "POSITION_QTY", 5_000),
                        limit("VAR99", "ACCOUNT", null, "VAR_99", 50_000)))
                .exchange().expectStatus().isOk();
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void orderWithinEveryLimitIsApprovedWithUtilizationComputedByHand() {
        PreTradeAnswer answer = check(order(ACCOUNT, AAPL, "BUY", 500, 100)).expectStatus().isOk()
                .expectBody(PreTradeAnswer.class).returnResult().getResponseBody();

        // After: 1,500 AAPL x 100 = 150,000. GROSS 150,000 / 1,000,000 = 0.15; TECH 150,000 / 200,000 = 0.75;
        // NET 150,000 / 800,000 = 0.1875; AAPL_QTY 1,500 / 5,000 = 0.3. The highest GROSS_NOTIONAL is TECH's.
        assertThat(answer.approved()).isTrue();
        assertThat(answer.reasons()).isEmpty();
        assertThat(answer.reasonCodes()).isEmpty();
        assertThat(answer.tradingState()).isEqualTo("ACTIVE");
        assertThat(answer.accountState()).isEqualTo("ACTIVE");
        assertThat(answer.firmState()).isEqualTo("ACTIVE");
        assertThat(answer.drawdownTier()).isEqualTo("NONE");
        assertThat(answer.riskIncreasing()).isTrue();
        assertThat(answer.utilizationAfter()).containsOnlyKeys("GROSS_NOTIONAL", "NET_NOTIONAL", "POSITION_QTY", "VAR_99");
        assertThat(answer.utilizationAfter().get("GROSS_NOTIONAL")).isCloseTo(0.75, within(EPS));
        assertThat(answer.utilizationAfter().get("NET_NOTIONAL")).isCloseTo(0.1875, within(EPS));
        assertThat(answer.utilizationAfter().get("POSITION_QTY")).isCloseTo(0.3, within(EPS));
        assertThat(answer.utilizationAfter().get("VAR_99")).isNull();

        Map<String, PreTradeAnswer.LimitCheck> limits = byId(answer);
        assertThat(limits).containsOnlyKeys("GROSS", "TECH", "NET", "AAPL_QTY", "VAR99");
        assertLimit(limits.get("GROSS"), "GROSS_NOTIONAL", 0.10, 0.15);
        assertLimit(limits.get("TECH"), "GROSS_NOTIONAL", 0.50, 0.75);
        assertLimit(limits.get("NET"), "NET_NOTIONAL", 0.125, 0.1875);
        assertLimit(limits.get("AAPL_QTY"), "POSITION_QTY", 0.20, 0.30);
        // VaR is not known: its utilization is null in JSON, never NaN, and it rejects nothing.
        assertThat(limits.get("VAR99").utilizationBefore()).isNull();
        assertThat(limits.get("VAR99").utilizationAfter()).isNull();
    }

    @Test
    void futureOrderIsValuedWithItsContractSize() {
        PreTradeAnswer answer = check(order(ACCOUNT, ES, "SELL", 2, 5000)).expectStatus().isOk()
                .expectBody(PreTradeAnswer.class).returnResult().getResponseBody();

        // Short 2 ES x 5,000 x 50 = -500,000 next to +100,000 AAPL: gross 600,000 / 1,000,000 = 0.6,
        // net |100,000 - 500,000| = 400,000 / 800,000 = 0.5; TECH and AAPL_QTY do not move.
        assertThat(answer.approved()).isTrue();
        Map<String, PreTradeAnswer.LimitCheck> limits = byId(answer);
        assertLimit(limits.get("GROSS"), "GROSS_NOTIONAL", 0.10, 0.6);
        assertLimit(limits.get("NET"), "NET_NOTIONAL", 0.125, 0.5);
        assertLimit(limits.get("TECH"), "GROSS_NOTIONAL", 0.50, 0.50);
        assertLimit(limits.get("AAPL_QTY"), "POSITION_QTY", 0.20, 0.20);
        assertThat(answer.utilizationAfter().get("GROSS_NOTIONAL")).isCloseTo(0.6, within(EPS));
    }

    @Test
    void orderThatWouldBreachALimitIsRejectedWithTheReason() {
        String json = check(order(ACCOUNT, AAPL, "BUY", 2_000, 100)).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(json).doesNotContain("NaN");

        PreTradeAnswer answer = check(order(ACCOUNT, AAPL, "BUY", 2_000, 100)).expectStatus().isOk()
                .expectBody(PreTradeAnswer.class).returnResult().getResponseBody();
        // After: 3,000 AAPL x 100 = 300,000: TECH 300,000 / 200,000 = 1.5 > 1.
        assertThat(answer.approved()).isFalse();
        assertThat(answer.reasonCodes()).containsExactly("LIMIT_BREACH");
        assertThat(answer.reasons()).containsExactly(
                "limit TECH (GROSS_NOTIONAL, SECTOR TECH): utilization after the order 1.50 exceeds 1.00");
        assertThat(answer.utilizationAfter().get("GROSS_NOTIONAL")).isCloseTo(1.5, within(EPS));
        assertThat(answer.utilizationAfter().get("POSITION_QTY")).isCloseTo(0.6, within(EPS));
    }

    @Test
    void invalidFieldsAreBadRequestsNamingThem() {
        check(order(ACCOUNT, AAPL, "HOLD", 10, 100)).expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "side must be BUY or SELL, was 'HOLD'", "side"));

        Map<String, Object> twoWrong = new LinkedHashMap<>(order(ACCOUNT, AAPL, "BUY", -5, 100));
        twoWrong.remove("price");
        check(twoWrong).expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "quantity must be a positive number, was -5.0; price is required", "quantity"));

        web.post().uri("/api/v1/pretrade/check").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"accountId\":\"ACC-PT\",\"instrumentId\":\"AAPL\",\"side\":\"BUY\",\"quantity\":\"lots\",\"price\":1}")
                .exchange().expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "quantity must be a number, was 'lots'",
                        "quantity"));
    }

    @Test
    void malformedJsonMissingFieldsAndZeroQuantityAreBadRequests() {
        ApiError malformed = checkText("{\"accountId\":").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        assertThat(malformed.field()).isNull();

        checkText("[]").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "order must be a JSON object", "order"));

        checkText("{\"side\":\"BUY\",\"quantity\":5,\"price\":1}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "accountId is required; instrumentId is required", "accountId"));

        check(order(ACCOUNT, AAPL, "BUY", 0, 100)).expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "quantity must be a positive number, was 0.0", "quantity"));
    }

    @Test
    void unknownAccountOrInstrumentIsNotFound() {
        check(order("NOPE", AAPL, "BUY", 10, 100)).expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "account 'NOPE' not found", null));
        check(order(ACCOUNT, "NOPE", "BUY", 10, 100)).expectStatus().isNotFound()
                .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "instrument 'NOPE' not found", null));
    }

    private static void assertLimit(PreTradeAnswer.LimitCheck limit, String metric, double before, double after) {
        assertThat(limit.metric()).isEqualTo(metric);
        assertThat(limit.utilizationBefore()).isCloseTo(before, within(EPS));
        assertThat(limit.utilizationAfter()).isCloseTo(after, within(EPS));
    }

    private static Map<String, PreTradeAnswer.LimitCheck> byId(PreTradeAnswer answer) {
        Map<String, PreTradeAnswer.LimitCheck> out = new LinkedHashMap<>();
        answer.limits().forEach(l -> out.put(l.limitId(), l));
        return out;
    }

    private static Map<String, Object> limit(String limitId, String scope, String target, String metric, double maxValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", ACCOUNT);
        m.put("limitId", limitId);
        m.put("scope", scope);
        if (target != null) {
            m.put("target", target);
        }
        m.put("metric", metric);
        m.put("maxValue", maxValue);
        return m;
    }

    private static Map<String, Object> order(String accountId, String instrumentId, String side, double quantity,
                                             double price) {
        return Map.of("accountId", accountId, "instrumentId", instrumentId, "side", side, "quantity", quantity,
                "price", price);
    }

    private WebTestClient.ResponseSpec checkText(String json) {
        return web.post().uri("/api/v1/pretrade/check").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec check(Map<String, Object> order) {
        return web.post().uri("/api/v1/pretrade/check").contentType(MediaType.APPLICATION_JSON).bodyValue(order).exchange();
    }
}
