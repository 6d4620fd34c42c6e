package io.riskgrid.core.stress;

import java.util.List;

/**
 * One account under a stress scenario, in a form Ignite's binary marshaller can carry: its P&L,
 * equity before and after, and the limits it would breach (id, metric, value after, max value,
 * utilization).
 * <p>
 * A plain class (not a record). Immutable and thread-safe as long as callers do not change the
 * arrays it returns.
 */
public final class AccountStressOutcome {

    private final String accountId;
    private final double pnl;
    private final double equityBefore;
    private final double equityAfter;
    private final String[] limitIds;
    private final String[] metrics;
    private final double[] valuesAfter;
    private final double[] maxValues;
    private final double[] utilizations;

    public AccountStressOutcome(AccountStressResult r) {
        this.accountId = r.accountId();
        this.pnl = r.pnl();
        this.equityBefore = r.equityBefore();
        this.equityAfter = r.equityAfter();
        List<StressBreach> b = r.breaches();
        int n = b.size();
        this.limitIds = new String[n];
        this.metrics = new String[n];
        this.valuesAfter = new double[n];
        this.maxValues = new double[n];
        this.utilizations = new double[n];
        for (int i = 0; i < n; i++) {
            StressBreach s = b.get(i);
            limitIds[i] = s.limitId();
            metrics[i] = s.metric().name();
            valuesAfter[i] = s.valueAfter();
            maxValues[i] = s.maxValue();
            utilizations[i] = s.utilization();
        }
    }

    public String accountId() {
        return accountId;
    }

    public double pnl() {
        return pnl;
    }

    public double equityBefore() {
        return equityBefore;
    }

    public double equityAfter() {
        return equityAfter;
    }

    /** Number of limits the account would breach. */
    public int breachCount() {
        return limitIds.length;
    }

    public String limitId(int i) {
        return limitIds[i];
    }

    public String metric(int i) {
        return metrics[i];
    }

    public double valueAfter(int i) {
        return valuesAfter[i];
    }

    public double maxValue(int i) {
        return maxValues[i];
    }

    public double utilization(int i) {
        return utilizations[i];
    }
}
