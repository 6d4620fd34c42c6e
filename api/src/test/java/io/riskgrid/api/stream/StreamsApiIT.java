package io.riskgrid.api.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.ApiError;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.api.testing.SseClient;
import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.riskgrid.api.testing.ApiTestGrid.fill;
import static io.riskgrid.api.testing.ApiTestGrid.price;
import static io.riskgrid.grid.testing.DemoFixture.AAPL;
import static io.riskgrid.grid.testing.DemoFixture.XOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The risk and alert streams over real HTTP against an embedded grid node: what arrives, how soon,
 * filtered, throttled, resumed, and that a client that never reads holds up nobody. Figures are
 * worked out by hand from DemoFixture's prices (AAPL 100, XOM 50) and the default severity
 * thresholds (HIGH from 0.90, CRITICAL from 1.00). Each test has accounts of its own.
 */
@GridApiTest
@AutoConfigureObservability(tracing = false)
class StreamsApiIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The bound: an alert reaches a stream client within a second of the breach. */
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-streams");

    @Autowired
    private WebTestClient web;
    @Autowired
    private Ignite ignite;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
        registry.add("riskgrid.stream.heartbeat", () -> "300ms");
        // Resumption looks back exactly to the event id, so the test can tell what is replayed.
        registry.add("riskgrid.stream.resume-slack", () -> "0s");
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
    void anAlertReachesAStreamClientWithinOneSecondOfTheBreach() throws Exception {
        ApiTestGrid.newAccount(ignite, "ACC-ST1");
        putLimit("ACC-ST1", "GROSS", 50_000);
        try (SseClient sse = connect("/api/v1/stream/alerts?accountId=ACC-ST1")) {
            fills(fill("st1-1", "ACC-ST1", AAPL, "BUY", 600, 100));
            long breachAccepted = System.nanoTime();

            SseClient.Event e = sse.next("alert", ONE_SECOND);
            assertThat(e).as("alert event within 1 s of the fill that breached").isNotNull();
            assertThat(Duration.ofNanos(e.receivedNanos() - breachAccepted)).isLessThanOrEqualTo(ONE_SECOND);
            JsonNode data = e.json();
            assertThat(data.get("kind").asText()).isEqualTo("RAISED");
            assertThat(data.get("previousSeverity").isNull()).isTrue();
            JsonNode alert = data.get("alert");
            assertThat(alert.get("alertId").asText()).isEqualTo("ACC-ST1-A1");
            assertThat(alert.get("limitId").asText()).isEqualTo("GROSS");
            // 600 x 100 = 60,000 against 50,000.
            assertThat(alert.get("utilization").asDouble()).isCloseTo(1.2, within(1e-9));
            assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(alert.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(e.id()).isEqualTo(alert.get("updatedAt").asText());

            // Acknowledging it from the API is the next event.
            web.post().uri("/api/v1/alerts/ACC-ST1-A1/acknowledge").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("actor", "carol")).exchange().expectStatus().isOk();
            SseClient.Event ack = sse.next("alert", WAIT);
            assertThat(ack.json().get("kind").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(ack.json().get("previousStatus").asText()).isEqualTo("ACTIVE");
            assertThat(ack.json().get("alert").get("ackBy").asText()).isEqualTo("carol");
        }
    }

    @Test
    void minSeverityPassesOnlyAlertsAtOrAboveIt() throws Exception {
        ApiTestGrid.newAccount(ignite, "ACC-ST2");
        putLimit("ACC-ST2", "GROSS", 100_000);
        try (SseClient all = connect("/api/v1/stream/alerts?accountId=ACC-ST2");
             SseClient critical = connect("/api/v1/stream/alerts?accountId=ACC-ST2&minSeverity=critical")) {
            // 950 x 100 = 95,000 of 100,000: 0.95, HIGH.
            fills(fill("st2-1", "ACC-ST2", AAPL, "BUY", 950, 100));
            SseClient.Event high = all.next("alert", WAIT);
            assertThat(high.json().get("alert").get("severity").asText()).isEqualTo("HIGH");
            // 1,050 x 100 = 105,000: 1.05, CRITICAL.
            fills(fill("st2-2", "ACC-ST2", AAPL, "BUY", 100, 100));
            SseClient.Event up = all.next("alert", WAIT);
            assertThat(up.json().get("kind").asText()).isEqualTo("SEVERITY_UP");

            SseClient.Event first = critical.next("alert", WAIT);
            assertThat(first.json().get("kind").asText()).isEqualTo("SEVERITY_UP");
            assertThat(first.json().get("previousSeverity").asText()).isEqualTo("HIGH");
            assertThat(first.json().get("alert").get("severity").asText()).isEqualTo("CRITICAL");
        }
    }

    @Test
    void aResumedAlertStreamStartsWithWhatChangedAfterTheLastEventId() throws Exception {
        ApiTestGrid.newAccount(ignite, "ACC-ST4");
        putLimit("ACC-ST4", "GROSS", 50_000);
        String lastId;
        try (SseClient sse = connect("/api/v1/stream/alerts?accountId=ACC-ST4")) {
            fills(fill("st4-1", "ACC-ST4", AAPL, "BUY", 600, 100));
            lastId = sse.next("alert", WAIT).id();
        }
        // While the client is away the alert is acknowledged: a later updatedAt.
        Thread.sleep(5);
        web.post().uri("/api/v1/alerts/ACC-ST4-A1/acknowledge").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "dave")).exchange().expectStatus().isOk();

        try (SseClient resumed = connect("/api/v1/stream/alerts?accountId=ACC-ST4", Map.of("Last-Event-ID", lastId))) {
            SseClient.Event e = resumed.next("alert", WAIT);
            assertThat(e.json().get("kind").asText()).isEqualTo("CURRENT");
            assertThat(e.json().get("alert").get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(lastId));
        }
        // Resuming after the acknowledgement replays nothing; a snapshot lists the open alert.
        long ackId = Long.parseLong(lastId) + 1;
        String ackedAt = web.get().uri("/api/v1/alerts/active?accountId=ACC-ST4").exchange().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get(0).get("updatedAt").asText();
        try (SseClient later = connect("/api/v1/stream/alerts?accountId=ACC-ST4&lastEventId="
                + (Long.parseLong(ackedAt) + 1));
             SseClient snapshot = connect("/api/v1/stream/alerts?accountId=ACC-ST4&snapshot=true")) {
            assertThat(later.drain(Duration.ofMillis(500))).isEmpty();
            SseClient.Event open = snapshot.next("alert", WAIT);
            assertThat(open.json().get("alert").get("alertId").asText()).isEqualTo("ACC-ST4-A1");
            assertThat(ackId).isPositive();
        }
    }

    @Test
    void theRiskStreamSendsSnapshotsOfTheAccountAndFirmTotals() throws Exception {
        ApiTestGrid.newAccount(ignite, "ACC-ST3");
        try (SseClient account = connect("/api/v1/stream/risk?accountId=ACC-ST3");
             SseClient firm = connect("/api/v1/stream/risk")) {
            fills(fill("st3-1", "ACC-ST3", XOM, "BUY", 10, 50));
            SseClient.Event e = account.next("risk", WAIT);
            JsonNode risk = e.json();
            assertThat(risk.get("accountId").asText()).isEqualTo("ACC-ST3");
            // 10 XOM x 50 = 500 gross; bought at the mark, so equity is still 1,000,000.
            assertThat(risk.get("grossExposure").asDouble()).isCloseTo(500, within(1e-9));
            assertThat(risk.get("equity").asDouble()).isCloseTo(1_000_000, within(1e-9));
            assertThat(e.id()).isEqualTo(risk.get("updatedAt").asText());

            SseClient.Event f = firm.next("firm", WAIT);
            assertThat(f).as("a firm event after a change").isNotNull();
            assertThat(f.json().get("accounts").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(f.json().get("grossExposure").asDouble()).isGreaterThanOrEqualTo(500);
        }
        // A snapshot request starts with the account as it is, before any change.
        try (SseClient snapshot = connect("/api/v1/stream/risk?accountId=ACC-ST3&snapshot=true")) {
            SseClient.Event now = snapshot.next("risk", WAIT);
            assertThat(now.json().get("grossExposure").asDouble()).isCloseTo(500, within(1e-9));
        }
    }

    @Test
    void haltingTheFirmIsAFirmEventThoughNoAccountChanges() throws Exception {
        try (SseClient sse = connect("/api/v1/stream/risk")) {
            try {
                web.post().uri("/api/v1/emergency/halt-trading").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("scope", "FIRM", "reason", "stream test")).exchange().expectStatus().isOk();
                SseClient.Event halted = sse.next(e -> "firm".equals(e.event())
                        && "HALTED".equals(e.json().get("tradingState").asText()), WAIT);
                assertThat(halted).as("a firm event with the firm HALTED").isNotNull();
            } finally {
                web.post().uri("/api/v1/emergency/resume").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("scope", "FIRM", "reason", "stream test over")).exchange().expectStatus().isOk();
            }
            SseClient.Event resumed = sse.next(e -> "firm".equals(e.event())
                    && "ACTIVE".equals(e.json().get("tradingState").asText()), WAIT);
            assertThat(resumed).as("a firm event with the firm ACTIVE again").isNotNull();
        }
    }

    @Test
    void aBusyAccountIsThrottledAndTheLatestSnapshotWins() throws Exception {
        String instrument = "THR";
        new ReferenceDataWriter(ignite).upsertInstruments(List.of(new Instrument(
                instrument, instrument, "EQUITY", "TECH", "USD", 1, 0.5)));
        web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(price(instrument, 10, 1_000))).exchange().expectStatus().isAccepted();
        ApiTestGrid.newAccount(ignite, "ACC-ST5");
        fills(fill("st5-1", "ACC-ST5", instrument, "BUY", 100, 10));
        try (SseClient sse = connect("/api/v1/stream/risk?accountId=ACC-ST5&maxPerSecond=1")) {
            // Ten marks in quick succession, each a material change (100 x 1 = 100 of exposure).
            for (int i = 1; i <= 10; i++) {
                web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(List.of(price(instrument, 10 + i, 1_000 + i))).exchange().expectStatus().isAccepted();
            }
            List<SseClient.Event> events = new ArrayList<>();
            SseClient.Event e;
            while ((e = sse.next("risk", Duration.ofMillis(2_500))) != null) {
                events.add(e);
                if (e.json().get("grossExposure").asDouble() == 100 * 20.0) {
                    break;
                }
            }
            assertThat(events).isNotEmpty();
            // The last mark, 20, is what the client ends with: 100 x 20 = 2,000.
            assertThat(events.get(events.size() - 1).json().get("grossExposure").asDouble())
                    .isCloseTo(2_000, within(1e-9));
            assertThat(events.size()).isLessThan(10);
            for (int i = 1; i < events.size(); i++) {
                long gapMs = (events.get(i).receivedNanos() - events.get(i - 1).receivedNanos()) / 1_000_000;
                // One per second; a little early is the network, not the throttle.
                assertThat(gapMs).as("gap between snapshots %d and %d", i - 1, i).isGreaterThanOrEqualTo(900);
            }
        }
        assertThat(metrics()).contains("riskgrid_stream_frames_dropped_total{reason=\"superseded\",stream=\"risk\"}");
    }

    @Test
    void aClientThatNeverReadsDoesNotHoldUpAnotherClient() throws Exception {
        String instrument = "SLOW";
        int accounts = 300;
        new ReferenceDataWriter(ignite).upsertInstruments(List.of(new Instrument(
                instrument, instrument, "EQUITY", "TECH", "USD", 1, 0.5)));
        web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(price(instrument, 100, 1_000))).exchange().expectStatus().isAccepted();
        List<Account> book = new ArrayList<>();
        List<Map<String, Object>> buys = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = "ACC-SLOW-" + i;
            book.add(new Account(id, id, "USD", 1_000_000, "TEST"));
            buys.add(fill("slow-" + i, id, instrument, "BUY", 100, 100));
        }
        new ReferenceDataWriter(ignite).upsertAccounts(book);
        fills(buys.toArray(Map[]::new));
        ApiTestGrid.newAccount(ignite, "ACC-ST6");
        putLimit("ACC-ST6", "GROSS", 50_000);

        double droppedBefore = dropped("risk");
        // A client that asks for every account's risk, as often as allowed, and never reads a byte.
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/stream/risk?maxPerSecond=50&snapshot=true HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(WAIT).until(() -> clients("risk") >= 1);

            // Re-mark every account many times: far more than the socket buffers hold.
            for (int i = 1; i <= 60; i++) {
                web.post().uri("/api/v1/prices").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(List.of(price(instrument, 100 + (i % 2 == 0 ? 1 : -1) * i * 0.01, 1_000 + i)))
                        .exchange().expectStatus().isAccepted();
            }
            await().atMost(WAIT).until(() -> dropped("risk") > droppedBefore);

            // Meanwhile a second client still gets its alert within a second of the breach.
            try (SseClient other = connect("/api/v1/stream/alerts?accountId=ACC-ST6")) {
                fills(fill("st6-1", "ACC-ST6", AAPL, "BUY", 600, 100));
                long breachAccepted = System.nanoTime();
                SseClient.Event e = other.next("alert", ONE_SECOND);
                assertThat(e).as("alert to the second client within 1 s").isNotNull();
                assertThat(Duration.ofNanos(e.receivedNanos() - breachAccepted)).isLessThanOrEqualTo(ONE_SECOND);
                assertThat(e.json().get("alert").get("alertId").asText()).isEqualTo("ACC-ST6-A1");
            }
        }
        await().atMost(WAIT).until(() -> clients("risk") == 0);
    }

    @Test
    void aQuietStreamCarriesKeepAliveComments() throws Exception {
        try (SseClient sse = connect("/api/v1/stream/alerts?accountId=ACC-A")) {
            SseClient.Event beat = sse.next(e -> "keep-alive".equals(e.comment()), Duration.ofSeconds(5));
            assertThat(beat).isNotNull();
        }
    }

    @Test
    void badStreamParametersAreRejectedBeforeTheStreamStarts() {
        badRequest("/api/v1/stream/alerts?minSeverity=LOUD", "minSeverity", "LOUD");
        badRequest("/api/v1/stream/risk?maxPerSecond=0", "maxPerSecond", "0.1 and 50");
        badRequest("/api/v1/stream/risk?maxPerSecond=fast", "maxPerSecond", "fast");
        badRequest("/api/v1/stream/risk?lastEventId=yesterday", "lastEventId", "yesterday");
        ApiError missing = web.get().uri("/api/v1/stream/risk?accountId=NOPE").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound().expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(missing.message()).contains("NOPE");
        ApiError header = web.get().uri("/api/v1/stream/alerts").header("Last-Event-ID", "abc")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(header.field()).isEqualTo("Last-Event-ID");
        assertThat(header.message()).contains("abc");
    }

    private void badRequest(String uri, String field, String mentioned) {
        ApiError e = web.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(ApiError.class).returnResult().getResponseBody();
        assertThat(e.field()).as(uri).isEqualTo(field);
        assertThat(e.message()).as(uri).contains(mentioned);
    }

    /** Opens a stream and waits until the server has registered it (its first comment). */
    private SseClient connect(String path) throws Exception {
        return connect(path, Map.of());
    }

    private SseClient connect(String path, Map<String, String> headers) throws Exception {
        SseClient sse = SseClient.open("http://127.0.0.1:" + port + path, headers);
        assertThat(sse.status(WAIT)).isEqualTo(200);
        assertThat(sse.next(e -> "connected".equals(e.comment()), WAIT)).as("connected comment").isNotNull();
        return sse;
    }

    private void putLimit(String accountId, String limitId, double maxValue) {
        web.put().uri("/api/v1/limits").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(Map.of("accountId", accountId, "limitId", limitId, "scope", "ACCOUNT",
                        "metric", "GROSS_NOTIONAL", "maxValue", maxValue, "warnAt", 0.8)))
                .exchange().expectStatus().is2xxSuccessful();
    }

    @SafeVarargs
    private void fills(Map<String, Object>... fills) {
        web.post().uri("/api/v1/fills").contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(fills))
                .exchange().expectStatus().isAccepted();
    }

    private String metrics() {
        return web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private double dropped(String stream) {
        return value("riskgrid_stream_frames_dropped_total{reason=\"superseded\",stream=\"" + stream + "\"}");
    }

    private double clients(String stream) {
        return value("riskgrid_stream_clients{stream=\"" + stream + "\"}");
    }

    private double value(String series) {
        return metrics().lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
