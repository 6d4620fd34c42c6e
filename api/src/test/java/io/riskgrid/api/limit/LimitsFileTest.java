package io.riskgrid.api.limit;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.alert.SeverityThresholds;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.DrawdownTiers;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The limits file: every expected figure below is the number written in the YAML (the example
 * resource or the text of the test), with seconds turned into milliseconds by hand.
 */
class LimitsFileTest {

    private static final String SOURCE = "limits.yaml";

    /** The limit ids the example's default sections give, in the order of the sections. */
    private static final List<String> EXAMPLE_DEFAULT_IDS = List.of(
            "POSITION_QTY", "CONCENTRATION",
            "INSTRUMENT:AAPL:POSITION_QTY", "INSTRUMENT:AAPL:GROSS_NOTIONAL", "INSTRUMENT:AAPL:NET_NOTIONAL",
            "INSTRUMENT:AAPL:CONCENTRATION", "INSTRUMENT:NVDA:POSITION_QTY",
            "SECTOR:TECH:POSITION_QTY", "SECTOR:TECH:GROSS_NOTIONAL", "SECTOR:TECH:NET_NOTIONAL",
            "SECTOR:TECH:CONCENTRATION", "SECTOR:ENERGY:GROSS_NOTIONAL",
            "GROSS", "NET", "LEVERAGE", "VAR99", "DAILY_LOSS", "DRAWDOWN");

    @Test
    void exampleFileGivesEveryAccountItsDefaultLimits() {
        LimitsFile file = example();

        List<AccountLimit> limits = file.limitsFor("ACC-050");

        assertThat(limits).extracting(AccountLimit::limitId).containsExactlyElementsOf(EXAMPLE_DEFAULT_IDS);
        assertThat(limits).allSatisfy(l -> {
            assertThat(l.accountId()).isEqualTo("ACC-050");
            assertThat(l.warnAt()).isEqualTo(0.85);
        });
        Map<String, AccountLimit> byId = byId(limits);
        assertThat(byId.get("POSITION_QTY")).isEqualTo(account("ACC-050", "POSITION_QTY", LimitMetric.POSITION_QTY, 50_000, 0.85));
        assertThat(byId.get("CONCENTRATION")).isEqualTo(account("ACC-050", "CONCENTRATION", LimitMetric.CONCENTRATION, 0.35, 0.85));
        assertThat(byId.get("GROSS")).isEqualTo(account("ACC-050", "GROSS", LimitMetric.GROSS_NOTIONAL, 4_000_000, 0.85));
        assertThat(byId.get("NET")).isEqualTo(account("ACC-050", "NET", LimitMetric.NET_NOTIONAL, 2_000_000, 0.85));
        assertThat(byId.get("LEVERAGE")).isEqualTo(account("ACC-050", "LEVERAGE", LimitMetric.LEVERAGE, 4.0, 0.85));
        assertThat(byId.get("VAR99")).isEqualTo(account("ACC-050", "VAR99", LimitMetric.VAR_99, 50_000, 0.85));
        assertThat(byId.get("DAILY_LOSS")).isEqualTo(account("ACC-050", "DAILY_LOSS", LimitMetric.DAILY_LOSS, 30_000, 0.85));
        assertThat(byId.get("DRAWDOWN")).isEqualTo(account("ACC-050", "DRAWDOWN", LimitMetric.DRAWDOWN, 0.15, 0.85));
        assertThat(byId.get("INSTRUMENT:AAPL:POSITION_QTY")).isEqualTo(new AccountLimit("ACC-050",
                "INSTRUMENT:AAPL:POSITION_QTY", LimitScope.INSTRUMENT, "AAPL", LimitMetric.POSITION_QTY, 10_000, 0.85));
        assertThat(byId.get("INSTRUMENT:AAPL:GROSS_NOTIONAL").maxValue()).isEqualTo(2_000_000);
        assertThat(byId.get("INSTRUMENT:AAPL:NET_NOTIONAL").maxValue()).isEqualTo(1_500_000);
        assertThat(byId.get("INSTRUMENT:AAPL:CONCENTRATION").maxValue()).isEqualTo(0.5);
        assertThat(byId.get("INSTRUMENT:NVDA:POSITION_QTY").maxValue()).isEqualTo(8_000);
        assertThat(byId.get("SECTOR:TECH:CONCENTRATION")).isEqualTo(new AccountLimit("ACC-050",
                "SECTOR:TECH:CONCENTRATION", LimitScope.SECTOR, "TECH", LimitMetric.CONCENTRATION, 0.6, 0.85));
        assertThat(byId.get("SECTOR:TECH:GROSS_NOTIONAL").maxValue()).isEqualTo(3_000_000);
        assertThat(byId.get("SECTOR:TECH:NET_NOTIONAL").maxValue()).isEqualTo(2_500_000);
        assertThat(byId.get("SECTOR:TECH:POSITION_QTY").maxValue()).isEqualTo(40_000);
        assertThat(byId.get("SECTOR:ENERGY:GROSS_NOTIONAL")).isEqualTo(new AccountLimit("ACC-050",
                "SECTOR:ENERGY:GROSS_NOTIONAL", LimitScope.SECTOR, "ENERGY", LimitMetric.GROSS_NOTIONAL, 1_000_000, 0.85));
    }

