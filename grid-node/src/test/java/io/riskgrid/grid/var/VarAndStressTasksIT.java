package io.riskgrid.grid.var;

import io.riskgrid.compute.stress.StressTask;
import io.riskgrid.compute.var.AccountVarTask;
import io.riskgrid.compute.var.FirmVarTask;
import io.riskgrid.compute.var.VarRefresh;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.stress.AccountStressOutcome;
import io.riskgrid.core.stress.Shock;
import io.riskgrid.core.stress.ShockTarget;
import io.riskgrid.core.stress.StressReport;
import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.stress.StressScenario;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.AlertRow;
import io.riskgrid.grid.testing.Desk;
import io.riskgrid.grid.testing.VarBook;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.riskgrid.grid.testing.VarBook.ACC_A;
import static io.riskgrid.grid.testing.VarBook.ACC_B;
import static io.riskgrid.grid.testing.VarBook.PHI_Z99;
import static io.riskgrid.grid.testing.VarBook.Z95;
import static io.riskgrid.grid.testing.VarBook.Z99;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * VaR and stress tasks on a real node against {@link VarBook}'s hand-checkable book. By hand:
 * ACC-A's one-day P&L sd is 100,000 x 2% = 2,000; ACC-B's 100,000 x 1% = 1,000; with correlation
 * -1 the firm's is |2,000 - 1,000| = 1,000, far less than the sum of the two.
 */
class VarAndStressTasksIT {

    private static LocalGridCluster cluster;
    private static Desk desk;
    private static Ignite ignite;

