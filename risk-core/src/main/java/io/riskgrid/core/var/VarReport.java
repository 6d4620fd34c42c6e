package io.riskgrid.core.var;

/**
 * The VaR of an account or of the firm as the grid computed it, with what it was computed from:
 * VaR and CVaR as positive loss amounts in the base currency, the net exposure per instrument
 * the figure rests on, and the instruments that had no return history (modelled with a default
 * volatility and no correlation; see the README).
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it, also to a thin
 * client. Immutable and thread-safe as long as callers do not change the arrays it returns.
 */
public final class VarReport {

    private final String scope;
    private final String accountId;
    private final String method;
    private final double confidence;
    private final int horizonDays;
    private final double var;
    private final double cvar;
    private final int scenarios;
    private final long seed;
    private final int accounts;
    private final int positions;
    private final String[] instrumentIds;
    private final double[] exposures;
    private final double[] componentVar;
    private final String[] unmodelledInstruments;
    private final int historyDays;
    private final long computedAt;
    private final long elapsedMillis;

    public VarReport(VarRequest request, double var, double cvar, int scenarios, int accounts, int positions,
                     String[] instrumentIds, double[] exposures, double[] componentVar,
                     String[] unmodelledInstruments, int historyDays, long computedAt, long elapsedMillis) {
        this.scope = request.scope().name();
        this.accountId = request.accountId();
        this.method = request.method().name();
        this.confidence = request.confidence();
        this.horizonDays = request.horizonDays();
        this.seed = request.seed();
        this.var = var;
        this.cvar = cvar;
        this.scenarios = scenarios;
        this.accounts = accounts;
        this.positions = positions;
        this.instrumentIds = instrumentIds;
        this.exposures = exposures;
        this.componentVar = componentVar;
        this.unmodelledInstruments = unmodelledInstruments;
        this.historyDays = historyDays;
        this.computedAt = computedAt;
        this.elapsedMillis = elapsedMillis;
    }

    public VarScope scope() {
        return VarScope.valueOf(scope);
    }

    public String accountId() {
        return accountId;
    }

    public VarMethod method() {
        return VarMethod.valueOf(method);
    }

    public double confidence() {
        return confidence;
    }

    public int horizonDays() {
        return horizonDays;
    }

    /** Value at risk: a positive loss amount (0 for a flat book). */
    public double var() {
        return var;
    }

    /** Expected shortfall beyond the VaR: a positive loss amount, at least the VaR. */
    public double cvar() {
        return cvar;
    }

    /** Paths (Monte Carlo), days replayed (historical), 0 (parametric). */
    public int scenarios() {
        return scenarios;
    }

    /** The Monte Carlo seed the figure reproduces from. */
    public long seed() {
        return seed;
    }

    /** Accounts whose positions are in the figure. */
    public int accounts() {
        return accounts;
    }

    /** Open positions in the figure. */
    public int positions() {
        return positions;
    }

    /** Instruments with a non-zero net exposure, in id order. */
    public String[] instrumentIds() {
        return instrumentIds;
    }

    /** Net market value per instrument of {@link #instrumentIds()}. */
    public double[] exposures() {
        return exposures;
    }

    /**
     * Each instrument's share of the VaR (they sum to the VaR), or null where the method gives none
     * (a firm-wide Monte Carlo or historical figure, whose tail paths are summed across nodes).
     */
    public double[] componentVar() {
        return componentVar;
    }

    /** Instruments held that have no return history, modelled with the default volatility. */
    public String[] unmodelledInstruments() {
        return unmodelledInstruments;
    }

    /** Days of return history the market model was estimated from. */
    public int historyDays() {
        return historyDays;
    }

    public long computedAt() {
        return computedAt;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }
}
