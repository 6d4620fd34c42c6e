package io.riskgrid.api.var;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/analytics/var}.
 *
 * @param method              the method used
 * @param confidence          as requested
 * @param horizonDays         as requested
 * @param var                 value at risk: a positive loss amount in currency
 * @param cvar                expected shortfall, E[loss | loss >= VaR]: a positive amount, at least the VaR
 * @param componentVar        each position's share of the VaR, in positions order; they sum to the VaR
 * @param instrumentIds       the positions' instruments, in order
 * @param scenarios           paths (Monte Carlo), scenario rows (historical), 0 (parametric)
 * @param seed                the Monte Carlo seed, null for the other methods
 * @param correlationRepaired true when the correlation matrix was projected onto the nearest valid one
 */
public record VarAnalyticsResult(String method, double confidence, int horizonDays,
                                 @Schema(description = "Value at risk: a positive loss amount in currency") double var,
                                 @Schema(description = "Expected shortfall E[loss | loss >= VaR]: a positive amount in "
                                         + "currency, at least the VaR") double cvar,
                                 @Schema(description = "Each position's share of the VaR, in positions order; they "
                                         + "sum to the VaR") double[] componentVar,
                                 List<String> instrumentIds,
                                 @Schema(description = "Monte Carlo paths or historical scenario rows; 0 for "
                                         + "PARAMETRIC") int scenarios,
                                 @Schema(description = "The Monte Carlo seed; null for the other methods") Long seed,
                                 boolean correlationRepaired) {
}
