package io.riskgrid.api.performance;

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
public record PerformanceRequest(List<Double> returns, JsonNode riskFreeRate, Integer periodsPerYear,
                                 JsonNode requiredReturn, List<Double> benchmarkReturns, Double confidence) {
}
