package io.riskgrid.grid.control;

import io.riskgrid.breach.BreachEngine;
import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.ControlResult;
import io.riskgrid.compute.control.FirmControls;
import io.riskgrid.compute.control.KillSwitchJob;
import io.riskgrid.compute.control.OverrideJob;
import io.riskgrid.compute.control.PolicyStore;
import io.riskgrid.compute.pretrade.PreTradeCheckTask;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.DrawdownTiers;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.pretrade.PreTradeDecision;
import io.riskgrid.core.pretrade.PreTradeOrder;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.OverrideKey;
import io.riskgrid.grid.schema.OverrideRow;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.LocalGridCluster;
import io.riskgrid.breach.alert.AlertDesk;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.ScanQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Drawdown tiers, the kill switch, overrides, escalation and the firm's circuit breakers on a real
 * node, with the pre-trade check answering from the state they leave. Time-based behaviour (override
 * expiry, escalation) is driven by calling the breach engine's tick with a later time, never by
 * sleeping. The firm's loss breakers are set out of reach except in the test of them, so that one
 * test's losses do not halt the firm under another.
 */
class TradingControlsIT {

    private static final long HOUR = 3_600_000;
    private static final RiskPolicy NO_FIRM_BREAKERS = new RiskPolicy(AlertPolicy.DEFAULT, DrawdownTiers.DEFAULT,
            new CircuitBreakers(1.0, 1.0, 60_000, 1_000_000, 60_000));

    private static LocalGridCluster cluster;
    private static Ignite ignite;
    private static Desk desk;
    private static BreachEngine engine;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("trading-controls");
        ignite = cluster.startNode();
        desk = new Desk(ignite);
        engine = BreachEngine.of(ignite);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void firmActiveWithoutLossBreakers() {
        new PolicyStore(ignite).write(NO_FIRM_BREAKERS, System.currentTimeMillis());
        new FirmControls(ignite).resume("test", "clean slate", System.currentTimeMillis());
    }

    @Test
    void drawdownTiersDriveActiveReducingHaltedAndOnlyAResumeReopens() {
        desk.account("TIER-1", 1_000_000).instrument("TR1", "TECH", 100);
        desk.fill("TIER-1", "TR1", Side.BUY, 10_000, 100);
        // price 96: equity 960,000, drawdown 0.04 < 0.05: no tier
        desk.price("TR1", 96);
        assertState("TIER-1", "ACTIVE", "NONE", 1.0);
        // price 94: drawdown 0.06 >= 0.05: orders sized down to half, still ACTIVE
        desk.price("TR1", 94);
        assertState("TIER-1", "ACTIVE", "REDUCE_SIZE", 0.5);
        // price 89: drawdown 0.11 >= 0.10: REDUCING
        desk.price("TR1", 89);
        assertState("TIER-1", "REDUCING", "REDUCING", 1.0);
        assertThat(check("TIER-1", "TR1", Side.BUY, 10).approved()).as("risk-increasing order while REDUCING").isFalse();
        assertThat(check("TIER-1", "TR1", Side.SELL, 10).approved()).as("risk-reducing order while REDUCING").isTrue();
        // price 84: drawdown 0.16 >= 0.15: HALTED, and even a reducing order is refused
        desk.price("TR1", 84);
        assertState("TIER-1", "HALTED", "HALTED", 1.0);
        PreTradeDecision halted = check("TIER-1", "TR1", Side.SELL, 10);
        assertThat(halted.approved()).isFalse();
        assertThat(halted.reasonCodes()).contains("ACCOUNT_HALTED");
        // Back to the peak: the tier holds until someone resumes the account.
        desk.price("TR1", 100);
        assertState("TIER-1", "HALTED", "HALTED", 1.0);
        ControlResult resumed = AccountControlJob.run(ignite, KillSwitchJob.resume("TIER-1", "risk.manager",
                "loss recovered", System.currentTimeMillis()));
        assertThat(resumed.stateBefore).isEqualTo("HALTED");
        assertThat(resumed.stateAfter).isEqualTo("ACTIVE");

        List<AuditRow> audit = audit("TIER-1");
        List<AuditRow> tiers = audit.stream().filter(a -> a.action.equals("DRAWDOWN_TIER")).toList();
        assertThat(tiers).extracting(a -> a.after).containsExactly("REDUCE_SIZE", "REDUCING", "HALTED");
        assertThat(tiers).extracting(a -> a.triggerValue).satisfiesExactly(
                v -> assertThat(v).isCloseTo(0.06, within(1e-12)),
                v -> assertThat(v).isCloseTo(0.11, within(1e-12)),
                v -> assertThat(v).isCloseTo(0.16, within(1e-12)));
        assertThat(tiers).allSatisfy(a -> assertThat(a.actor).isEqualTo("system"));
        assertThat(audit.stream().filter(a -> a.action.equals("TRADING_STATE")).map(a -> a.before + "->" + a.after))
                .containsExactly("ACTIVE->REDUCING", "REDUCING->HALTED");
        AuditRow resume = audit.stream().filter(a -> a.action.equals("RESUME")).findFirst().orElseThrow();
        assertThat(resume.actor).isEqualTo("risk.manager");
        assertThat(resume.reason).isEqualTo("loss recovered");
        assertThat(resume.before + "->" + resume.after).isEqualTo("HALTED->ACTIVE");
    }

