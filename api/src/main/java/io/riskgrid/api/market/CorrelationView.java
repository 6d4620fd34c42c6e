package io.riskgrid.api.market;

import java.util.List;

/**
 * The grid's market model as {@code GET /api/v1/market/correlation} returns it: the model every
 * VaR figure and job uses (EWMA, lambda 0.94, over RETURN_HISTORY). Vectors and matrix rows are in
 * the order of {@code instrumentIds}.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param instrumentIds the instruments, in id order
 * @param volatilities  one-day volatility of each, a fraction (0.02 = 2% a day)
 * @param correlation   correlation matrix, symmetric, 1 on the diagonal
 * @param modelled      false for an instrument with too little history: it is given a 3%/day
 *                      volatility and no correlation with anything
 * @param historyDays   days of aligned history behind the estimate (0 when no instrument has enough)
 */
public record CorrelationView(List<String> instrumentIds, double[] volatilities, double[][] correlation,
                              boolean[] modelled, int historyDays) {
}