    @Test
    void exampleFileGivesItsPolicy() {
        RiskPolicy expected = new RiskPolicy(
                new AlertPolicy(new SeverityThresholds(0.6, 0.8, 0.92, 1.0), 0.04, 240_000, 45_000),
                new DrawdownTiers(0.04, 0.08, 0.12, 0.6),
                new CircuitBreakers(0.06, 0.025, 120_000, 8, 90_000));

        assertThat(example().policy()).isEqualTo(expected);
    }

    @Test
    void accountSectionReplacesDefaultsOfTheSameIdAndKeepsTheOthers() {
        LimitsFile file = example();

        List<AccountLimit> acc1 = file.limitsFor("ACC-001");
        List<AccountLimit> acc2 = file.limitsFor("ACC-002");

        assertThat(file.namedAccounts()).containsExactly("ACC-001", "ACC-002");
        // ACC-001 replaces GROSS and LEVERAGE in place, adds one instrument limit, and warns at its own 0.9.
        assertThat(acc1).extracting(AccountLimit::limitId)
                .containsExactlyElementsOf(append(EXAMPLE_DEFAULT_IDS, "INSTRUMENT:MSFT:POSITION_QTY"));
        assertThat(acc1).allSatisfy(l -> {
            assertThat(l.accountId()).isEqualTo("ACC-001");
            assertThat(l.warnAt()).isEqualTo(0.9);
        });
        Map<String, AccountLimit> one = byId(acc1);
        assertThat(one.get("GROSS")).isEqualTo(account("ACC-001", "GROSS", LimitMetric.GROSS_NOTIONAL, 8_000_000, 0.9));
        assertThat(one.get("LEVERAGE")).isEqualTo(account("ACC-001", "LEVERAGE", LimitMetric.LEVERAGE, 6.0, 0.9));
        assertThat(one.get("NET")).isEqualTo(account("ACC-001", "NET", LimitMetric.NET_NOTIONAL, 2_000_000, 0.9));
        assertThat(one.get("DAILY_LOSS").maxValue()).isEqualTo(30_000);
        assertThat(one.get("INSTRUMENT:MSFT:POSITION_QTY")).isEqualTo(new AccountLimit("ACC-001",
                "INSTRUMENT:MSFT:POSITION_QTY", LimitScope.INSTRUMENT, "MSFT", LimitMetric.POSITION_QTY, 12_000, 0.9));
        // ACC-002 only tightens its loss limits and keeps the file's warn level.
        assertThat(acc2).extracting(AccountLimit::limitId).containsExactlyElementsOf(EXAMPLE_DEFAULT_IDS);
        Map<String, AccountLimit> two = byId(acc2);
        assertThat(two.get("DAILY_LOSS")).isEqualTo(account("ACC-002", "DAILY_LOSS", LimitMetric.DAILY_LOSS, 15_000, 0.85));
        assertThat(two.get("DRAWDOWN")).isEqualTo(account("ACC-002", "DRAWDOWN", LimitMetric.DRAWDOWN, 0.08, 0.85));
        assertThat(two.get("GROSS")).isEqualTo(account("ACC-002", "GROSS", LimitMetric.GROSS_NOTIONAL, 4_000_000, 0.85));
    }

    @Test
    void accountWithoutDefaultsGetsOnlyItsOwnLimits() {
        LimitsFile file = LimitsFile.parse("""
                accounts:
                  ACC-007:
                    notional_limits: {max_var_99: 1234}
                """, SOURCE);

        assertThat(file.limitsFor("ACC-007")).containsExactly(
                account("ACC-007", "VAR99", LimitMetric.VAR_99, 1234, 0.8));
        assertThat(file.limitsFor("ACC-008")).isEmpty();
    }

