package io.riskgrid.api.var;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.request.Echo;
import io.riskgrid.core.var.CovarianceModel;
import io.riskgrid.core.var.HistoricalVar;
import io.riskgrid.core.var.MonteCarloVar;
import io.riskgrid.core.var.ParametricVar;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/analytics/var}: the VaR and CVaR of a portfolio given in the request, with
 * no grid data involved. Conventions (README, "VaR conventions"): P&L = sum of marketValue_i r_i
 * with r ~ N(0, Sigma) from the volatilities and correlation, scaled by sqrt(horizonDays); VaR and
 * CVaR are positive loss amounts; PARAMETRIC is the closed form (VaR = z s, CVaR = s phi(z)/(1-c))
 * with Euler component VaR; MONTE_CARLO simulates every path's correlated shocks and is
 * reproducible bit for bit from its seed; HISTORICAL revalues the portfolio on each row of
 * {@code scenarioReturns}. The work is CPU-bound and runs off the event loop.
 */
@Tag(name = "Analytics", description = "Stateless risk and performance analytics of data in the request")
@RestController
@RequestMapping(path = "/api/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
public class VarAnalyticsController {

    /** Most positions one request may carry. */
    static final int MAX_POSITIONS = 1_000;
    /** Most scenario rows or Monte Carlo paths one request may ask for. */
    static final int MAX_PATHS = 1_000_000;
    /** Bound on paths x positions^2 (the multiply-adds of the correlated draws): a few seconds of CPU. */
    static final double MAX_WORK = 2e10;
    static final int DEFAULT_PATHS = 10_000;
    static final long DEFAULT_SEED = 1;

    @Operation(operationId = "computeVar", summary = "VaR and CVaR of a portfolio given in the request",
            description = "PARAMETRIC, MONTE_CARLO or HISTORICAL value at risk of positions given by their market "
                    + "values, with no grid data involved. Limits: at most 1,000 positions, 100 to 1,000,000 Monte "
                    + "Carlo paths (paths x positions^2 at most 2e10), at most 1,000,000 scenario rows.")
    @ApiResponse(responseCode = "200", description = "VaR, CVaR and component VaR")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrongly typed field, a value out of "
            + "range, sizes that do not match the positions, or a correlation matrix that is not valid")
    @PostMapping(path = "/var", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<VarAnalyticsResult> var(@RequestBody VarAnalyticsRequest body) {
        return Mono.fromCallable(() -> compute(body)).subscribeOn(Schedulers.parallel());
    }

    static VarAnalyticsResult compute(VarAnalyticsRequest body) {
        List<InputProblem> problems = new ArrayList<>();
        VarMethod method = null;
        if (body.method() == null || body.method().isBlank()) {
            problems.add(new InputProblem("method", "method is required: PARAMETRIC, HISTORICAL or MONTE_CARLO"));
        } else {
            try {
                method = VarMethod.valueOf(body.method().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("method", "method must be one of PARAMETRIC, HISTORICAL, MONTE_CARLO, was '"
                        + Echo.clip(body.method()) + "'"));
            }
        }
        List<String> ids = new ArrayList<>();
        double[] values = positions(body.positions(), ids, problems);
        double confidence = 0;
        if (body.confidence() == null) {
            problems.add(new InputProblem("confidence", "confidence is required, e.g. 0.99"));
        } else if (!(body.confidence() > 0 && body.confidence() < 1)) {
            problems.add(new InputProblem("confidence", "confidence must be between 0 and 1 (exclusive), was "
                    + body.confidence()));
        } else {
            confidence = body.confidence();
        }
        int horizon = body.horizonDays() == null ? 1 : body.horizonDays();
        if (horizon < 1) {
            problems.add(new InputProblem("horizonDays", "horizonDays must be at least 1, was " + horizon));
        }
        int paths = body.paths() == null ? DEFAULT_PATHS : body.paths();
        if (method == VarMethod.MONTE_CARLO && (paths < 100 || paths > MAX_PATHS)) {
            problems.add(new InputProblem("paths", "paths must be between 100 and " + MAX_PATHS + ", was " + paths));
        }
        double[] vols = null;
        double[][] corr = null;
        double[][] scenarios = null;
        if (method == VarMethod.HISTORICAL) {
            scenarios = matrix(body.scenarioReturns(), "scenarioReturns", values == null ? -1 : values.length, problems,
                    false);
            if (scenarios != null && scenarios.length > MAX_PATHS) {
                problems.add(new InputProblem("scenarioReturns", "scenarioReturns may have at most " + MAX_PATHS
                        + " rows, has " + scenarios.length));
            }
        } else if (method != null) {
            vols = vector(body.volatilities(), "volatilities", values == null ? -1 : values.length, problems);
            corr = matrix(body.correlation(), "correlation", values == null ? -1 : values.length, problems, true);
            if (method == VarMethod.MONTE_CARLO && values != null
                    && (double) paths * values.length * values.length > MAX_WORK) {
                problems.add(new InputProblem("paths", "paths x positions^2 must be at most " + (long) MAX_WORK
                        + " (a few seconds of CPU), was " + (long) ((double) paths * values.length * values.length)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        VarResult r;
        boolean repaired = false;
        if (method == VarMethod.HISTORICAL) {
            r = HistoricalVar.DEFAULT.compute(values, scenarios, confidence, horizon);
        } else {
            CovarianceModel model;
            try {
                model = Boolean.TRUE.equals(body.repairCorrelation())
                        ? CovarianceModel.repaired(vols, corr) : CovarianceModel.of(vols, corr);
            } catch (IllegalArgumentException e) {
                String field = e.getMessage() != null && e.getMessage().startsWith("volatilities") ? "volatilities"
                        : "correlation";
                throw InvalidInputException.of(field, e.getMessage());
            }
            repaired = model.repaired();
            r = method == VarMethod.PARAMETRIC
                    ? ParametricVar.DEFAULT.compute(values, model, confidence, horizon)
                    : MonteCarloVar.DEFAULT.compute(values, model, confidence, horizon, paths,
                    body.seed() == null ? DEFAULT_SEED : body.seed());
        }
        Long seed = method == VarMethod.MONTE_CARLO ? (body.seed() == null ? DEFAULT_SEED : body.seed()) : null;
        return new VarAnalyticsResult(method.name(), confidence, horizon, r.var(), r.cvar(), r.componentVar(), ids,
                r.scenarios(), seed, repaired);
    }

    private static double[] positions(List<VarAnalyticsRequest.PositionValue> positions, List<String> ids,
                                      List<InputProblem> problems) {
        if (positions == null || positions.isEmpty()) {
            problems.add(new InputProblem("positions", "positions must not be empty: give [{instrumentId, marketValue}, ...]"));
            return null;
        }
        if (positions.size() > MAX_POSITIONS) {
            problems.add(new InputProblem("positions", "positions may have at most " + MAX_POSITIONS + " entries, has "
                    + positions.size()));
            return null;
        }
        double[] values = new double[positions.size()];
        for (int i = 0; i < values.length; i++) {
            VarAnalyticsRequest.PositionValue p = positions.get(i);
            String field = "positions[" + i + "]";
            if (p == null) {
                problems.add(new InputProblem(field, field + " is required"));
                continue;
            }
            ids.add(p.instrumentId() == null || p.instrumentId().isBlank() ? "#" + i : p.instrumentId().trim());
            if (p.marketValue() == null) {
                problems.add(new InputProblem(field + ".marketValue", field + ".marketValue is required"));
            } else if (!Double.isFinite(p.marketValue())) {
                problems.add(new InputProblem(field + ".marketValue", field + ".marketValue must be a finite number"));
            } else {
                values[i] = p.marketValue();
            }
        }
        return values;
    }

    private static double[] vector(List<Double> list, String name, int expected, List<InputProblem> problems) {
        if (list == null || list.isEmpty()) {
            problems.add(new InputProblem(name, name + " is required: one per position"));
            return null;
        }
        if (expected >= 0 && list.size() != expected) {
            problems.add(new InputProblem(name, name + " has " + list.size() + " entries but positions has " + expected));
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = list.get(i);
            if (v == null || !Double.isFinite(v) || v < 0) {
                problems.add(new InputProblem(name + "[" + i + "]", name + "[" + i + "] must be a number >= 0, was " + v));
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** A matrix with {@code columns} columns (and as many rows, when square); null after a problem. */
    private static double[][] matrix(List<List<Double>> rows, String name, int columns, List<InputProblem> problems,
                                     boolean square) {
        if (rows == null || rows.isEmpty()) {
            problems.add(new InputProblem(name, name + " is required" + (square ? ": positions x positions"
                    : ": rows of scenarios, one column per position")));
            return null;
        }
        if (square && columns >= 0 && rows.size() != columns) {
            problems.add(new InputProblem(name, name + " has " + rows.size() + " rows but positions has " + columns));
            return null;
        }
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            List<Double> row = rows.get(r);
            String field = name + "[" + r + "]";
            if (row == null || (columns >= 0 && row.size() != columns)) {
                problems.add(new InputProblem(field, field + " has " + (row == null ? 0 : row.size())
                        + " entries but positions has " + columns));
                return null;
            }
            out[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                Double v = row.get(c);
                if (v == null || !Double.isFinite(v)) {
                    problems.add(new InputProblem(field + "[" + c + "]", field + "[" + c + "] must be a finite number"));
                    return null;
                }
                out[r][c] = v;
            }
        }
        return out;
    }
}
