package io.riskgrid.api.limit;

import io.riskgrid.api.RiskGridApplication;
import io.riskgrid.api.audit.AuditEntry;
import io.riskgrid.api.testing.ApiTestGrid;
import io.riskgrid.api.testing.GridApiTest;
import io.riskgrid.grid.node.GridConfig;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits file at start ({@code riskgrid.limits.file}), with the demo book loaded
 * ({@code riskgrid.demo.load-data}): the file is applied after the demo's accounts and default
 * limits are in the grid, so every demo account gets the file's limits in place of the demo's of the
 * same id, keeps the others, and the file's policy is in force; both are audited as the system's.
 * A file with problems stops the application naming them. Every expected figure is the number
 * written in the YAML below, seconds turned into milliseconds by hand.
 */
@GridApiTest
class LimitsFileIT {

    private static final LocalGridCluster CLUSTER = new LocalGridCluster("api-limits-file");
    private static final Path FILE = write("""
            notional_limits:
              max_gross_notional: 3000000      # id GROSS, replaces the demo's GROSS
              max_leverage: 5.0                # id LEVERAGE, replaces the demo's LEVERAGE
            drawdown_limits:
              max_drawdown: 0.12               # id DRAWDOWN
              reduce_size_at: 0.04
              reducing_at: 0.08
              halt_at: 0.12
              sizing_factor: 0.6
            alert_configuration:
              warn_at: 0.85
              severity_thresholds: {low: 0.6, medium: 0.8, high: 0.92, critical: 1.0}
              hysteresis: 0.04
              escalation: {high_after_seconds: 240, critical_after_seconds: 45}
            circuit_breakers:
              total_loss_fraction: 0.06
            accounts:
              ACC-001:
                notional_limits: {max_gross_notional: 8000000}
              ACC-NOT-IN-THE-GRID:
                notional_limits: {max_gross_notional: 1}
            """);

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void grid(DynamicPropertyRegistry registry) {
        ApiTestGrid.register(registry, CLUSTER);
        registry.add("riskgrid.demo.load-data", () -> "true");
        registry.add("riskgrid.limits.file", FILE::toString);
    }

    @AfterAll
    static void stop() throws IOException {
        CLUSTER.close();
        Files.deleteIfExists(FILE);
    }

    @Test
    void fileLimitsReplaceTheDemoDefaultsOfTheSameIdAndKeepTheOthers() {
        Map<String, LimitView> acc42 = limits("ACC-042");
        // The demo's seven limits, three of them replaced by the file's (which warn at its 0.85).
        assertThat(acc42).containsOnlyKeys("GROSS", "NET", "LEVERAGE", "CONCENTRATION", "DAILY_LOSS", "DRAWDOWN", "VAR99");
        assertThat(acc42.get("GROSS").maxValue()).isEqualTo(3_000_000);
        assertThat(acc42.get("GROSS").warnAt()).isEqualTo(0.85);
        assertThat(acc42.get("LEVERAGE").maxValue()).isEqualTo(5.0);
        assertThat(acc42.get("DRAWDOWN").maxValue()).isEqualTo(0.12);
        assertThat(acc42.get("DRAWDOWN").warnAt()).isEqualTo(0.85);
        // The demo's own limits, which the file does not set, keep the demo's warn level 0.8.
        assertThat(acc42.get("NET").warnAt()).isEqualTo(0.8);
        assertThat(acc42.get("CONCENTRATION").maxValue()).isEqualTo(0.35);

        // ACC-001's own section replaces GROSS for it alone.
        assertThat(limits("ACC-001").get("GROSS").maxValue()).isEqualTo(8_000_000);
    }

    @Test
    void filePolicyIsInForce() {
        PolicyView policy = web.get().uri("/api/v1/policy").exchange()
                .expectStatus().isOk()
                .expectBody(PolicyView.class).returnResult().getResponseBody();
        assertThat(policy).isEqualTo(new PolicyView(
                new PolicyView.Alerts(new PolicyView.Thresholds(0.6, 0.8, 0.92, 1.0), 0.04, 240_000, 45_000),
                new PolicyView.Drawdown(0.04, 0.08, 0.12, 0.6),
                // Left out of the file: the defaults 2% in 60 s and 10 CRITICAL alerts in 60 s.
                new PolicyView.Breakers(0.06, 0.02, 60_000, 10, 60_000)));
    }

    @Test
    void policyAndLimitsAreAuditedAsTheSystems() {
        String reason = "limits file " + FILE.getFileName();
        List<AuditEntry> policy = audit("action=POLICY_SET");
        assertThat(policy).hasSize(1);
        assertThat(policy.get(0).actor()).isEqualTo("system");
        assertThat(policy.get(0).reason()).isEqualTo(reason);
        assertThat(policy.get(0).accountId()).isNull();
        assertThat(policy.get(0).after()).contains("severity 0.6/0.8/0.92/1", "hysteresis 0.04");

        List<AuditEntry> fromFile = audit("accountId=ACC-042&action=LIMIT_SET").stream()
                .filter(e -> reason.equals(e.reason())).toList();
        assertThat(fromFile).hasSize(3).allSatisfy(e -> assertThat(e.actor()).isEqualTo("system"));
        assertThat(fromFile).extracting(AuditEntry::after).containsExactlyInAnyOrder("3000000", "5", "0.12");
    }

    @Test
    void fileWithProblemsStopsTheApplicationNamingThem() throws IOException {
        Path bad = write("""
                notional_limits:
                  max_gross_notional: -5
                alert_configuration:
                  warn_at: 2
                """);
        try (LocalGridCluster other = new LocalGridCluster("api-limits-file-bad")) {
            GridConfig cfg = other.nextConfig();
            SpringApplicationBuilder app = new SpringApplicationBuilder(RiskGridApplication.class).properties(
                    "server.port=0",
                    "riskgrid.grid.instance-name=" + cfg.instanceName(),
                    "riskgrid.grid.discovery=" + String.join(",", cfg.discoveryAddresses()),
                    "riskgrid.grid.discovery-port=" + cfg.discoveryPort(),
                    "riskgrid.grid.comm-port=" + cfg.commPort(),
                    "riskgrid.grid.thin-port=" + cfg.thinPort(),
                    "riskgrid.grid.work-dir=" + cfg.workDir(),
                    "riskgrid.grid.data-region-mb=" + cfg.dataRegionMb(),
                    "riskgrid.limits.file=" + bad);
            assertThatThrownBy(app::run)
                    .hasStackTraceContaining("riskgrid.limits.file cannot be used: " + bad)
                    .hasStackTraceContaining("notional_limits.max_gross_notional must be a positive number, was -5.0")
                    .hasStackTraceContaining("alert_configuration.warn_at");
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    private Map<String, LimitView> limits(String accountId) {
        List<LimitView> limits = web.get().uri("/api/v1/limits?accountId={id}", accountId).exchange()
                .expectStatus().isOk()
                .expectBodyList(LimitView.class).returnResult().getResponseBody();
        return limits.stream().collect(Collectors.toMap(LimitView::limitId, Function.identity()));
    }

    private List<AuditEntry> audit(String query) {
        return web.get().uri("/api/v1/audit?limit=10000&" + query).exchange()
                .expectStatus().isOk()
                .expectBodyList(AuditEntry.class).returnResult().getResponseBody();
    }

    private static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("riskgrid-limits-", ".yaml");
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
