package io.riskgrid.api.demo;

import io.riskgrid.api.account.AccountSummary;
import io.riskgrid.api.risk.RiskStatus;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.compute.ingest.IngestCounters;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo without the simulator ({@code riskgrid demo --no-simulator}): the demo book is in the
 * grid as soon as the API answers, and nothing trades.
 */
@GridApiTest
class DemoDataIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-demo-data");

    @Autowired
    private WebTestClient web;
    @Autowired
    private Ignite ignite;

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

    @Test
    void demoBookIsLoadedAtStart() {
        List<AccountSummary> accounts = web.get().uri("/api/v1/accounts").exchange()
                .expectStatus().isOk()
                .expectBodyList(AccountSummary.class).returnResult().getResponseBody();
        assertThat(accounts).hasSize(100).allMatch(a -> a.tradingState().equals("ACTIVE"));
        assertThat(accounts.get(0).accountId()).isEqualTo("ACC-001");

        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM INSTRUMENTS")).isEqualTo(50);
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM PRICES")).isEqualTo(50);
        // Seven default limits per account: gross, net, leverage, concentration, daily loss, drawdown, VaR 99.
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM LIMITS")).isEqualTo(700);
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM LIMITS WHERE ACCOUNT_ID = 'ACC-042'")).isEqualTo(7);
    }

    @Test
    void nothingTradesWithoutTheSimulator() {
        double totalInitialEquity = DemoBook.DEFAULT.accounts().stream().mapToDouble(Account::initialEquity).sum();
        RiskStatus status = web.get().uri("/api/v1/risk/status").exchange()
                .expectStatus().isOk()
                .expectBody(RiskStatus.class).returnResult().getResponseBody();
        assertThat(status.accounts()).isEqualTo(100);
        assertThat(status.equity()).isCloseTo(totalInitialEquity, within(1e-6));
        assertThat(status.grossExposure()).isZero();
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM POSITIONS")).isZero();
    }

    @Test
    void loadingAgainAddsNothingAndKeepsPrices() {
        long pricesBefore = IngestCounters.pricesApplied();
        DemoDataLoader.Loaded again = new DemoDataLoader(ignite).load(DemoBook.DEFAULT, System.currentTimeMillis());
        assertThat(again).isEqualTo(new DemoDataLoader.Loaded(0, 0, 0));
        assertThat(IngestCounters.pricesApplied()).isEqualTo(pricesBefore);
        assertThat(ApiTestGrid.sqlCount(ignite, "SELECT COUNT(*) FROM LIMITS")).isEqualTo(700);
    }
}
