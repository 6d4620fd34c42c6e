package io.riskgrid.api.alert;

import io.riskgrid.api.account.AccountRiskSnapshot;
import io.riskgrid.api.audit.AuditEntry;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.ingest.FillsAccepted;
import io.riskgrid.api.limit.LimitView;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The alert desk over real HTTP: a fill that crosses a limit raises an alert through the grid's
 * breach engine (asynchronously, hence awaitility), which is listed, acknowledged and audited;
 * an alert whose breach closes is resolved and can no longer be acknowledged; and the alert
 * counters reach Prometheus. Severities are worked out by hand from the default thresholds
 * (LOW 0.50, MEDIUM 0.75, HIGH 0.90, CRITICAL 1.00) and DemoFixture's prices (AAPL 100, XOM 50).
 * Each test uses an account of its own, and only {@link #crossingFillRaisesAnAlertThatIsAcknowledgedAudited
 * AndCounted} raises a GROSS_NOTIONAL alert, so its counter is exact.
 */
@GridApiTest
@AutoConfigureObservability(tracing = false)
class AlertsApiIT {

    private static final double EPS = 1e-9;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-alerts");

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
    void crossingFillRaisesAnAlertThatIsAcknowledgedAuditedAndCounted() {
        ApiTestGrid.newAccount(ignite, "ACC-AL1");
        putLimit(limit("ACC-AL1", "GROSS", "ACCOUNT", null, "GROSS_NOTIONAL", 50_000, null));
        fills(fill("al1-1", "ACC-AL1", AAPL, "BUY", 600, 100));

        // 600 AAPL x 100 = 60,000 gross against 50,000: utilization 1.2, at or above CRITICAL's 1.00.
        await().atMost(WAIT).untilAsserted(() -> assertThat(active("accountId=ACC-AL1")).hasSize(1));
        AlertView raised = active("accountId=ACC-AL1").get(0);
        assertThat(raised.alertId()).isEqualTo("ACC-AL1-A1");
        assertThat(raised.accountId()).isEqualTo("ACC-AL1");
        assertThat(raised.limitId()).isEqualTo("GROSS");
        assertThat(raised.metric()).isEqualTo("GROSS_NOTIONAL");
        assertThat(raised.severity()).isEqualTo("CRITICAL");
        assertThat(raised.status()).isEqualTo("ACTIVE");
        assertThat(raised.currentValue()).isCloseTo(60_000, within(EPS));
        assertThat(raised.limitValue()).isCloseTo(50_000, within(EPS));
        assertThat(raised.utilization()).isCloseTo(1.2, within(EPS));
        assertThat(raised.peakUtilization()).isCloseTo(1.2, within(EPS));
        assertThat(raised.warnAt()).isCloseTo(0.8, within(EPS));
        assertThat(raised.scope()).isEqualTo("ACCOUNT");
        assertThat(raised.target()).isNull();
        assertThat(raised.createdAt()).isPositive();
        assertThat(raised.severitySince()).isEqualTo(raised.createdAt());
        assertThat(raised.ackBy()).isNull();
        assertThat(raised.resolvedAt()).isNull();

        // The account's risk shows the breach on its limit, with the alert's id.
        AccountRiskSnapshot risk = web.get().uri("/api/v1/accounts/ACC-AL1/risk").exchange()
                .expectStatus().isOk().expectBody(AccountRiskSnapshot.class).returnResult().getResponseBody();
        assertThat(risk.openBreaches()).isEqualTo(1);
        assertThat(risk.worstLimitId()).isEqualTo("GROSS");
        assertThat(risk.maxLimitUtilization()).isCloseTo(1.2, within(EPS));
        // The score's limits component is the worst utilization capped at 1.
        assertThat(risk.scoreComponents().limits()).isEqualTo(1.0);
        assertThat(risk.limits()).containsExactly(
                new AccountRiskSnapshot.LimitState("GROSS", 50_000, 60_000.0, 1.2, "CRITICAL", "ACC-AL1-A1"));

        AlertView acknowledged = web.post().uri("/api/v1/alerts/ACC-AL1-A1/acknowledge")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "bob", "comment", "cutting the AAPL position"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AlertView.class).returnResult().getResponseBody();
        assertThat(acknowledged.status()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.ackBy()).isEqualTo("bob");
        assertThat(acknowledged.ackAt()).isPositive();
        assertThat(acknowledged.severity()).isEqualTo("CRITICAL");
        // An acknowledged alert is still open.
        assertThat(active("accountId=ACC-AL1")).extracting(AlertView::status).containsExactly("ACKNOWLEDGED");