    @Test
    void everyProblemIsReportedTogetherWithItsPath() {
        LimitsFileException e = rejection("""
                notional_limits:
                  max_gross_notional: -5
                  max_leverage: lots
                alert_configuration:
                  severity_thresholds: {low: 0.5, medium: 0.9, high: 0.75, critical: 1.0}
                circuit_breakers:
                  critical_alert_cascade: {count: 2.5}
                accounts:
                  ACC-009:
                    position_limits:
                      instruments:
                        AAPL: {max_position_qty: 0}
                """);

        assertThat(e.getMessage())
                .startsWith("limits.yaml: ")
                .contains("notional_limits.max_gross_notional must be a positive number, was -5.0")
                .contains("notional_limits.max_leverage must be a number, was 'lots'")
                .contains("alert_configuration.severity_thresholds: severity thresholds must rise strictly from low to critical")
                .contains("circuit_breakers.critical_alert_cascade.count must be a whole number, was 2.5")
                .contains("accounts.ACC-009.position_limits.instruments.AAPL.max_position_qty must be a positive number, was 0.0");
        assertThat(e.problems()).extracting(InputProblem::field).containsExactlyInAnyOrder(
                "notional_limits.max_gross_notional",
                "notional_limits.max_leverage",
                "alert_configuration.severity_thresholds",
                "circuit_breakers.critical_alert_cascade.count",
                "accounts.ACC-009.position_limits.instruments.AAPL.max_position_qty");
    }

