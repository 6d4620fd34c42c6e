package io.riskgrid.core.performance;

import io.riskgrid.core.Guard;

import java.util.List;

/**
 * The performance and risk figures of a return series, as {@link PerformanceAnalytics} defines them.
 * Every figure is null when it is undefined for the input (too few observations, a zero
 * denominator, no benchmark), and then {@code warnings} holds one sentence saying why, in the form
 * {@code "sortino is undefined: no return is below the required return"}.
 * <p>
 * Fractions are plain numbers (0.05 is 5%); {@code maxDrawdown}, {@code var} and {@code cvar} are
 * returns, negative for a loss. {@code observations} is the number of non-missing returns.
 * <p>
 * This record is immutable and thread-safe.
 */
public record PerformanceReport(int observations, Double totalReturn, Double annualReturn, Double annualVolatility,
                                Double sharpe, Double sortino, Double downsideRisk, Double maxDrawdown, Double calmar,
                                Double omega, Double var, Double cvar, Double alpha, Double beta,
                                List<String> warnings) {

    public PerformanceReport {
        if (observations < 0) {
            throw new IllegalArgumentException("observations must be zero or positive, was " + observations);
        }
        warnings = List.copyOf(Guard.notNull(warnings, "warnings"));
    }
}