    @BeforeAll
    static void start() {
        cluster = new LocalGridCluster("var-tasks");
        ignite = cluster.startNode();
        desk = new Desk(ignite);
        VarBook.load(desk);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void accountParametricVarIsTheClosedFormOnItsPrimaryNode() {
        VarReport r = ignite.compute().execute(AccountVarTask.NAME,
                VarRequest.account(ACC_A, VarMethod.PARAMETRIC, 0.99, 1, 10_000, 1));
        // s = 2,000; VaR = z s; CVaR = s phi(z) / (1 - c).
        assertThat(r.var()).isCloseTo(Z99 * 2_000, within(1e-6));
        assertThat(r.cvar()).isCloseTo(2_000 * PHI_Z99 / 0.01, within(1e-6));
        assertThat(r.instrumentIds()).containsExactly(VarBook.AAPL);
        assertThat(r.exposures()).containsExactly(100_000.0);
        assertThat(r.componentVar()[0]).isCloseTo(Z99 * 2_000, within(1e-6));
        assertThat(r.positions()).isEqualTo(1);
        assertThat(r.historyDays()).isEqualTo(VarBook.HISTORY_DAYS);
    }

    @Test
    void horizonScalesBySquareRootOfDays() {
        VarReport r = ignite.compute().execute(AccountVarTask.NAME,
                VarRequest.account(ACC_B, VarMethod.PARAMETRIC, 0.99, 4, 10_000, 1));
        // s = 1,000 x sqrt(4).
        assertThat(r.var()).isCloseTo(Z99 * 2_000, within(1e-6));
    }

    @Test
    void firmParametricVarNetsTheBookInsteadOfAddingAccountVars() {
        VarReport r = ignite.compute().execute(FirmVarTask.NAME, VarRequest.firm(VarMethod.PARAMETRIC, 0.99, 1, 10_000, 1));
        assertThat(r.var()).isCloseTo(Z99 * 1_000, within(1e-6));
        assertThat(r.accounts()).isEqualTo(2);
        assertThat(r.positions()).isEqualTo(2);
        // Euler components z V_i (Sigma V)_i / s: Sigma V = (0.0004 x 1e5 - 0.0002 x 1e5, -0.0002 x 1e5
        // + 0.0001 x 1e5) = (20, -10), so AAPL z x 1e5 x 20 / 1,000 = z x 2,000 and XOM -z x 1,000.
        assertThat(r.componentVar()).containsExactly(new double[] {Z99 * 2_000, -Z99 * 1_000}, within(1e-6));
    }

    @Test
    void firmHistoricalVarReplaysTheFirmsDailyPnl() {
        VarReport r = ignite.compute().execute(FirmVarTask.NAME, VarRequest.firm(VarMethod.HISTORICAL, 0.95, 1, 10_000, 1));
        // Each day the firm makes +1,000 or -1,000 (100,000 x 2% - 100,000 x 1%), 20 days each. The
        // type-7 5% quantile of 40 values sits between the 2nd and 3rd smallest: -1,000. The tail for
        // CVaR is the k + 1 = 2 smallest (k = floor(39 x 0.05) = 1): -1,000.
        assertThat(r.var()).isCloseTo(1_000, within(1e-9));
        assertThat(r.cvar()).isCloseTo(1_000, within(1e-9));
        assertThat(r.scenarios()).isEqualTo(VarBook.HISTORY_DAYS);
    }

    @Test
    void firmMonteCarloVarIsWithinSamplingErrorOfTheClosedForm() {
        VarReport r = ignite.compute().execute(FirmVarTask.NAME,
                VarRequest.firm(VarMethod.MONTE_CARLO, 0.99, 1, 100_000, 7));
        // The firm's P&L is N(0, 1,000^2). The 99% quantile of n = 100,000 draws has standard error
        // sqrt(p (1 - p) / n) / f(q) = sqrt(0.0099 / 1e5) / (phi(z) / 1,000) = 11.8; allow 5 of them.
        double se = Math.sqrt(0.01 * 0.99 / 100_000) / (PHI_Z99 / 1_000);
        assertThat(r.var()).isCloseTo(Z99 * 1_000, within(5 * se));
        assertThat(r.scenarios()).isEqualTo(100_000);
        VarReport again = ignite.compute().execute(FirmVarTask.NAME,
                VarRequest.firm(VarMethod.MONTE_CARLO, 0.99, 1, 100_000, 7));
        assertThat(again.var()).isEqualTo(r.var());
        assertThat(again.cvar()).isEqualTo(r.cvar());
    }

    @Test
    void unknownAccountIsRejectedWithItsId() {
        assertThatThrownBy(() -> ignite.compute().execute(AccountVarTask.NAME,
                VarRequest.account("NOPE", VarMethod.PARAMETRIC, 0.99, 1, 10_000, 1)))
                .isInstanceOf(IgniteException.class)
                .hasStackTraceContaining("unknown account 'NOPE'");
    }

    @Test
    void stressAddsUpTheFirmAndNamesWhoWouldBreach() {
        desk.limit(ACC_A, "LOSS", LimitMetric.DAILY_LOSS, 30_000);
        StressScenario s = new StressScenario("equities -20%, tech -35%", List.of(
                new Shock(ShockTarget.ASSET_CLASS, "EQUITY", -0.20), new Shock(ShockTarget.SECTOR, "TECH", -0.35)));
        StressReport r = ignite.compute().execute(StressTask.NAME, StressRequest.shocks(s, 10));
        // ACC-A: 100,000 of tech x -35% = -35,000 (over its 30,000 daily-loss limit); ACC-B:
        // 100,000 of energy x -20% = -20,000.
        assertThat(r.pnl()).isCloseTo(-55_000, within(1e-6));
        assertThat(r.accounts()).isGreaterThanOrEqualTo(2);
        AccountStressOutcome worst = r.worst()[0];
        assertThat(worst.accountId()).isEqualTo(ACC_A);
        assertThat(worst.pnl()).isCloseTo(-35_000, within(1e-6));
        assertThat(worst.equityAfter()).isCloseTo(worst.equityBefore() - 35_000, within(1e-6));
        List<String> breached = new java.util.ArrayList<>();
        for (int i = 0; i < worst.breachCount(); i++) {
            breached.add(worst.limitId(i));
        }
        assertThat(breached).contains("LOSS");
        assertThat(r.worst()[1].accountId()).isEqualTo(ACC_B);
        assertThat(r.worst()[1].pnl()).isCloseTo(-20_000, within(1e-6));
        assertThat(r.breachingAccounts()).containsExactly(ACC_A);
    }

    @Test
    void replayCompoundsTheHistoryWindow() {
        StressReport r = ignite.compute().execute(StressTask.NAME, StressRequest.replay("first two days", 0, 2, 10));
        // AAPL: 1.02 x 0.98 - 1 = -0.0004 -> -40 on 100,000; XOM: 0.99 x 1.01 - 1 = -0.0001 -> -10.
        assertThat(r.pnl()).isCloseTo(-50, within(1e-6));
        assertThat(r.worst()[0].accountId()).isEqualTo(ACC_A);
        assertThat(r.worst()[0].pnl()).isCloseTo(-40, within(1e-6));
    }

    @Test
    void replayOutsideTheHistoryIsRejected() {
        assertThatThrownBy(() -> ignite.compute().execute(StressTask.NAME, StressRequest.replay("too far", 0, 41, 10)))
                .hasStackTraceContaining("toDay must be at most 40");
    }

    @Test
    void refreshWritesVarIntoAccountRiskAndVarLimitsAlert() {
        desk.limit(ACC_A, "VAR99", LimitMetric.VAR_99, 4_000);
        VarRefresh.of(ignite).refresh(System.currentTimeMillis());
        AccountRiskRow a = desk.risk(ACC_A);
        assertThat(a.var99).isCloseTo(Z99 * 2_000, within(1e-6));
        assertThat(a.var95).isCloseTo(Z95 * 2_000, within(1e-6));
        // 4,652.70 over a 4,000 limit: utilization 1.163, a CRITICAL breach alert.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<AlertRow> alerts = desk.alerts(ACC_A).values().stream()
                    .filter(x -> "VAR99".equals(x.limitId)).toList();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).severity).isEqualTo("CRITICAL");
            assertThat(alerts.get(0).currentValue).isCloseTo(Z99 * 2_000, within(1e-6));
        });
        // A second refresh with nothing changed writes nothing.
        assertThat(VarRefresh.of(ignite).refresh(System.currentTimeMillis())).isZero();
    }
}
