package io.riskgrid.api.ingest;

import io.riskgrid.api.account.PositionView;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.PriceRow;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.api.testing.ApiTestGrid.price;
import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/v1/prices} over real HTTP: a price re-marks the positions in its instrument
 * (checked by hand), an older price changes nothing, and bad prices are answered 400 naming the
 * field with nothing stored. Each test that trades uses an account of its own.
 */
@GridApiTest
class PriceIngestApiIT {

    private static final double EPS = 1e-9;
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-prices");

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
    void priceRemarksOpenPositionsComputedByHand() {
        ApiTestGrid.newAccount(ignite, "ACC-MARK");
        postFills(List.of(
                fill("mark-1", "ACC-MARK", XOM, "BUY", 10, 50),
                fill("mark-2", "ACC-MARK", ES, "SELL", 2, 5000)));

        long now = System.currentTimeMillis();
        web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(price(XOM, 55, now), price(ES, 4990, now)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(PricesAccepted.class).isEqualTo(new PricesAccepted(2));

        Map<String, PositionView> book = positions("ACC-MARK");
        // XOM: long 10 from 50, marked at 55: unrealized 10*(55-50) = 50, value 10*55 = 550.
        PositionView xom = book.get(XOM);
        assertThat(xom.markPrice()).isCloseTo(55, within(EPS));
        assertThat(xom.unrealizedPnl()).isCloseTo(50, within(EPS));
        assertThat(xom.marketValue()).isCloseTo(550, within(EPS));
        // ES (contract size 50): short 2 from 5000, marked at 4990: unrealized -2*(4990-5000)*50 = 1000,
        // value -2*4990*50 = -499,000.
        PositionView es = book.get(ES);
        assertThat(es.markPrice()).isCloseTo(4990, within(EPS));
        assertThat(es.unrealizedPnl()).isCloseTo(1000, within(EPS));
        assertThat(es.marketValue()).isCloseTo(-499_000, within(EPS));
    }

    @Test
    void olderPriceDoesNotReplaceANewerOne() {
        ApiTestGrid.newAccount(ignite, "ACC-STALE");
        postFills(List.of(fill("stale-1", "ACC-STALE", AAPL, "BUY", 10, 100)));
        long now = System.currentTimeMillis();
        postPrices(List.of(price(AAPL, 120, now))).expectStatus().isAccepted()
                .expectBody(PricesAccepted.class).isEqualTo(new PricesAccepted(1));
        postPrices(List.of(price(AAPL, 90, now - 60_000))).expectStatus().isAccepted()
                .expectBody(PricesAccepted.class).isEqualTo(new PricesAccepted(1));

        // Marked at 120, the newer price: unrealized 10*(120-100) = 200.
        PositionView aapl = positions("ACC-STALE").get(AAPL);
        assertThat(aapl.markPrice()).isCloseTo(120, within(EPS));
        assertThat(aapl.unrealizedPnl()).isCloseTo(200, within(EPS));
    }

    @Test
    void unknownInstrumentIsRejectedNamingTheField() {
        ApiError error = postPrices(List.of(price("NOPE", 10, 5)))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error).isEqualTo(new ApiError("bad_request", "prices[0].instrumentId: unknown instrument 'NOPE'",
                "prices[0].instrumentId"));
    }

    @Test
    void batchWithABadPriceStoresNothing() {
        ApiError error = postPrices(List.of(price(XOM, 77, System.currentTimeMillis()), price(XOM, -1, 5)))
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(error).isEqualTo(new ApiError("bad_request", "prices[1].price must be a positive number, was -1.0",
                "prices[1].price"));
        PriceRow stored = ignite.<String, PriceRow>cache(GridTables.PRICES).get(XOM);
        assertThat(stored.price).isNotEqualTo(77);
    }

    @Test
    void missingTimestampAndEmptyBatchAreBadRequests() {
        ApiError missing = web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"instrumentId\":\"XOM\",\"price\":51}]").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(missing).isEqualTo(new ApiError("bad_request", "prices[0].timestamp is required", "prices[0].timestamp"));

        ApiError empty = postPrices(List.of()).expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(empty).isEqualTo(new ApiError("bad_request", "prices must hold at least one price", "prices"));
    }

    @Test
    void malformedJsonWrongTypesAndFractionalTimestampsAreBadRequestsStoringNothing() {
        ApiError malformed = postText("[{\"instrumentId\":\"XOM\",").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        assertThat(malformed.field()).isNull();

        ApiError wrongType = postText("[{\"instrumentId\":\"XOM\",\"price\":\"cheap\",\"timestamp\":1}]")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(wrongType).isEqualTo(new ApiError("bad_request", "prices[0].price must be a number, was 'cheap'",
                "prices[0].price"));

        ApiError fraction = postText("[{\"instrumentId\":\"XOM\",\"price\":51,\"timestamp\":1.5}]")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(fraction).isEqualTo(new ApiError("bad_request", "prices[0].timestamp must be a whole number, was '1.5'",
                "prices[0].timestamp"));

        ApiError notArray = postText("{\"instrumentId\":\"XOM\",\"price\":51,\"timestamp\":1}")
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(notArray).isEqualTo(new ApiError("bad_request", "prices must be a JSON array", "prices"));

        // No test sends 51 for XOM, so it is not what is stored.
        assertThat(ignite.<String, PriceRow>cache(GridTables.PRICES).get(XOM).price).isNotEqualTo(51);
    }

    private WebTestClient.ResponseSpec postText(String json) {
        return web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private void postFills(List<?> fills) {
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(fills).exchange()
                .expectStatus().isAccepted()
                .expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(fills.size(), 0));
    }

    private WebTestClient.ResponseSpec postPrices(List<?> prices) {
        return web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON).bodyValue(prices).exchange();
    }

    private Map<String, PositionView> positions(String accountId) {
        return web.get().uri("/api/v1/accounts/{id}/positions", accountId).exchange()
                .expectStatus().isOk()
                .expectBodyList(PositionView.class).returnResult().getResponseBody()
                .stream().collect(Collectors.toMap(PositionView::instrumentId, Function.identity()));
    }
}
