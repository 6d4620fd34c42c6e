package io.riskgrid.api.var;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A portfolio and how to measure its VaR (see VaR conventions)")
public record VarAnalyticsRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 1,000 positions") List<PositionValue> positions,
        @Schema(description = "PARAMETRIC and MONTE_CARLO: one-day volatility of each position's return (0.02 is 2%), "
                + "in positions order, each >= 0") List<Double> volatilities,
        @Schema(description = "PARAMETRIC and MONTE_CARLO: correlation matrix of the returns, positions x positions")
        List<List<Double>> correlation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, exclusiveMinimumValue = 0, exclusiveMaximumValue = 1, example = "0.99") Double confidence,
        @Schema(minimum = "1", defaultValue = "1") Integer horizonDays,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PARAMETRIC", "HISTORICAL", "MONTE_CARLO"}) String method,
        @Schema(minimum = "100", maximum = "1000000", defaultValue = "10000", description = "MONTE_CARLO paths")
        Integer paths,
        @Schema(defaultValue = "1", description = "MONTE_CARLO seed; the same seed gives the same figure") Long seed,
        @Schema(description = "HISTORICAL: rows of scenario returns, one column per position")
        List<List<Double>> scenarioReturns,
        @Schema(defaultValue = "false", description = "Project a correlation matrix that is not positive "
                + "semi-definite onto the nearest valid one instead of rejecting it") Boolean repairCorrelation) {

    /** A position: instrument id and market value in currency. */
    @Schema(description = "A position")
    public record PositionValue(
            String instrumentId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Market value in currency, negative for a short") Double marketValue) {
    }
}
