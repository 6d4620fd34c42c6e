package io.riskgrid.core.var;

/**
 * How a value at risk is computed.
 * <ul>
 *   <li>{@link #PARAMETRIC}: in closed form, from the normal distribution of a linear portfolio's
 *       P&amp;L ({@link ParametricVar});</li>
 *   <li>{@link #HISTORICAL}: from the P&amp;L the portfolio would have made in each of a set of past
 *       return scenarios ({@link HistoricalVar});</li>
 *   <li>{@link #MONTE_CARLO}: from the P&amp;L of simulated correlated normal returns
 *       ({@link MonteCarloVar}).</li>
 * </ul>
 */
public enum VarMethod {
    PARAMETRIC,
    HISTORICAL,
    MONTE_CARLO
}
