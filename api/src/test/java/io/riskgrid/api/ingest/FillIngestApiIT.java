package io.riskgrid.api.ingest;

import io.riskgrid.api.account.PositionView;
import io.riskgrid.api.error.ApiError;
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

import java.util.List;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ACC_A;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/v1/fills} over real HTTP into a real grid node: positions checked against a
 * hand calculation, idempotence by fill id, and every kind of bad input answered 400 with the
 * field at fault and nothing applied. Each test that changes a book uses an account of its own.
 */
@GridApiTest
class FillIngestApiIT {

    private static final double EPS = 1e-9;
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-fills");

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
    void fillsBuildThePositionComputedByHand() {
        FillsAccepted accepted = post(List.of(
                fill("hand-1", ACC_A, AAPL, "BUY", 100, 100),
                fill("hand-2", ACC_A, AAPL, "BUY", 100, 110),
                fill("hand-3", ACC_A, AAPL, "SELL", 50, 120)))
                .expectStatus().isAccepted()
                .expectBody(FillsAccepted.class).returnResult().getResponseBody();
        assertThat(accepted).isEqualTo(new FillsAccepted(3, 0));

        // 200 bought at (100*100 + 100*110)/200 = 105; selling 50 at 120 realizes 50*(120-105) = 750.
        // 150 left, marked at DemoFixture's AAPL price 100: unrealized 150*(100-105) = -750, value 15,000.
        PositionView p = onlyPosition(ACC_A);
        assertThat(p.instrumentId()).isEqualTo(AAPL);
        assertThat(p.quantity()).isCloseTo(150, within(EPS));
        assertThat(p.avgPrice()).isCloseTo(105, within(EPS));
        assertThat(p.realizedPnl()).isCloseTo(750, within(EPS));
        assertThat(p.unrealizedPnl()).isCloseTo(-750, within(EPS));
        assertThat(p.marketValue()).isCloseTo(15_000, within(EPS));
        assertThat(p.markPrice()).isCloseTo(100, within(EPS));
        assertThat(p.updatedAt()).isPositive();
    }