    @Test
    void unknownKeyIsRejectedWithItsNameAndTheAllowedKeys() {
        LimitsFileException e = rejection("""
                notional_limits:
                  max_gros_notional: 4000000
                drawdown_limit:
                  max_daily_loss: 30000
                """);

        assertThat(e.getMessage())
                .contains("notional_limits.max_gros_notional: unknown key 'max_gros_notional' (allowed keys in notional_limits: "
                        + "max_gross_notional, max_net_notional, max_leverage, max_var_99)")
                .contains("drawdown_limit: unknown key 'drawdown_limit' (allowed keys at the top level: "
                        + "position_limits, notional_limits, drawdown_limits, circuit_breakers, alert_configuration, accounts)");
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void accountSectionWithCircuitBreakersIsRejected() {
        LimitsFileException e = rejection("""
                accounts:
                  ACC-001:
                    circuit_breakers: {total_loss_fraction: 0.1}
                    notional_limits: {max_gross_notional: 8000000}
                """);

        assertThat(e.problems()).extracting(InputProblem::field).containsExactly("accounts.ACC-001.circuit_breakers");
        assertThat(e.getMessage()).contains("accounts.ACC-001.circuit_breakers: 'circuit_breakers' is firm-wide")
                .contains("allowed keys in accounts.ACC-001: position_limits, notional_limits, drawdown_limits, warn_at)");
    }

    @Test
    void drawdownTierInAccountSectionIsRejected() {
        LimitsFileException e = rejection("""
                accounts:
                  ACC-001:
                    drawdown_limits: {max_daily_loss: 1000, halt_at: 0.2}
                """);

        assertThat(e.problems()).extracting(InputProblem::field).containsExactly("accounts.ACC-001.drawdown_limits.halt_at");
        assertThat(e.getMessage()).contains("accounts.ACC-001.drawdown_limits.halt_at: 'halt_at' is a firm-wide drawdown tier")
                .contains("allowed keys in accounts.ACC-001.drawdown_limits: max_daily_loss, max_drawdown)");
    }

    @Test
    void emptyFileGivesDefaultPolicyAndNoLimits() {
        for (String yaml : List.of("", "# nothing set yet\n", "---\n", "position_limits:\n")) {
            LimitsFile file = LimitsFile.parse(yaml, SOURCE);

            assertThat(file.policy()).isEqualTo(RiskPolicy.DEFAULT);
            assertThat(file.limitsFor("ACC-001")).isEmpty();
            assertThat(file.namedAccounts()).isEmpty();
        }
    }

    @Test
    void tiersOutOfOrderAreRejectedNamingDrawdownLimits() {
        LimitsFileException e = rejection("""
                drawdown_limits:
                  reduce_size_at: 0.10
                  reducing_at: 0.05
                  halt_at: 0.15
                """);

        assertThat(e.problems()).extracting(InputProblem::field).containsExactly("drawdown_limits");
        assertThat(e.getMessage()).isEqualTo("limits.yaml: drawdown_limits: drawdown tiers must satisfy "
                + "0 < reduce_size_at < reducing_at < halt_at < 1, were 0.1, 0.05, 0.15");
    }

    @Test
    void policyPartsLeftOutKeepTheirDefaults() {
        LimitsFile file = LimitsFile.parse("""
                drawdown_limits: {halt_at: 0.2}
                alert_configuration:
                  hysteresis: 0.1
                  severity_thresholds: {critical: 1.2}
                """, SOURCE);

        // Documented defaults: tiers 5% / 10% / 15% with sizing 0.5; thresholds 0.50 / 0.75 / 0.90 / 1.00;
        // escalation after 5 min (HIGH) and 1 min (CRITICAL); breakers 5%, 2% in 60 s, 10 alerts in 60 s.
        assertThat(file.policy()).isEqualTo(new RiskPolicy(
                new AlertPolicy(new SeverityThresholds(0.5, 0.75, 0.9, 1.2), 0.1, 300_000, 60_000),
                new DrawdownTiers(0.05, 0.10, 0.2, 0.5),
                new CircuitBreakers(0.05, 0.02, 60_000, 10, 60_000)));
    }

    @Test
    void limitsWarnAtTheDefaultLevelWhenTheFileSetsNone() {
        LimitsFile file = LimitsFile.parse("notional_limits: {max_leverage: 3}\n", SOURCE);

        assertThat(file.limitsFor("ACC-001")).containsExactly(account("ACC-001", "LEVERAGE", LimitMetric.LEVERAGE, 3, 0.8));
    }

    @Test
    void warnLevelOutOfRangeIsRejectedOnceEvenWithoutLimits() {
        assertThat(rejection("alert_configuration: {warn_at: 1.5}\n").getMessage())
                .isEqualTo("limits.yaml: alert_configuration.warn_at must be in (0, 1], was 1.5");
        assertThat(rejection("""
                alert_configuration: {warn_at: 0}
                notional_limits: {max_gross_notional: 100, max_net_notional: 50}
                """).problems()).extracting(InputProblem::field).containsExactly("alert_configuration.warn_at");
    }

    @Test
    void escalationIsReportedUnderItsYamlNames() {
        LimitsFileException e = rejection("""
                alert_configuration:
                  escalation: {high_after_seconds: 60, critical_after_seconds: 120}
                """);

        assertThat(e.problems()).extracting(InputProblem::field)
                .containsExactly("alert_configuration.escalation.critical_after_seconds");
        assertThat(e.getMessage()).contains("no longer than escalation.high_after_seconds (60000), was 120000")
                .contains("milliseconds");
    }

    @Test
    void scopedSectionRejectsAccountOnlyMetrics() {
        LimitsFileException e = rejection("""
                position_limits:
                  sectors:
                    TECH: {max_leverage: 2}
                """);

        assertThat(e.getMessage()).contains("position_limits.sectors.TECH.max_leverage: unknown key 'max_leverage'");
    }

    @Test
    void quotedNumberAndWrongShapesAreRejected() {
        LimitsFileException e = rejection("""
                notional_limits: {max_gross_notional: "4000000"}
                position_limits: [1, 2]
                """);

        assertThat(e.getMessage())
                .contains("notional_limits.max_gross_notional must be a number, was '4000000' (write numbers without quotes)")
                .contains("position_limits must be a mapping of keys to values, was a list");
    }

    @Test
    void duplicateKeyAndBrokenYamlAreRejectedWithTheirLine() {
        assertThat(rejection("""
                notional_limits:
                  max_gross_notional: 100
                  max_gross_notional: 200
                """).getMessage()).contains("is not valid YAML at line 3").contains("max_gross_notional");
        assertThat(rejection("notional_limits: {max_gross_notional: 100\n").getMessage())
                .startsWith("limits.yaml: is not valid YAML at line 1")
                .contains("expected ',' or '}'")
                .doesNotContain("\n");
    }

    @Test
    void secondYamlDocumentIsRejected() {
        assertThat(rejection("notional_limits: {max_gross_notional: 100}\n---\nnotional_limits: {max_net_notional: 5}\n")
                .getMessage()).contains("more than one YAML document");
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.yaml");
        try {
            LimitsFile.read(missing);
            fail("a missing file must be rejected");
        } catch (LimitsFileException e) {
            assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
        }
    }

    private static LimitsFile example() {
        try {
            return LimitsFile.read(Path.of(LimitsFileTest.class.getResource("/limits-example.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LimitsFileException rejection(String yaml) {
        try {
            LimitsFile.parse(yaml, SOURCE);
        } catch (LimitsFileException e) {
            return e;
        }
        return fail("the file must be rejected:\n" + yaml);
    }

    private static AccountLimit account(String accountId, String limitId, LimitMetric metric, double max, double warnAt) {
        return new AccountLimit(accountId, limitId, LimitScope.ACCOUNT, null, metric, max, warnAt);
    }

    private static Map<String, AccountLimit> byId(List<AccountLimit> limits) {
        return limits.stream().collect(Collectors.toMap(AccountLimit::limitId, Function.identity()));
    }

    private static List<String> append(List<String> list, String last) {
        return Stream.concat(list.stream(), Stream.of(last)).toList();
    }
}
