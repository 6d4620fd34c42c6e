package io.riskgrid.core.stress;

/**
 * The outcome of a stress test across the firm: the firm's P&L under the scenario, the worst
 * accounts with their P&L and the limits they would breach, and every account that would breach
 * at least one limit.
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it, also to a thin
 * client. Immutable and thread-safe as long as callers do not change the arrays it returns.
 */
public final class StressReport {

    private final String scenario;
    private final String[] shockTargets;
    private final String[] shockKeys;
    private final double[] shockChanges;
    private final double pnl;
    private final int accounts;
    private final AccountStressOutcome[] worst;
    private final String[] breachingAccounts;
    private final long computedAt;
    private final long elapsedMillis;

    public StressReport(StressScenario scenario, double pnl, int accounts, AccountStressOutcome[] worst,
                        String[] breachingAccounts, long computedAt, long elapsedMillis) {
        this.scenario = scenario.name();
        int n = scenario.shocks().size();
        this.shockTargets = new String[n];
        this.shockKeys = new String[n];
        this.shockChanges = new double[n];
        for (int i = 0; i < n; i++) {
            Shock s = scenario.shocks().get(i);
            shockTargets[i] = s.target().name();
            shockKeys[i] = s.key();
            shockChanges[i] = s.change();
        }
        this.pnl = pnl;
        this.accounts = accounts;
        this.worst = worst;
        this.breachingAccounts = breachingAccounts;
        this.computedAt = computedAt;
        this.elapsedMillis = elapsedMillis;
    }

    public String scenario() {
        return scenario;
    }

    /** The shocks applied (for a replay: one per instrument, its compounded return over the window). */
    public int shockCount() {
        return shockTargets.length;
    }

    public String shockTarget(int i) {
        return shockTargets[i];
    }

    public String shockKey(int i) {
        return shockKeys[i];
    }

    public double shockChange(int i) {
        return shockChanges[i];
    }

    /** The firm's P&L under the scenario (negative for a loss). */
    public double pnl() {
        return pnl;
    }

    /** Accounts stressed. */
    public int accounts() {
        return accounts;
    }

    /** The accounts with the lowest P&L, worst first. */
    public AccountStressOutcome[] worst() {
        return worst;
    }

    /** Every account that would breach at least one limit, in id order. */
    public String[] breachingAccounts() {
        return breachingAccounts;
    }

    public long computedAt() {
        return computedAt;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }
}
