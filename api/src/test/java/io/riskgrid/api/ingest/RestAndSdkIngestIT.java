package io.riskgrid.api.ingest;

import io.riskgrid.api.account.PositionView;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.client.RiskGridClient;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
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
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The REST API and the Java SDK (over the thin-client port of the API's embedded node) feed the
 * same ingest task: a fill delivered once through each counts once, whichever comes first.
 */
@GridApiTest
class RestAndSdkIngestIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-rest-sdk");

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
    void fillSentThroughRestThenTheSdkCountsOnce() {
        ApiTestGrid.newAccount(ignite, "ACC-REST-FIRST");
        postFill(fill("rs-1", "ACC-REST-FIRST", XOM, "BUY", 30, 50)).isEqualTo(new FillsAccepted(1, 0));
        try (RiskGridClient sdk = connect()) {
            IngestResult again = sdk.publishFills(List.of(Fill.of("rs-1", "ACC-REST-FIRST", XOM, Side.BUY, 30, 50, 1000)));
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(1);

            assertThat(restQuantity("ACC-REST-FIRST")).isCloseTo(30, within(1e-9));
            List<List<?>> rows = sdk.sql("SELECT QUANTITY FROM POSITIONS WHERE ACCOUNT_ID = ? AND INSTRUMENT_ID = ?",
                    "ACC-REST-FIRST", XOM);
            assertThat(((Number) rows.get(0).get(0)).doubleValue()).isCloseTo(30, within(1e-9));
        }
    }

    @Test
    void fillSentThroughTheSdkThenRestCountsOnce() {
        ApiTestGrid.newAccount(ignite, "ACC-SDK-FIRST");
        try (RiskGridClient sdk = connect()) {
            IngestResult first = sdk.publishFills(List.of(Fill.of("sr-1", "ACC-SDK-FIRST", XOM, Side.SELL, 12, 50, 1000)));
            assertThat(first.accepted()).isEqualTo(1);
        }
        postFill(fill("sr-1", "ACC-SDK-FIRST", XOM, "SELL", 12, 50)).isEqualTo(new FillsAccepted(0, 1));
        assertThat(restQuantity("ACC-SDK-FIRST")).isCloseTo(-12, within(1e-9));
    }

    private static RiskGridClient connect() {
        return RiskGridClient.connect("127.0.0.1:" + CLUSTER.thinPort());
    }

    private WebTestClient.BodySpec<FillsAccepted, ?> postFill(Object fill) {
        return web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(fill)).exchange()
                .expectStatus().isAccepted()
                .expectBody(FillsAccepted.class);
    }

    private double restQuantity(String accountId) {
        List<PositionView> positions = web.get().uri("/api/v1/accounts/{id}/positions", accountId).exchange()
                .expectStatus().isOk()
                .expectBodyList(PositionView.class).returnResult().getResponseBody();
        assertThat(positions).hasSize(1);
        return positions.get(0).quantity();
    }
}
