package io.riskgrid.api.account;

import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.ingest.FillsAccepted;
import io.riskgrid.api.risk.RiskStatus;
import io.riskgrid.api.risk.WorstAccount;
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
import static io.riskgrid.grid.testing.DemoFixture.ACC_B;
import static io.riskgrid.grid.testing.DemoFixture.ES;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The read side over real HTTP: accounts, account risk and firm status after a known set of fills,
 * every figure computed by hand from the fills, DemoFixture's prices and margin rates, and the
 * risk-score formula documented in {@code RiskScore} (0.25 x highest limit utilization + 0.20 x
 * leverage/10 + 0.25 x drawdown/15% + 0.15 x VaR/equity/10% + 0.075 x concentration + 0.075 x
 * margin/equity, each part capped at 1, times 100). These accounts have no limits and no VaR, so those
 * two parts are 0.
 */
@GridApiTest
class AccountApiIT {

    private static final double EPS = 1e-6;
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-accounts");

    // ACC-A: BUY 100 AAPL @100, BUY 100 @110, SELL 50 @120 -> 150 @105, realized 750, marked at 100:
    // unrealized -750, value 15,000. SELL 10 ES @5000 (contract 50) marked at 5000: value -2,500,000.
    private static final double A_EQUITY = 1_000_000;
    private static final double A_GROSS = 15_000 + 2_500_000;
    private static final double A_NET = 15_000 - 2_500_000;
    private static final double A_MARGIN = 15_000 * 0.25 + 2_500_000 * 0.10;
    private static final double A_CONCENTRATION = 2_500_000 / A_GROSS;
    private static final double A_SCORE = 100 * (0.20 * (A_GROSS / A_EQUITY) / 10 + 0.25 * 0
            + 0.075 * A_CONCENTRATION + 0.075 * (A_MARGIN / A_EQUITY));

