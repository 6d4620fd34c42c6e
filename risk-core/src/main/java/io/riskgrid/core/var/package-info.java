/**
 * Value at risk of a book of linear positions on correlated risk factors, by three methods that
 * share one set of conventions (DESIGN.md, "VaR conventions"):
 * <ul>
 *   <li>P&amp;L = sum_i marketValue_i r_i, with one-period factor returns r ~ N(0, Sigma) built
 *       from volatilities and correlations ({@link io.riskgrid.core.var.CovarianceModel}), scaled
 *       to a horizon of h days by sqrt(h);</li>
 *   <li>VaR and CVaR are positive loss amounts in the book's currency;</li>
 *   <li>{@link io.riskgrid.core.var.ParametricVar} gives them in closed form,
 *       {@link io.riskgrid.core.var.HistoricalVar} from given return scenarios and
 *       {@link io.riskgrid.core.var.MonteCarloVar} from simulated paths, the last two read through
 *       {@link io.riskgrid.core.var.LossDistribution} (type-7 quantile, k + 1 worst scenarios);</li>
 *   <li>component VaR splits VaR across the positions and adds up to it.</li>
 * </ul>
 * Monte Carlo results are reproducible bit for bit from the seed, whatever the number of threads.
 */
package io.riskgrid.core.var;