    @Test
    void accountKillSwitchRejectsEveryOrderAndIsAudited() {
        desk.account("KILL-1", 1_000_000).instrument("KL1", "TECH", 100);
        desk.fill("KILL-1", "KL1", Side.BUY, 100, 100);
        ControlResult halted = AccountControlJob.run(ignite, KillSwitchJob.halt("KILL-1", "desk.head", "rogue algo",
                System.currentTimeMillis()));
        assertThat(halted.stateBefore + "->" + halted.stateAfter).isEqualTo("ACTIVE->HALTED");
        PreTradeDecision d = check("KILL-1", "KL1", Side.SELL, 10);
        assertThat(d.approved()).isFalse();
        assertThat(d.reasonCodes()).containsExactly("ACCOUNT_HALTED");
        AuditRow halt = audit("KILL-1").stream().filter(a -> a.action.equals("HALT")).findFirst().orElseThrow();
        assertThat(halt.actor).isEqualTo("desk.head");
        assertThat(halt.reason).isEqualTo("rogue algo");
        assertThat(halt.before + "->" + halt.after).isEqualTo("ACTIVE->HALTED");
        AccountControlJob.run(ignite, KillSwitchJob.resume("KILL-1", "desk.head", "fixed", System.currentTimeMillis()));
        assertThat(check("KILL-1", "KL1", Side.SELL, 10).approved()).isTrue();
    }

    @Test
    void firmKillSwitchRejectsOrdersOfEveryAccount() {
        desk.account("FIRM-1", 1_000_000).instrument("FM1", "TECH", 100);
        new FirmControls(ignite).halt("cro", "market dislocation", System.currentTimeMillis());
        PreTradeDecision d = check("FIRM-1", "FM1", Side.BUY, 1);
        assertThat(d.approved()).isFalse();
        assertThat(d.reasonCodes()).containsExactly("FIRM_HALTED");
        AuditRow halt = audit(null).stream().filter(a -> a.action.equals("HALT") && a.accountId == null
                && "market dislocation".equals(a.reason)).findFirst().orElseThrow();
        assertThat(halt.actor).isEqualTo("cro");
        new FirmControls(ignite).resume("cro", "calm again", System.currentTimeMillis());
        assertThat(check("FIRM-1", "FM1", Side.BUY, 1).approved()).isTrue();
    }

    @Test
    void anExpiredLimitOverrideRevertsByItselfAndRaisesTheBreachAgain() {
        desk.account("OVR-1", 1_000_000).instrument("OV1", "TECH", 100)
                .limit("OVR-1", "GROSS", LimitMetric.GROSS_NOTIONAL, 1_000_000);
        // 950,000 of 1,000,000 = 0.95: HIGH
        desk.fill("OVR-1", "OV1", Side.BUY, 9_500, 100);
        String first = awaitOpenAlert("OVR-1", "HIGH");
        long now = System.currentTimeMillis();
        ControlResult r = AccountControlJob.run(ignite, OverrideJob.limit("OVR-1", "OVR-A", "GROSS", 2_000_000, now + HOUR,
                "risk.manager", "client rebalancing", now));
        assertThat(r.ok()).isTrue();
        // 950,000 of 2,000,000 = 0.475 < 0.75: resolved while the override lasts; an order to 1,500,000 is allowed
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(desk.alerts("OVR-1").get(first).status).isEqualTo("RESOLVED"));
        assertThat(check("OVR-1", "OV1", Side.BUY, 5_500).approved()).isTrue();

