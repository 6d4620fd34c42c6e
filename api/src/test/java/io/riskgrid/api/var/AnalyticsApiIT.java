package io.riskgrid.api.var;

import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.performance.PerformanceResult;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The stateless analytics endpoints over real HTTP: VaR three ways against figures worked out by
 * hand, return-series analytics against a hand-computed series, and each kind of bad input
 * refused with a 400 naming the field.
 */
@GridApiTest
class AnalyticsApiIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-analytics");
    /** Phi^-1(0.99), published tables / scipy.stats.norm.ppf(0.99). */
    private static final double Z99 = 2.3263478740408408;
    private static final double PHI_Z99 = Math.exp(-Z99 * Z99 / 2) / Math.sqrt(2 * Math.PI);
    /**
     * V = (1,000,000, 500,000), sigma = (2%, 3%), rho = 0.5: Sigma V = (0.0004 x 1e6 + 0.0003 x 5e5,
     * 0.0003 x 1e6 + 0.0009 x 5e5) = (550, 750), V' Sigma V = 5.5e8 + 3.75e8 = 9.25e8.
     */
    private static final double S = Math.sqrt(9.25e8);

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    private static Map<String, Object> twoAssets(String method) {
        Map<String, Object> body = new HashMap<>();
        body.put("positions", List.of(Map.of("instrumentId", "AAPL", "marketValue", 1_000_000),
                Map.of("instrumentId", "XOM", "marketValue", 500_000)));
        body.put("volatilities", List.of(0.02, 0.03));
        body.put("correlation", List.of(List.of(1.0, 0.5), List.of(0.5, 1.0)));
        body.put("confidence", 0.99);
        body.put("horizonDays", 1);
        body.put("method", method);
        return body;
    }

    private VarAnalyticsResult var(Map<String, Object> body) {
        return web.post().uri("/api/v1/analytics/var").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(VarAnalyticsResult.class).returnResult().getResponseBody();
    }

    private ApiError badVar(Object body) {
        return web.post().uri("/api/v1/analytics/var").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
    }

    @Test
    void parametricVarIsTheClosedFormWithEulerComponents() {
        VarAnalyticsResult r = var(twoAssets("PARAMETRIC"));
        assertThat(r.var()).isCloseTo(Z99 * S, within(1e-6));
        assertThat(r.cvar()).isCloseTo(S * PHI_Z99 / 0.01, within(1e-6));
        // Component i = z V_i (Sigma V)_i / s.
        assertThat(r.componentVar()).containsExactly(new double[] {Z99 * 5.5e8 / S, Z99 * 3.75e8 / S}, within(1e-6));
        assertThat(r.instrumentIds()).containsExactly("AAPL", "XOM");
        assertThat(r.method()).isEqualTo("PARAMETRIC");
        assertThat(r.correlationRepaired()).isFalse();
    }

    @Test
    void tenDayHorizonScalesBySquareRootOfTen() {
        Map<String, Object> body = twoAssets("PARAMETRIC");
        body.put("horizonDays", 10);
        assertThat(var(body).var()).isCloseTo(Z99 * S * Math.sqrt(10), within(1e-6));
    }

    @Test
    void monteCarloIsReproducibleFromItsSeedAndNearTheClosedForm() {
        Map<String, Object> body = twoAssets("MONTE_CARLO");
        body.put("paths", 100_000);
        body.put("seed", 99);
        VarAnalyticsResult a = var(body);
        VarAnalyticsResult b = var(body);
        assertThat(b.var()).isEqualTo(a.var());
        assertThat(b.cvar()).isEqualTo(a.cvar());
        assertThat(a.seed()).isEqualTo(99L);
        assertThat(a.scenarios()).isEqualTo(100_000);
        // Standard error of the 99% quantile of 100,000 normal draws: sqrt(p (1 - p) / n) / f(q),
        // f(q) = phi(z) / s; five of them.
        double se = Math.sqrt(0.01 * 0.99 / 100_000) / (PHI_Z99 / S);
        assertThat(a.var()).isCloseTo(Z99 * S, within(5 * se));
        body.put("seed", 100);
        assertThat(var(body).var()).isNotEqualTo(a.var());
    }

    @Test
    void historicalVarOnAHandCheckableSeries() {
        Map<String, Object> body = new HashMap<>();
        body.put("positions", List.of(Map.of("instrumentId", "A", "marketValue", 100),
                Map.of("instrumentId", "B", "marketValue", 200)));
        // P&L per row = 100 a + 200 b: 1, 0, -7, -3, 4.
        body.put("scenarioReturns", List.of(List.of(0.01, 0.0), List.of(-0.02, 0.01), List.of(0.03, -0.05),
                List.of(-0.01, -0.01), List.of(0.0, 0.02)));
        body.put("confidence", 0.8);
        body.put("method", "HISTORICAL");
        VarAnalyticsResult r = var(body);
        // Sorted -7, -3, 0, 1, 4; h = (5 - 1) x 0.2 = 0.8: -7 + 0.8 x (-3 - -7) = -3.8. Tail: k =
        // floor(0.8) = 0, the one smallest: -7.
        assertThat(r.var()).isCloseTo(3.8, within(1e-9));
        assertThat(r.cvar()).isCloseTo(7, within(1e-9));
        assertThat(r.scenarios()).isEqualTo(5);
    }

    @Test
    void correlationThatIsNotPositiveSemiDefiniteIsRejectedOrRepairedOnRequest() {
        Map<String, Object> body = new HashMap<>(twoAssets("PARAMETRIC"));
        body.put("positions", List.of(Map.of("instrumentId", "A", "marketValue", 100),
                Map.of("instrumentId", "B", "marketValue", 100), Map.of("instrumentId", "C", "marketValue", 100)));
        body.put("volatilities", List.of(0.01, 0.01, 0.01));
        // A and B both move with C but against each other: impossible (determinant 0.19 - 1.539 - 1.539 < 0).
        body.put("correlation", List.of(List.of(1.0, -0.9, 0.9), List.of(-0.9, 1.0, 0.9), List.of(0.9, 0.9, 1.0)));
        ApiError e = badVar(body);
        assertThat(e.field()).isEqualTo("correlation");
        assertThat(e.message()).contains("not positive semi-definite");
        body.put("repairCorrelation", true);
        VarAnalyticsResult r = var(body);
        assertThat(r.correlationRepaired()).isTrue();
        assertThat(r.var()).isPositive();
    }

    @Test
    void badVarInputIsRefusedNamingTheField() {
        Map<String, Object> b = twoAssets("PARAMETRIC");
        b.put("volatilities", List.of(0.02, 0.03, 0.04));
        ApiError e = badVar(b);
        assertThat(e.field()).isEqualTo("volatilities");
        assertThat(e.message()).isEqualTo("volatilities has 3 entries but positions has 2");

        b = twoAssets("PARAMETRIC");
        b.put("correlation", List.of(List.of(1.0, 0.3), List.of(0.2, 1.0)));
        e = badVar(b);
        assertThat(e.field()).isEqualTo("correlation");
        assertThat(e.message()).contains("symmetric");

        b = twoAssets("PARAMETRIC");
        b.put("correlation", List.of(List.of(1.0, 1.5), List.of(1.5, 1.0)));
        e = badVar(b);
        assertThat(e.field()).isEqualTo("correlation");
        assertThat(e.message()).contains("[-1, 1]");

        b = twoAssets("PARAMETRIC");
        b.put("confidence", 1.2);
        e = badVar(b);
        assertThat(e.field()).isEqualTo("confidence");
        assertThat(e.message()).contains("between 0 and 1");

        b = twoAssets("PARAMETRIC");
        b.put("positions", List.of());
        assertThat(badVar(b).field()).isEqualTo("positions");

        b = twoAssets("SIDEWAYS");
        e = badVar(b);
        assertThat(e.field()).isEqualTo("method");
        assertThat(e.message()).contains("PARAMETRIC, HISTORICAL, MONTE_CARLO");

        b = twoAssets("HISTORICAL");
        assertThat(badVar(b).field()).isEqualTo("scenarioReturns");

        b = twoAssets("PARAMETRIC");
        b.put("confidence", "high");
        assertThat(badVar(b).field()).isEqualTo("confidence");

        e = badVar("{\"positions\": [");
        assertThat(e.message()).contains("not valid JSON");
    }

    @Test
    void badVarInputMessagesNameTheProblem() {
        Map<String, Object> b = twoAssets("PARAMETRIC");
        b.put("confidence", "high");
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "confidence must be a number, was 'high'", "confidence"));

        b = twoAssets("PARAMETRIC");
        b.remove("confidence");
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "confidence is required, e.g. 0.99", "confidence"));

        b = twoAssets("PARAMETRIC");
        b.put("horizonDays", 0);
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "horizonDays must be at least 1, was 0", "horizonDays"));

        b = twoAssets("MONTE_CARLO");
        b.put("paths", 50);
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "paths must be between 100 and 1000000, was 50",
                "paths"));

        b = twoAssets("MONTE_CARLO");
        b.put("paths", 2500.5);
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "paths must be a whole number, was '2500.5'", "paths"));

        b = twoAssets("PARAMETRIC");
        b.put("positions", List.of(Map.of("instrumentId", "AAPL"), Map.of("instrumentId", "XOM", "marketValue", 1)));
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "positions[0].marketValue is required",
                "positions[0].marketValue"));

        b = twoAssets("PARAMETRIC");
        b.put("volatilities", List.of(0.02, -0.03));
        assertThat(badVar(b)).isEqualTo(new ApiError("bad_request", "volatilities[1] must be a number >= 0, was -0.03",
                "volatilities[1]"));
    }

    @Test
    void badPerformanceInputMessagesNameTheProblem() {
        ApiError malformed = badPerformanceJson("{\"returns\":[0.1,");
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        assertThat(malformed.field()).isNull();

        assertThat(badPerformanceJson("{}")).isEqualTo(new ApiError("bad_request",
                "returns is required: simple per-period returns, null for a missing one", "returns"));
        assertThat(badPerformanceJson("{\"returns\":\"x\"}"))
                .isEqualTo(new ApiError("bad_request", "returns must be a JSON array", "returns"));
        assertThat(badPerformanceJson("{\"returns\":[0.1,\"x\"]}"))
                .isEqualTo(new ApiError("bad_request", "returns[1] must be a number, was 'x'", "returns[1]"));
        assertThat(badPerformanceJson("{\"returns\":[0.1],\"periodsPerYear\":\"daily\"}"))
                .isEqualTo(new ApiError("bad_request", "periodsPerYear must be a whole number, was 'daily'", "periodsPerYear"));
        assertThat(badPerformanceJson("{\"returns\":[0.1],\"periodsPerYear\":2.5}"))
                .isEqualTo(new ApiError("bad_request", "periodsPerYear must be a whole number, was '2.5'", "periodsPerYear"));
        assertThat(badPerformanceJson("{\"returns\":[0.1],\"periodsPerYear\":0}"))
                .isEqualTo(new ApiError("bad_request", "periodsPerYear must be positive, was 0", "periodsPerYear"));
        assertThat(badPerformanceJson("{\"returns\":[0.1],\"confidence\":1.5}"))
                .isEqualTo(new ApiError("bad_request", "confidence must be between 0 and 1, was 1.5", "confidence"));
        assertThat(badPerformanceJson("{\"returns\":[0.1],\"riskFreeRate\":\"x\"}"))
                .isEqualTo(new ApiError("bad_request",
                        "riskFreeRate must be a number or an array of numbers aligned with returns", "riskFreeRate"));
        assertThat(badPerformanceJson("{\"returns\":[0.1,0.2],\"requiredReturn\":[0.0,\"a\"]}"))
                .isEqualTo(new ApiError("bad_request", "requiredReturn[1] must be a number", "requiredReturn[1]"));
    }

    private ApiError badPerformanceJson(String json) {
        return web.post().uri("/api/v1/analytics/performance").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> series(Object... returns) {
        Map<String, Object> body = new HashMap<>();
        body.put("returns", new ArrayList<>(Arrays.asList(returns)));
        body.put("periodsPerYear", 4);
        return body;
    }

    private PerformanceResult performance(Map<String, Object> body) {
        return web.post().uri("/api/v1/analytics/performance").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(PerformanceResult.class).returnResult().getResponseBody();
    }

    private ApiError badPerformance(Map<String, Object> body) {
        return web.post().uri("/api/v1/analytics/performance").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest().expectBody(ApiError.class).returnResult().getResponseBody();
    }

    @Test
    void performanceOfAHandComputedQuarterlySeries() {
        // Quarterly returns 10%, -5%, 2% and one missing quarter (N = 4 periods, n = 3 returns).
        Map<String, Object> body = series(0.10, -0.05, 0.02, null);
        body.put("benchmarkReturns", Arrays.asList(0.05, -0.05, 0.0, 0.01));
        PerformanceResult r = performance(body);
        assertThat(r.observations()).isEqualTo(3);
        // Wealth 1 -> 1.10 -> 1.045 -> 1.0659.
        assertThat(r.totalReturn()).isCloseTo(0.0659, within(1e-12));
        // (1.0659)^(4/4) - 1.
        assertThat(r.annualReturn()).isCloseTo(0.0659, within(1e-12));
        // Mean 7/300; squared deviations (23^2 + 22^2 + 1^2) / 300^2 = 1014 / 90000, over n - 1 = 2.
        double sd = Math.sqrt(1014.0 / 90000 / 2);
        assertThat(r.annualVolatility()).isCloseTo(sd * 2, within(1e-12));
        assertThat(r.sharpe()).isCloseTo(7.0 / 300 / sd * 2, within(1e-12));
        // Downside: only -5% is below 0: sqrt(0.0025 / 3) x sqrt(4).
        double downside = Math.sqrt(0.0025 / 3) * 2;
        assertThat(r.downsideRisk()).isCloseTo(downside, within(1e-12));
        assertThat(r.sortino()).isCloseTo(7.0 / 300 * 4 / downside, within(1e-12));
        // Peak 1.10, trough 1.045: -5%.
        assertThat(r.maxDrawdown()).isCloseTo(-0.05, within(1e-12));
        assertThat(r.calmar()).isCloseTo(0.0659 / 0.05, within(1e-12));
        // Gains 0.10 + 0.02 over losses 0.05.
        assertThat(r.omega()).isCloseTo(2.4, within(1e-12));
        // Sorted -0.05, 0.02, 0.10; h = 2 x 0.05 = 0.1: -0.05 + 0.1 x 0.07 = -0.043; CVaR k = 0: -0.05.
        assertThat(r.var()).isCloseTo(-0.043, within(1e-12));
        assertThat(r.cvar()).isCloseTo(-0.05, within(1e-12));
        // Pairs where both exist: benchmark 0.05, -0.05, 0 (mean 0): slope = (0.05 x 23/300 + 0.05 x
        // 22/300) / (0.0025 + 0.0025) = 1.5; intercept 7/300 - 1.5 x 0, annualized (1 + 7/300)^4 - 1.
        assertThat(r.beta()).isCloseTo(1.5, within(1e-12));
        assertThat(r.alpha()).isCloseTo(Math.pow(1 + 7.0 / 300, 4) - 1, within(1e-12));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void undefinedFiguresAreNullWithAWarning() {
        PerformanceResult r = performance(series(0.01, 0.02, 0.03));
        assertThat(r.sortino()).isNull();
        assertThat(r.omega()).isNull();
        assertThat(r.calmar()).isNull();
        assertThat(r.maxDrawdown()).isEqualTo(0.0);
        assertThat(r.warnings()).anyMatch(w -> w.contains("sortino")).anyMatch(w -> w.contains("omega"))
                .anyMatch(w -> w.contains("calmar"));
        assertThat(r.alpha()).isNull();
        assertThat(r.beta()).isNull();
    }

    @Test
    void riskFreeRateMayBeASeries() {
        Map<String, Object> body = series(0.03, 0.01);
        body.put("riskFreeRate", List.of(0.01, 0.01));
        // Excess returns 0.02 and 0.00: mean 0.01, sd sqrt(2 x 0.0001 / 1) = 0.0141421; x sqrt(4).
        assertThat(performance(body).sharpe()).isCloseTo(0.01 / Math.sqrt(0.0002) * 2, within(1e-12));
    }

    @Test
    void badPerformanceInputIsRefusedNamingTheField() {
        ApiError e = badPerformance(series());
        assertThat(e.field()).isEqualTo("returns");
        assertThat(e.message()).isEqualTo("returns must not be empty");

        Map<String, Object> b = series(0.01, 0.02);
        b.put("benchmarkReturns", List.of(0.01));
        e = badPerformance(b);
        assertThat(e.field()).isEqualTo("benchmarkReturns");
        assertThat(e.message()).isEqualTo("benchmarkReturns has 1 entries but returns has 2");

        b = series(0.01, 0.02);
        b.put("confidence", 1.5);
        assertThat(badPerformance(b).field()).isEqualTo("confidence");

        b = series(0.01, 0.02);
        b.put("riskFreeRate", List.of(0.0, 0.0, 0.0));
        assertThat(badPerformance(b).field()).isEqualTo("riskFreeRate");

        b = new HashMap<>();
        assertThat(badPerformance(b).field()).isEqualTo("returns");

        b = series(0.01, 0.02);
        b.put("periodsPerYear", 0);
        assertThat(badPerformance(b).field()).isEqualTo("periodsPerYear");
    }
}
