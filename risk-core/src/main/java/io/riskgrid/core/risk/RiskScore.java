package io.riskgrid.core.risk;

/**
 * An account's risk score from 0 (no risk taken) to 100 (at or beyond every reference level), with
 * the components that produced it so that a person can see why.
 * <p>
 * Each component is a utilization in [0, 1] of a reference level:
 * <ul>
 *   <li>limits: the highest utilization of any of the account's limits (1 = a limit is at its max);</li>
 *   <li>leverage: leverage / {@value #LEVERAGE_REFERENCE} (10x is full scale);</li>
 *   <li>drawdown: drawdown / {@value #DRAWDOWN_REFERENCE} (the default HALTED tier is full scale);</li>
 *   <li>VaR: one-day 99% VaR / equity, over {@value #VAR_REFERENCE} (a VaR of 10% of equity is full
 *       scale); 0 while VaR is not known;</li>
 *   <li>concentration: the largest single-instrument share of gross exposure;</li>
 *   <li>margin: margin used / equity.</li>
 * </ul>
 * The score is {@code 100 * (0.25 limits + 0.20 leverage + 0.25 drawdown + 0.15 VaR + 0.075
 * concentration + 0.075 margin)}: a weighted sum of capped, non-decreasing components whose weights
 * add up to 1, so it never falls when any input rises and reaches 100 only when every component is full.
 * <p>
 * This record is immutable and thread-safe.
 */
public record RiskScore(double score, double limitComponent, double leverageComponent, double drawdownComponent,
                        double varComponent, double concentrationComponent, double marginComponent) {

    /** Leverage at which the leverage component is full. */
    public static final double LEVERAGE_REFERENCE = 10.0;
    /** Drawdown at which the drawdown component is full. */
    public static final double DRAWDOWN_REFERENCE = 0.15;
    /** VaR as a fraction of equity at which the VaR component is full. */
    public static final double VAR_REFERENCE = 0.10;

    public static final double LIMIT_WEIGHT = 0.25;
    public static final double LEVERAGE_WEIGHT = 0.20;
    public static final double DRAWDOWN_WEIGHT = 0.25;
    public static final double VAR_WEIGHT = 0.15;
    public static final double CONCENTRATION_WEIGHT = 0.075;
    public static final double MARGIN_WEIGHT = 0.075;

    /**
     * The score of the given raw figures.
     *
     * @param maxLimitUtilization highest utilization of the account's limits (0 with no limits)
     * @param leverage            gross exposure / equity
     * @param drawdown            drawdown fraction
     * @param varOverEquity       one-day 99% VaR / equity, NaN while unknown
     * @param concentration       largest single-instrument share of gross exposure
     * @param marginUtilization   margin used / equity
     */
    public static RiskScore of(double maxLimitUtilization, double leverage, double drawdown, double varOverEquity,
                               double concentration, double marginUtilization) {
        return ofComponents(clamp(maxLimitUtilization), clamp(leverage / LEVERAGE_REFERENCE),
                clamp(drawdown / DRAWDOWN_REFERENCE), clamp(varOverEquity / VAR_REFERENCE), clamp(concentration),
                clamp(marginUtilization));
    }

    /** This score with a new limits component (and VaR), the others unchanged. */
    public RiskScore withLimitsAndVar(double maxLimitUtilization, double varOverEquity) {
        return ofComponents(clamp(maxLimitUtilization), leverageComponent, drawdownComponent,
                clamp(varOverEquity / VAR_REFERENCE), concentrationComponent, marginComponent);
    }

    /** The weighted sum of components already capped to [0, 1]. */
    private static RiskScore ofComponents(double limits, double lev, double dd, double var, double conc, double margin) {
        double score = 100 * (LIMIT_WEIGHT * limits + LEVERAGE_WEIGHT * lev + DRAWDOWN_WEIGHT * dd + VAR_WEIGHT * var
                + CONCENTRATION_WEIGHT * conc + MARGIN_WEIGHT * margin);
        return new RiskScore(Math.min(100, score), limits, lev, dd, var, conc, margin);
    }

    private static double clamp(double x) {
        if (!(x > 0)) {
            return 0;
        }
        return Math.min(1, x);
    }
}
