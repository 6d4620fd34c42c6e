package io.riskgrid.core.var;

import io.riskgrid.core.Guard;

import java.util.Arrays;

/**
 * Value at risk from historical (or any given) return scenarios: the portfolio is revalued under
 * each scenario's returns and VaR and CVaR are read from the resulting P&amp;Ls.
 * <p>
 * Scenario k gives P&amp;L_k = sqrt(h) sum_i V_i R[k][i], where R[k][i] is the one-period return of
 * position i in scenario k and h the horizon in days (the square-root-of-time rule, as for the
 * other methods). VaR and CVaR follow {@link LossDistribution}; component VaR is the tail
 * allocation described in {@link LossTail}: each position's average P&amp;L over the scenarios CVaR
 * averages, scaled so that the components add up to VaR.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class HistoricalVar {

    public static final HistoricalVar DEFAULT = new HistoricalVar();

    private HistoricalVar() {
    }

    /**
     * @param marketValues    market value of each position, in currency
     * @param scenarioReturns one row per scenario, one column per position: the return of that
     *                        position in that scenario (0.01 for +1%)
     * @param confidence      confidence level in (0, 1), such as 0.99
     * @param horizonDays     horizon in days, positive
     * @throws IllegalArgumentException naming the argument at fault
     */
    public VarResult compute(double[] marketValues, double[][] scenarioReturns, double confidence, int horizonDays) {
        VarInputs.checkMarketValues(marketValues);
        checkScenarios(scenarioReturns, marketValues.length);
        VarInputs.checkConfidence(confidence);
        Guard.positive(horizonDays, "horizonDays");

        int n = marketValues.length;
        int rows = scenarioReturns.length;
        double scale = Math.sqrt(horizonDays);
        double[] pnl = new double[rows];
        for (int k = 0; k < rows; k++) {
            double[] r = scenarioReturns[k];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += marketValues[i] * r[i];
            }
            pnl[k] = sum * scale;
        }
        double[] sorted = pnl.clone();
        Arrays.sort(sorted);
        LossDistribution distribution = LossDistribution.ofWorst(sorted, rows);
        double var = distribution.var(confidence);
        double cvar = distribution.cvar(confidence);

        int count = LossDistribution.tailCount(rows, confidence);
        int[] tail = LossTail.worstScenarios(pnl, sorted, count);
        double[] mean = new double[n];
        for (int k : tail) {
            double[] r = scenarioReturns[k];
            for (int i = 0; i < n; i++) {
                mean[i] += marketValues[i] * r[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] = mean[i] * scale / count;
        }
        return new VarResult(VarMethod.HISTORICAL, confidence, horizonDays, var, cvar,
                LossTail.components(mean, var), rows);
    }

    private static void checkScenarios(double[][] scenarioReturns, int positions) {
        Guard.notNull(scenarioReturns, "scenarioReturns");
        if (scenarioReturns.length == 0) {
            throw new IllegalArgumentException("scenarioReturns must have at least one scenario");
        }
        for (int k = 0; k < scenarioReturns.length; k++) {
            double[] row = Guard.notNull(scenarioReturns[k], "scenarioReturns[" + k + "]");
            if (row.length != positions) {
                throw new IllegalArgumentException("scenarioReturns[" + k + "] has " + row.length
                        + " columns but there are " + positions + " positions");
            }
            for (int i = 0; i < positions; i++) {
                Guard.finite(row[i], "scenarioReturns[" + k + "][" + i + "]");
            }
        }
    }
}
