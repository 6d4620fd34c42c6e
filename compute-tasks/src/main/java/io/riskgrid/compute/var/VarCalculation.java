package io.riskgrid.compute.var;

import io.riskgrid.core.var.HistoricalVar;
import io.riskgrid.core.var.MonteCarloVar;
import io.riskgrid.core.var.ParametricVar;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.core.var.VarResult;

import java.util.ArrayList;
import java.util.List;

/**
 * VaR of a vector of net exposures (one entry per instrument of the {@link MarketModel}) by the
 * method a {@link VarRequest} names, and the report of it. The maths is risk-core's; this class
 * only puts the grid's market model in front of it.
 * <p>
 * Stateless and thread-safe.
 */
public final class VarCalculation {

    private VarCalculation() {
    }

    /** The VaR of these exposures; historical simulation replays the model's aligned days. */
    public static VarResult compute(MarketModel model, double[] exposures, VarRequest r) {
        switch (r.method()) {
            case PARAMETRIC:
                return ParametricVar.DEFAULT.compute(exposures, model.covariance(), r.confidence(), r.horizonDays());
            case HISTORICAL:
                requireHistory(model);
                return HistoricalVar.DEFAULT.compute(exposures, model.days(), r.confidence(), r.horizonDays());
            case MONTE_CARLO:
                return MonteCarloVar.DEFAULT.compute(exposures, model.covariance(), r.confidence(), r.horizonDays(),
                        r.paths(), r.seed());
            default:
                throw new IllegalArgumentException("unknown VaR method " + r.method());
        }
    }

    /**
     * The P&L of each historical day for these exposures, scaled to the horizon as
     * {@link HistoricalVar} scales it: summed across nodes it is the firm's historical P&L.
     */
    static double[] historicalPnl(MarketModel model, double[] exposures, int horizonDays) {
        requireHistory(model);
        double[][] days = model.days();
        double scale = Math.sqrt(horizonDays);
        double[] pnl = new double[days.length];
        for (int t = 0; t < days.length; t++) {
            double[] r = days[t];
            double s = 0;
            for (int i = 0; i < exposures.length; i++) {
                s += exposures[i] * r[i];
            }
            pnl[t] = s * scale;
        }
        return pnl;
    }

    static void requireHistory(MarketModel model) {
        if (model.historyDays() == 0) {
            throw new IllegalArgumentException("historical VaR needs return history, and RETURN_HISTORY holds none with at least "
                    + MarketModel.MIN_HISTORY + " days");
        }
    }

    /**
     * The report of a figure: the instruments with a non-zero exposure, their exposures and
     * (when the method gives them) component VaRs.
     */
    static VarReport report(VarRequest r, MarketModel model, double[] exposures, double var, double cvar,
                            double[] componentVar, int scenarios, int accounts, int positions, long startNanos) {
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < exposures.length; i++) {
            if (exposures[i] != 0) {
                held.add(i);
            }
        }
        String[] ids = new String[held.size()];
        double[] x = new double[held.size()];
        double[] c = componentVar == null ? null : new double[held.size()];
        for (int k = 0; k < ids.length; k++) {
            int i = held.get(k);
            ids[k] = model.instrumentId(i);
            x[k] = exposures[i];
            if (c != null) {
                c[k] = componentVar[i];
            }
        }
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        return new VarReport(r, var, cvar, scenarios, accounts, positions, ids, x, c, model.unmodelled(exposures),
                model.historyDays(), System.currentTimeMillis(), elapsed);
    }
}