        List<AuditEntry> audit = web.get().uri("/api/v1/audit?accountId=ACC-AL1&action=alert_acknowledged").exchange()
                .expectStatus().isOk()
                .expectBodyList(AuditEntry.class).returnResult().getResponseBody();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor()).isEqualTo("bob");
        assertThat(audit.get(0).reason()).isEqualTo("cutting the AAPL position");
        assertThat(audit.get(0).before()).isEqualTo("ACTIVE");
        assertThat(audit.get(0).after()).isEqualTo("ACKNOWLEDGED");
        assertThat(audit.get(0).details()).contains("ACC-AL1-A1");

        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus())
                .contains("riskgrid_alerts_raised_total{metric=\"GROSS_NOTIONAL\",severity=\"CRITICAL\"} 1.0")
                .contains("riskgrid_alerts_acknowledged_total{severity=\"CRITICAL\"} 1.0"));
        String metrics = prometheus();
        assertThat(gauge(metrics, "riskgrid_alerts_active{severity=\"CRITICAL\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.lines().filter(l -> l.startsWith("riskgrid_alerts_")))
                .noneMatch(l -> l.toLowerCase(Locale.ROOT).contains("account") || l.contains("ACC-"));
    }

    @Test
    void activeAlertsAreSortedMostSevereFirstAndFilteredBySeverity() {
        ApiTestGrid.newAccount(ignite, "ACC-AL2");
        putLimit(limit("ACC-AL2", "QTY", "ACCOUNT", null, "POSITION_QTY", 500, null));
        putLimit(limit("ACC-AL2", "NET", "ACCOUNT", null, "NET_NOTIONAL", 100_000, 0.5));
        fills(fill("al2-1", "ACC-AL2", AAPL, "BUY", 600, 100));

        // QTY: 600 of 500 = 1.2, CRITICAL. NET: 60,000 of 100,000 = 0.6, past its warn level 0.5 and
        // between LOW's 0.50 and MEDIUM's 0.75: LOW.
        await().atMost(WAIT).untilAsserted(() -> assertThat(active("accountId=ACC-AL2")).hasSize(2));
        List<AlertView> alerts = active("accountId=ACC-AL2");
        assertThat(alerts).extracting(AlertView::limitId).containsExactly("QTY", "NET");
        assertThat(alerts).extracting(AlertView::severity).containsExactly("CRITICAL", "LOW");
        assertThat(alerts.get(1).utilization()).isCloseTo(0.6, within(EPS));

        assertThat(active("accountId=ACC-AL2&severity=low")).extracting(AlertView::limitId).containsExactly("NET");
        assertThat(active("accountId=ACC-AL2&limit=1&offset=1")).extracting(AlertView::limitId).containsExactly("NET");
        web.get().uri("/api/v1/alerts/active?severity=SEVERE").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "severity must be one of LOW, MEDIUM, HIGH, CRITICAL, was 'SEVERE'", "severity"));
    }

    @Test
    void closedBreachIsResolvedKeptInHistoryAndCannotBeAcknowledged() {
        ApiTestGrid.newAccount(ignite, "ACC-AL3");
        putLimit(limit("ACC-AL3", "INSTRUMENT:XOM:POSITION_QTY", "INSTRUMENT", XOM, "POSITION_QTY", 1_000, null));
        long before = System.currentTimeMillis();
        fills(fill("al3-1", "ACC-AL3", XOM, "BUY", 950, 50));

        // 950 XOM of 1,000 = 0.95: at or above HIGH's 0.90, below CRITICAL's 1.00.
        await().atMost(WAIT).untilAsserted(() -> assertThat(active("accountId=ACC-AL3"))
                .extracting(AlertView::severity).containsExactly("HIGH"));

        // Selling it all leaves 0 of 1,000, below the warn level 0.8 less the hysteresis 0.05: resolved.
        fills(fill("al3-2", "ACC-AL3", XOM, "SELL", 950, 50));
        await().atMost(WAIT).untilAsserted(() -> assertThat(active("accountId=ACC-AL3")).isEmpty());
        long after = System.currentTimeMillis();

        List<AlertView> history = history("accountId=ACC-AL3&from=" + before + "&to=" + after);
        assertThat(history).hasSize(1);
        AlertView resolved = history.get(0);
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.utilization()).isCloseTo(0, within(EPS));
        assertThat(resolved.peakUtilization()).isCloseTo(0.95, within(EPS));
        assertThat(history("accountId=ACC-AL3&from=" + (after + 1))).isEmpty();

        web.post().uri("/api/v1/alerts/{id}/acknowledge", resolved.alertId()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(ApiError.class).isEqualTo(new ApiError("conflict",
                        "alert 'ACC-AL3-A1' is RESOLVED and can no longer be acknowledged", null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus())
                .contains("riskgrid_alerts_resolved_total{metric=\"POSITION_QTY\"}"));
    }

    @Test
    void unknownAlertIsNotFoundAndABackwardRangeIsABadRequest() {
        for (String id : List.of("ACC-A-A999", "not-an-alert")) {
            web.post().uri("/api/v1/alerts/{id}/acknowledge", id).exchange()
                    .expectStatus().isNotFound()
                    .expectBody(ApiError.class).isEqualTo(new ApiError("not_found", "alert '" + id + "' not found", null));
        }
        web.get().uri("/api/v1/alerts/history?from=5&to=3").exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "from must not be after to, was from 5 and to 3", "from"));
    }

    @Test
    void badPagingAndParametersOfTheWrongTypeAreBadRequestsNamingThem() {
        assertThat(badGet("/api/v1/alerts/active?limit=0"))
                .isEqualTo(new ApiError("bad_request", "limit must be between 1 and 10000, was 0", "limit"));
        assertThat(badGet("/api/v1/alerts/active?limit=many"))
                .isEqualTo(new ApiError("bad_request", "limit must be a whole number, was 'many'", "limit"));
        assertThat(badGet("/api/v1/alerts/history?offset=-1"))
                .isEqualTo(new ApiError("bad_request", "offset must be zero or positive, was -1", "offset"));
        assertThat(badGet("/api/v1/alerts/history?from=yesterday"))
                .isEqualTo(new ApiError("bad_request", "from must be a whole number, was 'yesterday'", "from"));
    }

    @Test
    void badAcknowledgementBodiesAreBadRequestsNamingTheField() {
        // The body is checked before the alert is looked up, so an unknown alert does not hide the problem.
        ApiError malformed = acknowledge("{\"actor\":").expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(malformed.message()).startsWith("request body is not valid JSON");
        acknowledge("{\"actor\":[\"bob\"]}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request", "actor must be a string", "actor"));
        acknowledge("{\"actor\":\"" + "a".repeat(101) + "\"}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "actor must be at most 100 characters, was 101", "actor"));
        acknowledge("{\"comment\":\"" + "c".repeat(1001) + "\"}").expectStatus().isBadRequest()
                .expectBody(ApiError.class).isEqualTo(new ApiError("bad_request",
                        "comment must be at most 1000 characters, was 1001", "comment"));
    }

    private WebTestClient.ResponseSpec acknowledge(String json) {
        return web.post().uri("/api/v1/alerts/ACC-A-A1/acknowledge").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private ApiError badGet(String uri) {
        return web.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> limit(String accountId, String limitId, String scope, String target,
                                             String metric, double maxValue, Double warnAt) {
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
        return m;
    }

    private void putLimit(Map<String, Object> limit) {
        web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON).bodyValue(limit).exchange()
                .expectStatus().isOk()
                .expectBodyList(LimitView.class).hasSize(1);
    }

    private void fills(Map<?, ?>... fills) {
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(fills)).exchange()
                .expectStatus().isAccepted()
                .expectBody(FillsAccepted.class).isEqualTo(new FillsAccepted(fills.length, 0));
    }

    private List<AlertView> active(String query) {
        return web.get().uri("/api/v1/alerts/active?" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(AlertView.class).returnResult().getResponseBody();
    }

    private List<AlertView> history(String query) {
        return web.get().uri("/api/v1/alerts/history?" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(AlertView.class).returnResult().getResponseBody();
    }

    private String prometheus() {
        return web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static double gauge(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the metrics"));
    }
}
