package io.riskgrid.core.risk;

/**
 * An account's risk score from 0 (no risk taken) to 100 (at or beyond every reference level), with
 * the components that produced it so that a person can see why.
 * <p>
 * Each component is a utilization in [0, 1] of a reference level:
 * <ul>
 *   <li>leverage: leverage / {@value #LEVERAGE_REFERENCE} (10x is full scale);</li>
 *   <li>drawdown: drawdown / {@value #DRAWDOWN_REFERENCE} (the default HALTED tier is full scale);</li>
 *   <li>concentration: the largest single-instrument share of gross exposure;</li>
 *   <li>margin: margin used / equity.</li>
 * </ul>
 * The score is {@code 100 * (0.35 leverage + 0.35 drawdown + 0.15 concentration + 0.15 margin)}:
 * a weighted sum of capped, non-decreasing components, so it never falls when any input rises.
 * <p>
 * This record is immutable and thread-safe.
 */
public record RiskScore(double score, double leverageComponent, double drawdownComponent,
                        double concentrationComponent, double marginComponent) {

    /** Leverage at which the leverage component is full. */
    public static final double LEVERAGE_REFERENCE = 10.0;
    /** Drawdown at which the drawdown component is full. */
    public static final double DRAWDOWN_REFERENCE = 0.15;

    public static final double LEVERAGE_WEIGHT = 0.35;
    public static final double DRAWDOWN_WEIGHT = 0.35;
    public static final double CONCENTRATION_WEIGHT = 0.15;
    public static final double MARGIN_WEIGHT = 0.15;

    /** The score of the given raw figures. */
    public static RiskScore of(double leverage, double drawdown, double concentration, double marginUtilization) {
        double lev = clamp(leverage / LEVERAGE_REFERENCE);
        double dd = clamp(drawdown / DRAWDOWN_REFERENCE);
        double conc = clamp(concentration);
        double margin = clamp(marginUtilization);
        double score = 100 * (LEVERAGE_WEIGHT * lev + DRAWDOWN_WEIGHT * dd + CONCENTRATION_WEIGHT * conc
                + MARGIN_WEIGHT * margin);
        return new RiskScore(score, lev, dd, conc, margin);
    }

    private static double clamp(double x) {
        if (!(x > 0)) {
            return 0;
        }
        return Math.min(1, x);
    }
}