    @Test
    void fillDeliveredTwiceCountsOnce() {
        ApiTestGrid.newAccount(ignite, "ACC-TWICE");
        List<?> once = List.of(fill("twice-1", "ACC-TWICE", XOM, "BUY", 40, 50));
        post(once).expectStatus().isAccepted().expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(1, 0));
        post(once).expectStatus().isAccepted().expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(0, 1));

        assertThat(onlyPosition("ACC-TWICE").quantity()).isCloseTo(40, within(EPS));
    }

    @Test
    void batchWithOneBadFillIsRejectedWholeNamingTheField() {
        ApiTestGrid.newAccount(ignite, "ACC-BAD");
        ApiError error = post(List.of(
                fill("bad-1", "ACC-BAD", AAPL, "BUY", 10, 100),
                fill("bad-2", "ACC-BAD", AAPL, "BUY", -5, 100)))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.error()).isEqualTo("bad_request");
        assertThat(error.message()).isEqualTo("fills[1].quantity must be a positive number, was -5.0");
        assertThat(error.field()).isEqualTo("fills[1].quantity");

        // The good fill of the rejected batch was not applied: no position, and it is new when sent alone.
        assertThat(positions("ACC-BAD")).isEmpty();
        post(List.of(fill("bad-1", "ACC-BAD", AAPL, "BUY", 10, 100)))
                .expectStatus().isAccepted().expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(1, 0));
    }

    @Test
    void everyProblemOfABatchIsReportedTogether() {
        ApiError error = postJson("""
                [{"fillId":"m-1","accountId":"ACC-B","instrumentId":"AAPL","side":"HOLD","quantity":1,"price":1,"timestamp":1},
                 {"fillId":"m-2","accountId":"ACC-B","instrumentId":"AAPL","side":"SELL","quantity":1,"timestamp":1}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.message()).isEqualTo("fills[0].side must be BUY or SELL, was 'HOLD'; fills[1].price is required");
        assertThat(error.field()).isEqualTo("fills[0].side");
        assertThat(positions("ACC-B")).isEmpty();
    }

    @Test
    void unknownAccountIsRejectedNamingTheFieldAndNothingIsApplied() {
        ApiTestGrid.newAccount(ignite, "ACC-REF");
        ApiError error = post(List.of(
                fill("ref-1", "ACC-REF", AAPL, "BUY", 10, 100),
                fill("ref-2", "ACC-NOPE", AAPL, "BUY", 10, 100)))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.error()).isEqualTo("bad_request");
        assertThat(error.field()).isEqualTo("fills[1].accountId");
        assertThat(error.message()).isEqualTo("fills[1].accountId: unknown account 'ACC-NOPE'");
        assertThat(positions("ACC-REF")).isEmpty();
    }

    @Test
    void unknownInstrumentIsRejectedNamingTheField() {
        ApiError error = post(List.of(fill("inst-1", "ACC-B", "NOPE", "BUY", 10, 100)))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.field()).isEqualTo("fills[0].instrumentId");
        assertThat(error.message()).contains("unknown instrument 'NOPE'");
    }

    @Test
    void missingFieldIsRejectedNamingIt() {
        ApiError error = postJson("""
                [{"fillId":"np-1","accountId":"ACC-B","instrumentId":"AAPL","side":"BUY","quantity":5,"timestamp":1}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error).isEqualTo(new ApiError("bad_request", "fills[0].price is required", "fills[0].price"));

        ApiError noId = postJson("""
                [{"accountId":"ACC-B","instrumentId":"AAPL","side":"BUY","quantity":5,"price":1,"timestamp":1}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(noId).isEqualTo(new ApiError("bad_request", "fills[0].fillId is required", "fills[0].fillId"));
    }

    @Test
    void malformedJsonIsABadRequestThatLeaksNoInternals() {
        String body = postJson("[{\"fillId\": \"x\", ")
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"error\":\"bad_request\"").contains("request body is not valid JSON");
        assertThat(body.toLowerCase()).doesNotContain("jackson", "fasterxml", "exception", "io.riskgrid", "ignite");
    }

    @Test
    void wrongTypeIsABadRequestNamingTheField() {
        ApiError error = postJson("""
                [{"fillId":"wt-1","accountId":"ACC-B","instrumentId":"AAPL","side":"BUY","quantity":5,"price":1,"timestamp":1},
                 {"fillId":"wt-2","accountId":"ACC-B","instrumentId":"AAPL","side":"BUY","quantity":"abc","price":1,"timestamp":1}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error).isEqualTo(new ApiError("bad_request", "fills[1].quantity must be a number, was 'abc'",
                "fills[1].quantity"));
    }

    @Test
    void emptyArrayIsABadRequest() {
        ApiError error = postJson("[]").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error).isEqualTo(new ApiError("bad_request", "fills must hold at least one fill", "fills"));
    }

    @Test
    void bodyThatIsNotAnArrayOrIsMissingIsABadRequest() {
        ApiError notArray = postJson("{\"fillId\":\"x\"}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(notArray).isEqualTo(new ApiError("bad_request", "fills must be a JSON array", "fills"));

        ApiError missing = web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(missing).isEqualTo(new ApiError("bad_request", "request body is required", null));
    }

    @Test
    void nonJsonContentTypeIsRefused() {
        ApiError error = web.post().uri("/api/v1/fills").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error.error()).isEqualTo("unsupported_media_type");
        assertThat(error.message()).contains("application/json").doesNotContain("io.riskgrid");
    }

    @Test
    void fractionOrTextWhereAWholeNumberIsExpectedIsABadRequest() {
        ApiTestGrid.newAccount(ignite, "ACC-FRAC");
        ApiError fraction = postJson("""
                [{"fillId":"fr-1","accountId":"ACC-FRAC","instrumentId":"AAPL","side":"BUY","quantity":5,"price":1,"timestamp":1.5}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(fraction).isEqualTo(new ApiError("bad_request", "fills[0].timestamp must be a whole number, was '1.5'",
                "fills[0].timestamp"));

        ApiError text = postJson("""
                [{"fillId":"fr-2","accountId":"ACC-FRAC","instrumentId":"AAPL","side":"BUY","quantity":5,"price":1,"timestamp":"now"}]""")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(text).isEqualTo(new ApiError("bad_request", "fills[0].timestamp must be a whole number, was 'now'",
                "fills[0].timestamp"));
        assertThat(positions("ACC-FRAC")).isEmpty();
    }

    private WebTestClient.ResponseSpec post(List<?> fills) {
        return web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(fills).exchange();
    }

    private WebTestClient.ResponseSpec postJson(String json) {
        return web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private List<PositionView> positions(String accountId) {
        return web.get().uri("/api/v1/accounts/{id}/positions", accountId).exchange()
                .expectStatus().isOk()
                .expectBodyList(PositionView.class).returnResult().getResponseBody();
    }

    private PositionView onlyPosition(String accountId) {
        List<PositionView> all = positions(accountId);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
