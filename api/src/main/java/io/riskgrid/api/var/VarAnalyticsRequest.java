package io.riskgrid.api.var;

import java.util.List;

/**
 * Body of {@code POST /api/v1/analytics/var}: a portfolio given by its positions' market values,
 * and either the volatilities and correlation of their returns (PARAMETRIC, MONTE_CARLO) or rows
 * of scenario returns (HISTORICAL). Every field is boxed so that a missing one can be named.
 *
 * @param positions         one entry per position: instrument id and market value (negative for a short)
 * @param volatilities      one-day volatility of each position's return, in positions order
 * @param correlation       correlation matrix of the returns, positions x positions
 * @param confidence        in (0, 1), e.g. 0.99
 * @param horizonDays       horizon in days, at least 1; figures scale by sqrt(horizonDays)
 * @param method            PARAMETRIC, HISTORICAL or MONTE_CARLO
 * @param paths             Monte Carlo paths, default 10,000
 * @param seed              Monte Carlo seed, default 1; the same seed gives the same figure
 * @param scenarioReturns   HISTORICAL: rows of scenarios, one column per position
 * @param repairCorrelation true to project a correlation matrix that is not positive semi-definite
 *                          onto the nearest valid one (the answer says it did); false (default) rejects it
 */
public record VarAnalyticsRequest(List<PositionValue> positions, List<Double> volatilities, List<List<Double>> correlation,
                                  Double confidence, Integer horizonDays, String method, Integer paths, Long seed,
                                  List<List<Double>> scenarioReturns, Boolean repairCorrelation) {

    /** A position: instrument id and market value in currency. */
    public record PositionValue(String instrumentId, Double marketValue) {
    }
}
