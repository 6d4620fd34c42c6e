package io.riskgrid.api.performance;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Body of {@code POST /api/v1/analytics/performance}: a series of simple per-period returns and
 * the conventions to measure it with (README, "Return-series conventions").
 *
 * @param returns          simple per-period returns, oldest first; null is a missing observation
 * @param riskFreeRate     per-period risk-free rate: a number, or an array aligned with returns; default 0
 * @param periodsPerYear   periods in a year, default 252
 * @param requiredReturn   per-period minimum acceptable return (MAR): a number or an aligned array; default 0
 * @param benchmarkReturns benchmark returns aligned with returns (null entries allowed), for alpha and beta
 * @param confidence       for VaR and CVaR, in [0, 1], default 0.95
 */
@Schema(description = "A series of returns and the conventions to measure it with (see Return-series conventions)")
public record PerformanceRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Simple per-period returns, oldest first; null is a missing observation")
        List<Double> returns,
        @Schema(types = {"number", "array"}, oneOf = {Double.class, Double[].class}, description = "Per-period "
                + "risk-free rate: one number, or an array aligned with returns; default 0") JsonNode riskFreeRate,
        @Schema(minimum = "1", defaultValue = "252") Integer periodsPerYear,
        @Schema(types = {"number", "array"}, oneOf = {Double.class, Double[].class}, description = "Per-period "
                + "minimum acceptable return (MAR): one number, or an array aligned with returns; default 0")
        JsonNode requiredReturn,
        @Schema(description = "Benchmark returns aligned with returns (null entries allowed), for alpha and beta")
        List<Double> benchmarkReturns,
        @Schema(minimum = "0", maximum = "1", defaultValue = "0.95", description = "For VaR and CVaR")
        Double confidence) {
}
