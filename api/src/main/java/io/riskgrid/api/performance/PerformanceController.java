package io.riskgrid.api.performance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.core.performance.PerformanceAnalytics;
import io.riskgrid.core.performance.PerformanceInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/analytics/performance}: return-series analytics with the conventions of
 * empyrical/pyfolio (README, "Return-series conventions"), so figures can be checked against the
 * tools quants already use. A figure that is undefined for the input is null, with a sentence in
 * {@code warnings} saying why.
 */
@Tag(name = "Analytics", description = "Stateless risk and performance analytics of data in the request")
@RestController
@RequestMapping(path = "/api/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
public class PerformanceController {

    /** Most returns one request may carry: forty years of daily data. */
    static final int MAX_RETURNS = 10_000_000;

    @Operation(operationId = "computePerformance", summary = "Return-series analytics, as empyrical computes them",
            description = "Total and annual return, volatility, Sharpe, Sortino, downside risk, max drawdown, Calmar, "
                    + "Omega, VaR, CVaR, and alpha and beta against a benchmark, of a series of at most 10,000,000 "
                    + "returns.")
    @ApiResponse(responseCode = "200", description = "The figures; an undefined one is null with a warning")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrongly typed field, a value out of "
            + "range, or series whose lengths do not match")
    @PostMapping(path = "/performance", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PerformanceResult> performance(@RequestBody PerformanceRequest body) {
        return Mono.fromCallable(() -> PerformanceResult.of(PerformanceAnalytics.DEFAULT.compute(input(body))))
                .subscribeOn(Schedulers.parallel());
    }

    static PerformanceInput input(PerformanceRequest body) {
        List<InputProblem> problems = new ArrayList<>();
        double[] returns = series(body.returns(), "returns", problems);
        if (returns != null && returns.length == 0) {
            problems.add(new InputProblem("returns", "returns must not be empty"));
        }
        int n = returns == null ? -1 : returns.length;
        double[] rf = rate(body.riskFreeRate(), "riskFreeRate", n, problems);
        double[] mar = rate(body.requiredReturn(), "requiredReturn", n, problems);
        double[] benchmark = body.benchmarkReturns() == null ? null
                : series(body.benchmarkReturns(), "benchmarkReturns", problems);
        if (benchmark != null && n >= 0 && benchmark.length != n) {
            problems.add(new InputProblem("benchmarkReturns", "benchmarkReturns has " + benchmark.length
                    + " entries but returns has " + n));
        }
        int periods = body.periodsPerYear() == null ? 252 : body.periodsPerYear();
        if (periods <= 0) {
            problems.add(new InputProblem("periodsPerYear", "periodsPerYear must be positive, was " + periods));
        }
        double confidence = body.confidence() == null ? 0.95 : body.confidence();
        if (!(confidence >= 0 && confidence <= 1)) {
            problems.add(new InputProblem("confidence", "confidence must be between 0 and 1, was " + confidence));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PerformanceInput(returns, rf, mar, periods, benchmark, confidence);
    }

    /** A series whose nulls are missing observations (NaN). */
    private static double[] series(List<Double> list, String name, List<InputProblem> problems) {
        if (list == null) {
            problems.add(new InputProblem(name, name + " is required: simple per-period returns, null for a missing one"));
            return null;
        }
        if (list.size() > MAX_RETURNS) {
            problems.add(new InputProblem(name, name + " may have at most " + MAX_RETURNS + " entries, has " + list.size()));
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = list.get(i);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    /** A per-period rate: absent (0), one number, or an array aligned with the returns. */
    private static double[] rate(JsonNode node, String name, int n, List<InputProblem> problems) {
        if (node == null || node.isNull()) {
            return new double[] {0};
        }
        if (node.isNumber()) {
            return new double[] {node.doubleValue()};
        }
        if (node.isArray()) {
            if (n >= 0 && node.size() != n) {
                problems.add(new InputProblem(name, name + " has " + node.size() + " entries; give one number or one per "
                        + "return (" + n + ")"));
                return null;
            }
            double[] out = new double[node.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = node.get(i);
                if (v == null || !v.isNumber()) {
                    problems.add(new InputProblem(name + "[" + i + "]", name + "[" + i + "] must be a number"));
                    return null;
                }
                out[i] = v.doubleValue();
            }
            return out;
        }
        problems.add(new InputProblem(name, name + " must be a number or an array of numbers aligned with returns"));
        return null;
    }
}
