package io.riskgrid.core.stress;

import io.riskgrid.core.Guard;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.LimitEvaluator;
import io.riskgrid.core.limit.LimitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a {@link StressScenario} to one account's book and measures its limits on the result:
 * "if equities fell 20% and tech 35% right now, what would this account lose, and which of its
 * limits would it breach?"
 * <p>
 * <b>Revaluation.</b> The scenario is instantaneous: prices gap, quantities do not change. Each
 * position is revalued at price * (1 + change), and since market value is quantity * price *
 * contract size, its market value becomes mv * (1 + change) and its P&amp;L is mv * change. A short
 * position (negative mv) gains when prices fall. This is exact for linear instruments (cash
 * equities, futures, FX); an option book would need full revaluation, which RiskGrid does not hold.
 * <p>
 * <b>The stressed book.</b> {@link #stressed} builds the {@link AccountExposure} the account
 * would have: the scaled market values, equity + P&amp;L, the day's P&amp;L + P&amp;L (the scenario
 * happens today), and a drawdown recomputed from the peak equity. The exposure carries the drawdown
 * but not the peak, so the peak is recovered as equity / (1 - drawdown); after the stress the peak
 * is the larger of that and the new equity (a gain can set a new high) and the drawdown is
 * (peak - equity after) / peak, as {@link io.riskgrid.core.account.AccountRiskCalculator} measures
 * it. Two cases have no recoverable peak: a drawdown of 1 or more (the account has lost all of its
 * peak equity) keeps its drawdown, and an account whose implied peak is not positive has drawdown 0,
 * as the calculator gives it. One-day VaR is left as it was: re-estimating it belongs to the VaR
 * job, not to an instantaneous shock. Gross, net, concentration and leverage are not stored in the
 * exposure; {@link LimitEvaluator} derives them from the stressed market values and equity, so they
 * are consistent with the stressed book by construction.
 * <p>
 * <b>Breaches.</b> Every limit of the account's {@link LimitSet} is measured on the stressed book
 * with {@link LimitEvaluator}, exactly as the live breach check measures it, and each limit whose
 * utilization is 1 or more is reported. A limit whose value is not known (VaR while NaN) is never
 * a breach.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}. It only reads the exposure it is
 * given, so several threads may stress one exposure at once as long as none of them changes it.
 */
public final class StressTest {

    /** The shared instance. */
    public static final StressTest DEFAULT = new StressTest();

    private StressTest() {
    }

    /**
     * Stresses one account.
     *
     * @param accountId    the account, for the result
     * @param scenario     the price moves
     * @param before       the account's exposure now, as the live limit check sees it; not changed
     * @param limits       the account's limits at their effective maximum
     * @param assetClassOf the asset class of an instrument id (the exposure carries instrument and sector, not asset
     *                     class); may return null for an instrument with none, which no asset-class shock then reaches
     */
    public AccountStressResult account(String accountId, StressScenario scenario, AccountExposure before, LimitSet limits,
                                       Function<String, String> assetClassOf) {
        Guard.notBlank(accountId, "accountId");
        Guard.notNull(limits, "limits");
        double[] positionPnl = new double[Guard.notNull(before, "before").size()];
        AccountExposure after = stress(scenario, before, assetClassOf, positionPnl);
        double pnl = sum(positionPnl);
        List<StressBreach> breaches = new ArrayList<>();
        LimitEvaluator evaluator = LimitEvaluator.DEFAULT;
        for (int i = 0; i < limits.size(); i++) {
            double value = evaluator.value(limits, i, after);
            double max = limits.maxValue(i);
            double utilization = value / max;
            // NaN (a value not known yet) compares false, so it never reports a breach.
            if (utilization >= 1) {
                breaches.add(new StressBreach(limits.limitId(i), limits.metric(i), value, max, utilization));
            }
        }
        return new AccountStressResult(accountId, pnl, before.equity(), after.equity(), positionPnl, breaches);
    }

    /**
     * The exposure the account would have after the scenario: positions in the same slots with the
     * same quantities and market values scaled by (1 + change), and equity, day's P&amp;L and
     * drawdown moved by the scenario's P&amp;L as the class comment describes. A new exposure; the one
     * given is not changed.
     */
    public AccountExposure stressed(StressScenario scenario, AccountExposure before, Function<String, String> assetClassOf) {
        Guard.notNull(before, "before");
        return stress(scenario, before, assetClassOf, new double[before.size()]);
    }

    /** The drawdown after equity moves from {@code equity} to {@code equityAfter}, at drawdown {@code drawdown} before. */
    static double drawdownAfter(double equity, double drawdown, double equityAfter) {
        if (!(drawdown < 1)) {
            // The peak cannot be recovered from an account that has lost all of it; NaN stays NaN.
            return drawdown;
        }
        double peak = Math.max(equity / (1 - drawdown), equityAfter);
        return peak > 0 ? Math.max(0, (peak - equityAfter) / peak) : 0;
    }

    private static AccountExposure stress(StressScenario scenario, AccountExposure before,
                                          Function<String, String> assetClassOf, double[] positionPnl) {
        Guard.notNull(scenario, "scenario");
        Guard.notNull(assetClassOf, "assetClassOf");
        int n = before.size();
        AccountExposure after = new AccountExposure(n);
        double pnl = 0;
        for (int k = 0; k < n; k++) {
            String instrumentId = before.instrumentId(k);
            double change = scenario.changeFor(instrumentId, before.sector(k), assetClassOf.apply(instrumentId));
            double mv = before.marketValue(k);
            positionPnl[k] = mv * change;
            pnl += positionPnl[k];
            after.add(instrumentId, before.sector(k), before.quantity(k), mv * (1 + change));
        }
        double equityAfter = before.equity() + pnl;
        after.account(equityAfter, before.dailyPnl() + pnl, drawdownAfter(before.equity(), before.drawdown(), equityAfter),
                before.var99());
        return after;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
