package io.riskgrid.api.job;

import io.riskgrid.core.stress.AccountStressOutcome;
import io.riskgrid.core.stress.StressReport;
import io.riskgrid.core.var.VarReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The results of jobs as JSON records, mapped from the grid's reports in this one place.
 */
final class JobResults {

    private JobResults() {
    }

    /**
     * The result of a VAR job.
     *
     * @param var                   value at risk, a positive loss amount in the base currency
     * @param cvar                  expected shortfall beyond the VaR, a positive amount
     * @param scenarios             paths (Monte Carlo), days replayed (historical), 0 (parametric)
     * @param seed                  the Monte Carlo seed the figure reproduces from
     * @param accounts              accounts with open positions in the figure
     * @param positions             open positions in the figure
     * @param exposures             net market value per instrument, for instruments held
     * @param componentVar          each instrument's share of the VaR, or null where the method gives none
     * @param unmodelledInstruments instruments held without return history (default volatility, no correlation)
     * @param historyDays           days of return history the market model was estimated from
     */
    record VarResult(String scope, String accountId, String method, double confidence, int horizonDays, double var,
                     double cvar, int scenarios, Long seed, int accounts, int positions, List<Exposure> exposures,
                     List<String> unmodelledInstruments, int historyDays, long computedAt, long elapsedMillis) {
    }

    /** An instrument's net exposure and its share of the VaR (null where the method gives none). */
    record Exposure(String instrumentId, double marketValue, Double componentVar) {
    }

    static VarResult of(VarReport r) {
        List<Exposure> exposures = new ArrayList<>();
        for (int i = 0; i < r.instrumentIds().length; i++) {
            exposures.add(new Exposure(r.instrumentIds()[i], r.exposures()[i],
                    r.componentVar() == null ? null : r.componentVar()[i]));
        }
        Long seed = r.method().name().equals("MONTE_CARLO") ? r.seed() : null;
        return new VarResult(r.scope().name(), r.accountId(), r.method().name(), r.confidence(), r.horizonDays(), r.var(),
                r.cvar(), r.scenarios(), seed, r.accounts(), r.positions(), exposures,
                Arrays.asList(r.unmodelledInstruments()), r.historyDays(), r.computedAt(), r.elapsedMillis());
    }

    /**
     * The result of a STRESS or SCENARIO job.
     *
     * @param pnl               the firm's P&L under the scenario (negative for a loss)
     * @param accounts          accounts stressed
     * @param shocks            the shocks applied (for a replay, each instrument's compounded move)
     * @param worst             the accounts with the lowest P&L, worst first
     * @param breachingAccounts every account that would breach at least one limit
     */
    record StressResult(String scenario, double pnl, int accounts, List<ShockApplied> shocks, List<AccountOutcome> worst,
                        List<String> breachingAccounts, long computedAt, long elapsedMillis) {
    }

    record ShockApplied(String target, String key, double change) {
    }

    /** One account under the scenario and the limits it would breach. */
    record AccountOutcome(String accountId, double pnl, double equityBefore, double equityAfter,
                          List<Breach> breaches) {
    }

    /** A limit the account would breach: its value after the shock against its max. */
    record Breach(String limitId, String metric, double valueAfter, double maxValue, double utilization) {
    }

    static StressResult of(StressReport r) {
        List<ShockApplied> shocks = new ArrayList<>();
        for (int i = 0; i < r.shockCount(); i++) {
            shocks.add(new ShockApplied(r.shockTarget(i), r.shockKey(i), r.shockChange(i)));
        }
        List<AccountOutcome> worst = new ArrayList<>();
        for (AccountStressOutcome o : r.worst()) {
            List<Breach> breaches = new ArrayList<>();
            for (int i = 0; i < o.breachCount(); i++) {
                breaches.add(new Breach(o.limitId(i), o.metric(i), o.valueAfter(i), o.maxValue(i), o.utilization(i)));
            }
            worst.add(new AccountOutcome(o.accountId(), o.pnl(), o.equityBefore(), o.equityAfter(), breaches));
        }
        return new StressResult(r.scenario(), r.pnl(), r.accounts(), shocks, worst, Arrays.asList(r.breachingAccounts()),
                r.computedAt(), r.elapsedMillis());
    }
}
