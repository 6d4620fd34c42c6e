package io.riskgrid.api.performance;

import io.swagger.v3.oas.annotations.media.Schema;
import io.riskgrid.core.performance.PerformanceReport;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/analytics/performance}. Every figure is null when it is undefined
 * for the input, with a sentence in {@code warnings}. Returns, drawdown, VaR and CVaR are
 * fractions (VaR and CVaR are returns: negative for a loss); ratios are plain numbers.
 */
@Schema(description = "Return-series figures. Returns, drawdown, VaR and CVaR are fractions (VaR and CVaR are "
        + "returns: negative for a loss); ratios are plain numbers; a figure undefined for the input is null, with a "
        + "sentence in warnings saying why")
public record PerformanceResult(int observations, Double totalReturn, Double annualReturn, Double annualVolatility,
                                Double sharpe, Double sortino, Double downsideRisk, Double maxDrawdown, Double calmar,
                                Double omega, Double var, Double cvar, Double alpha, Double beta, List<String> warnings) {

    static PerformanceResult of(PerformanceReport r) {
        return new PerformanceResult(r.observations(), r.totalReturn(), r.annualReturn(), r.annualVolatility(),
                r.sharpe(), r.sortino(), r.downsideRisk(), r.maxDrawdown(), r.calmar(), r.omega(), r.var(), r.cvar(),
                r.alpha(), r.beta(), r.warnings());
    }
}