    // ACC-B: BUY 1000 XOM @60 marked at 50: unrealized -10,000, value 50,000; equity 990,000 against a
    // peak of 1,000,000: drawdown 1%.
    private static final double B_EQUITY = 990_000;
    private static final double B_GROSS = 50_000;
    private static final double B_MARGIN = 50_000 * 0.25;
    private static final double B_DRAWDOWN = 10_000.0 / 1_000_000;
    private static final double B_SCORE = 100 * (0.20 * (B_GROSS / B_EQUITY) / 10 + 0.25 * (B_DRAWDOWN / 0.15)
            + 0.075 * 1.0 + 0.075 * (B_MARGIN / B_EQUITY));

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @BeforeAll
    static void trade(@Autowired Ignite ignite, @Autowired WebTestClient web) {
        DemoFixture.load(ignite);
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(
                        fill("a-1", ACC_A, AAPL, "BUY", 100, 100),
                        fill("a-2", ACC_A, AAPL, "BUY", 100, 110),
                        fill("a-3", ACC_A, AAPL, "SELL", 50, 120),
                        fill("a-4", ACC_A, ES, "SELL", 10, 5000),
                        fill("b-1", ACC_B, XOM, "BUY", 1000, 60)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(5, 0));
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void listsAccountsWithTheirTradingState() {
        List<AccountSummary> accounts = accounts("/api/v1/accounts");
        assertThat(accounts).containsExactly(
                new AccountSummary(ACC_A, "Alpha", "USD", 1_000_000, "MOMENTUM", "ACTIVE"),
                new AccountSummary(ACC_B, "Beta", "USD", 1_000_000, "MACRO", "ACTIVE"));
    }

    @Test
    void pagesAccountsWithLimitAndOffset() {
        assertThat(accounts("/api/v1/accounts?limit=1")).extracting(AccountSummary::accountId).containsExactly(ACC_A);
        assertThat(accounts("/api/v1/accounts?limit=1&offset=1")).extracting(AccountSummary::accountId).containsExactly(ACC_B);
        assertThat(accounts("/api/v1/accounts?offset=2")).isEmpty();
    }

    @Test
    void badPagingIsABadRequestNamingTheParameter() {
        assertThat(error("/api/v1/accounts?limit=0", 400))
                .isEqualTo(new ApiError("bad_request", "limit must be between 1 and 10000, was 0", "limit"));
        assertThat(error("/api/v1/accounts?limit=abc", 400))
                .isEqualTo(new ApiError("bad_request", "limit must be a whole number, was 'abc'", "limit"));
        assertThat(error("/api/v1/accounts?offset=-1", 400).field()).isEqualTo("offset");
    }

    @Test
    void riskOfAnAccountWithMixedPositionsComputedByHand() {
        AccountRiskSnapshot r = risk(ACC_A);
        assertThat(r.accountId()).isEqualTo(ACC_A);
        assertThat(r.equity()).isCloseTo(A_EQUITY, within(EPS));
        assertThat(r.realizedPnl()).isCloseTo(750, within(EPS));
        assertThat(r.unrealizedPnl()).isCloseTo(-750, within(EPS));
        assertThat(r.pnlTotal()).isCloseTo(0, within(EPS));
        assertThat(r.dailyPnl()).isCloseTo(0, within(EPS));
        assertThat(r.grossExposure()).isCloseTo(A_GROSS, within(EPS));
        assertThat(r.netExposure()).isCloseTo(A_NET, within(EPS));
        assertThat(r.leverage()).isCloseTo(2.515, within(EPS));
        assertThat(r.marginUsed()).isCloseTo(253_750, within(EPS));
        assertThat(r.marginAvailable()).isCloseTo(746_250, within(EPS));
        assertThat(r.maxConcentration()).isCloseTo(A_CONCENTRATION, within(EPS));
        assertThat(r.maxConcentrationInstrument()).isEqualTo(ES);
        assertThat(r.peakEquity()).isCloseTo(1_000_000, within(EPS));
        assertThat(r.drawdown()).isCloseTo(0, within(EPS));
        assertThat(r.var95()).isNull();
        assertThat(r.var99()).isNull();
        assertThat(r.riskScore()).isCloseTo(A_SCORE, within(EPS));
        assertThat(r.scoreComponents().leverage()).isCloseTo(0.2515, within(EPS));
        assertThat(r.scoreComponents().drawdown()).isCloseTo(0, within(EPS));
        assertThat(r.scoreComponents().concentration()).isCloseTo(A_CONCENTRATION, within(EPS));
        assertThat(r.scoreComponents().margin()).isCloseTo(0.25375, within(EPS));
        assertThat(r.positionCount()).isEqualTo(2);
        assertThat(r.tradingState()).isEqualTo("ACTIVE");
        assertThat(r.updatedAt()).isPositive();
    }

    @Test
    void riskOfAnAccountInDrawdownComputedByHand() {
        AccountRiskSnapshot r = risk(ACC_B);
        assertThat(r.equity()).isCloseTo(B_EQUITY, within(EPS));
        assertThat(r.unrealizedPnl()).isCloseTo(-10_000, within(EPS));
        assertThat(r.dailyPnl()).isCloseTo(-10_000, within(EPS));
        assertThat(r.grossExposure()).isCloseTo(B_GROSS, within(EPS));
        assertThat(r.netExposure()).isCloseTo(B_GROSS, within(EPS));
        assertThat(r.leverage()).isCloseTo(B_GROSS / B_EQUITY, within(EPS));
        assertThat(r.marginUsed()).isCloseTo(12_500, within(EPS));
        assertThat(r.maxConcentration()).isCloseTo(1.0, within(EPS));
        assertThat(r.maxConcentrationInstrument()).isEqualTo(XOM);
        assertThat(r.peakEquity()).isCloseTo(1_000_000, within(EPS));
        assertThat(r.drawdown()).isCloseTo(0.01, within(EPS));
        assertThat(r.scoreComponents().drawdown()).isCloseTo(0.01 / 0.15, within(EPS));
        assertThat(r.riskScore()).isCloseTo(B_SCORE, within(EPS));
    }

    @Test
    void unknownAccountIsNotFound() {
        ApiError expected = new ApiError("not_found", "account 'NOPE' not found", null);
        assertThat(error("/api/v1/accounts/NOPE/risk", 404)).isEqualTo(expected);
        assertThat(error("/api/v1/accounts/NOPE/positions", 404)).isEqualTo(expected);
    }

    @Test
    void firmStatusSumsAccountsAndRanksTheWorst() {
        RiskStatus status = web.get().uri("/api/v1/risk/status").exchange()
                .expectStatus().isOk()
                .expectBody(RiskStatus.class).returnResult().getResponseBody();
        assertThat(status.accounts()).isEqualTo(2);
        assertThat(status.equity()).isCloseTo(A_EQUITY + B_EQUITY, within(EPS));
        assertThat(status.pnlTotal()).isCloseTo(-10_000, within(EPS));
        assertThat(status.grossExposure()).isCloseTo(A_GROSS + B_GROSS, within(EPS));
        assertThat(status.netExposure()).isCloseTo(A_NET + B_GROSS, within(EPS));
        assertThat(status.tradingState()).isEqualTo("ACTIVE");
        // A_SCORE (about 27.5) is above B_SCORE (about 17.7).
        assertThat(A_SCORE).isGreaterThan(B_SCORE);
        assertThat(status.worstAccounts()).extracting(WorstAccount::accountId).containsExactly(ACC_A, ACC_B);
        WorstAccount worst = status.worstAccounts().get(0);
        assertThat(worst.riskScore()).isCloseTo(A_SCORE, within(EPS));
        assertThat(worst.leverage()).isCloseTo(2.515, within(EPS));
        assertThat(status.worstAccounts().get(1).drawdown()).isCloseTo(0.01, within(EPS));
    }

    private List<AccountSummary> accounts(String uri) {
        return web.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBodyList(AccountSummary.class).returnResult().getResponseBody();
    }

    private AccountRiskSnapshot risk(String accountId) {
        return web.get().uri("/api/v1/accounts/{id}/risk", accountId).exchange()
                .expectStatus().isOk()
                .expectBody(AccountRiskSnapshot.class).returnResult().getResponseBody();
    }

    private ApiError error(String uri, int status) {
        return web.get().uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(ApiError.class).returnResult().getResponseBody();
    }
}
