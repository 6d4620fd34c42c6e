package io.riskgrid.core.var;

import io.riskgrid.core.Guard;

import java.util.Arrays;

/**
 * A value at risk and what lies behind it, money in the portfolio's currency.
 * <p>
 * This record is immutable and thread-safe: {@code componentVar} is copied on the way in and on the
 * way out.
 *
 * @param method       how it was computed
 * @param confidence   the confidence level c in (0, 1), such as 0.99
 * @param horizonDays  the horizon in days; one-day figures are scaled by sqrt(horizonDays)
 * @param var          the loss not exceeded with probability c, as a positive amount (negative only
 *                     if even that tail of the distribution is a gain)
 * @param cvar         the expected loss given that the loss is at least VaR (expected shortfall),
 *                     as a positive amount
 * @param componentVar each position's share of VaR, in the order of the market values; the shares
 *                     add up to VaR
 * @param scenarios    paths simulated (Monte Carlo), scenario rows used (historical), or 0 (parametric)
 */
public record VarResult(VarMethod method, double confidence, int horizonDays, double var, double cvar,
                        double[] componentVar, int scenarios) {

    public VarResult {
        Guard.notNull(method, "method");
        VarInputs.checkConfidence(confidence);
        Guard.positive(horizonDays, "horizonDays");
        Guard.finite(var, "var");
        Guard.finite(cvar, "cvar");
        componentVar = Guard.notNull(componentVar, "componentVar").clone();
        if (scenarios < 0) {
            throw new IllegalArgumentException("scenarios must be zero or positive, was " + scenarios);
        }
    }

    /** A copy of the components. */
    @Override
    public double[] componentVar() {
        return componentVar.clone();
    }

    /** Component {@code i}, without copying the array. */
    public double componentVar(int i) {
        return componentVar[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VarResult r
                && method == r.method
                && Double.compare(confidence, r.confidence) == 0
                && horizonDays == r.horizonDays
                && Double.compare(var, r.var) == 0
                && Double.compare(cvar, r.cvar) == 0
                && Arrays.equals(componentVar, r.componentVar)
                && scenarios == r.scenarios;
    }

    @Override
    public int hashCode() {
        int h = method.hashCode();
        h = 31 * h + Double.hashCode(confidence);
        h = 31 * h + horizonDays;
        h = 31 * h + Double.hashCode(var);
        h = 31 * h + Double.hashCode(cvar);
        h = 31 * h + Arrays.hashCode(componentVar);
        return 31 * h + scenarios;
    }

    @Override
    public String toString() {
        return "VarResult[method=" + method + ", confidence=" + confidence + ", horizonDays=" + horizonDays
                + ", var=" + var + ", cvar=" + cvar + ", componentVar=" + Arrays.toString(componentVar)
                + ", scenarios=" + scenarios + "]";
    }
}