        // Two hours later (fake time): the override has ended; GROSS is 1,000,000 again: 0.95, a new HIGH alert.
        engine.tick(now + 2 * HOUR);
        AccountRiskRow risk = desk.risk("OVR-1");
        assertThat(risk.limitValues[0]).isEqualTo(1_000_000);
        assertThat(risk.nextExpiryAt).isNull();
        String second = awaitOpenAlert("OVR-1", "HIGH");
        assertThat(second).isNotEqualTo(first);
        OverrideRow ended = ignite.<OverrideKey, OverrideRow>cache(GridTables.OVERRIDES).get(new OverrideKey("OVR-1", "OVR-A"));
        assertThat(ended.status).isEqualTo("EXPIRED");
        List<AuditRow> audit = audit("OVR-1");
        AuditRow set = audit.stream().filter(a -> a.action.equals("LIMIT_OVERRIDE")).findFirst().orElseThrow();
        assertThat(set.actor).isEqualTo("risk.manager");
        assertThat(set.reason).isEqualTo("client rebalancing");
        assertThat(set.before + "->" + set.after).isEqualTo("1000000->2000000");
        AuditRow expired = audit.stream().filter(a -> a.action.equals("OVERRIDE_EXPIRED")).findFirst().orElseThrow();
        assertThat(expired.actor).isEqualTo("system");
        assertThat(expired.before + "->" + expired.after).isEqualTo("2000000->1000000");
    }

    @Test
    void anExpiredStateOverrideRevertsToTheAutomaticState() {
        desk.account("SOV-1", 1_000_000).instrument("SO1", "TECH", 100);
        long now = System.currentTimeMillis();
        AccountControlJob.run(ignite, OverrideJob.state("SOV-1", "OVR-S", TradingState.REDUCING, now + HOUR,
                "compliance", "pending review", now));
        assertThat(desk.risk("SOV-1").tradingState).isEqualTo("REDUCING");
        assertThat(check("SOV-1", "SO1", Side.BUY, 1).approved()).isFalse();
        engine.tick(now + HOUR);
        assertThat(desk.risk("SOV-1").tradingState).isEqualTo("ACTIVE");
        assertThat(desk.risk("SOV-1").stateOverride).isNull();
        assertThat(check("SOV-1", "SO1", Side.BUY, 1).approved()).isTrue();
        assertThat(audit("SOV-1").stream().filter(a -> a.action.equals("TRADING_STATE")).map(a -> a.before + "->" + a.after))
                .containsExactly("REDUCING->ACTIVE");
    }

    @Test
    void unacknowledgedAlertsEscalateCriticalSoonerThanHighAndAcknowledgedOnesDoNot() {
        desk.account("ESC-1", 1_000_000).account("ESC-2", 1_000_000).account("ESC-3", 1_000_000)
                .instrument("ES1", "TECH", 100);
        for (String a : List.of("ESC-1", "ESC-2", "ESC-3")) {
            desk.limit(a, "GROSS", LimitMetric.GROSS_NOTIONAL, 1_000_000);
        }
        desk.fill("ESC-1", "ES1", Side.BUY, 9_500, 100);  // 0.95: HIGH
        desk.fill("ESC-2", "ES1", Side.BUY, 10_500, 100); // 1.05: CRITICAL
        desk.fill("ESC-3", "ES1", Side.BUY, 10_500, 100); // 1.05: CRITICAL, acknowledged below
        String high = awaitOpenAlert("ESC-1", "HIGH");
        String critical = awaitOpenAlert("ESC-2", "CRITICAL");
        String acked = awaitOpenAlert("ESC-3", "CRITICAL");
        new AlertDesk(ignite).acknowledge(acked, "trader.jo", "on it", System.currentTimeMillis());
        long since = desk.alerts("ESC-1").get(high).severitySince;
        // 61 s later: CRITICAL (1 min) escalates, HIGH (5 min) not yet, the acknowledged one never
        engine.tick(since + 61_000);
        assertThat(desk.alerts("ESC-2").get(critical).status).isEqualTo("ESCALATED");
        assertThat(desk.alerts("ESC-1").get(high).status).isEqualTo("ACTIVE");
        assertThat(desk.alerts("ESC-3").get(acked).status).isEqualTo("ACKNOWLEDGED");
        assertThat(desk.alerts("ESC-3").get(acked).ackBy).isEqualTo("trader.jo");
        engine.tick(since + 301_000);
        assertThat(desk.alerts("ESC-1").get(high).status).isEqualTo("ESCALATED");
        assertThat(desk.alerts("ESC-3").get(acked).status).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void firmTotalLossBreakerHaltsTheFirmAndIsAuditedWithTheLoss() {
        // Trip at a loss of 1% of the firm's start-of-day equity.
        new PolicyStore(ignite).write(new RiskPolicy(AlertPolicy.DEFAULT, DrawdownTiers.DEFAULT,
                new CircuitBreakers(0.01, 1.0, 60_000, 1_000_000, 60_000)), System.currentTimeMillis());
        double sod = firmSum("SOD_EQUITY");
        double equity = firmSum("EQUITY");
        double headroom = equity - (sod - 0.01 * sod);
        // A loss of headroom + 10,000 takes the firm 10,000 past its 1% limit.
        desk.account("BRK-1", 1_000_000).instrument("BK1", "TECH", 100);
        double qty = Math.ceil((headroom + 10_000) / 10);
        desk.fill("BRK-1", "BK1", Side.BUY, qty, 100);
        try {
            desk.price("BK1", 90);
            engine.tick(System.currentTimeMillis());
            assertThat(new FirmControls(ignite).state()).isEqualTo(TradingState.HALTED);
            AuditRow trip = audit(null).stream().filter(a -> a.action.equals("CIRCUIT_BREAKER")).findFirst().orElseThrow();
            assertThat(trip.actor).isEqualTo("system");
            assertThat(trip.after).isEqualTo("HALTED");
            assertThat(trip.details).contains("TOTAL_LOSS");
            // The loss that tripped it: at least 1% of start-of-day equity.
            assertThat(trip.triggerValue).isGreaterThanOrEqualTo(0.01 * firmSum("SOD_EQUITY"));
        } finally {
            // Take the loss back: the node's own breach engine may still be in a tick that read the 1%
            // policy, and would halt the firm again under the next test, after its reset.
            desk.price("BK1", 100);
        }
    }

    private static double firmSum(String column) {
        Object v = ignite.cache(GridTables.ACCOUNT_RISK).query(new org.apache.ignite.cache.query.SqlFieldsQuery(
                "SELECT SUM(" + column + ") FROM ACCOUNT_RISK").setSchema("PUBLIC")).getAll().get(0).get(0);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    private static PreTradeDecision check(String accountId, String instrumentId, Side side, double qty) {
        return ignite.compute().execute(PreTradeCheckTask.NAME, new PreTradeOrder(accountId, instrumentId, side, qty, 100));
    }

    private static void assertState(String accountId, String state, String tier, double sizing) {
        AccountRiskRow r = desk.risk(accountId);
        assertThat(r.tradingState).as("trading state").isEqualTo(state);
        assertThat(r.drawdownTier).as("drawdown tier").isEqualTo(tier);
        assertThat(r.sizingFactor).as("sizing factor").isEqualTo(sizing);
    }

    private static String awaitOpenAlert(String accountId, String severity) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map.Entry<String, AlertRow> open = desk.alerts(accountId).entrySet().stream()
                    .filter(e -> !e.getValue().status.equals("RESOLVED")).findFirst().orElseThrow();
            assertThat(open.getValue().severity).isEqualTo(severity);
            id[0] = open.getKey();
        });
        return id[0];
    }

    /** The audit rows of an account (null: firm-wide rows), oldest first. */
    private static List<AuditRow> audit(String accountId) {
        List<AuditRow> out = new ArrayList<>();
        ignite.<String, AuditRow>cache(GridTables.AUDIT_LOG).query(new ScanQuery<String, AuditRow>())
                .forEach(e -> {
                    if (accountId == null ? e.getValue().accountId == null : accountId.equals(e.getValue().accountId)) {
                        out.add(e.getValue());
                    }
                });
        out.sort(Comparator.comparingLong(a -> a.ts));
        return out;
    }
}
