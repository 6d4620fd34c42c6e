package io.riskgrid.compute.var;

import io.riskgrid.core.correlation.CorrelationEstimate;
import io.riskgrid.core.correlation.CovarianceEstimator;
import io.riskgrid.core.stress.StressScenario;
import io.riskgrid.core.var.CovarianceModel;
import io.riskgrid.grid.schema.ReturnHistoryRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The grid's market model: one-day volatilities and correlations of every instrument, estimated
 * from RETURN_HISTORY with RiskMetrics EWMA (lambda 0.94), and the aligned daily returns that
 * historical VaR and history replays use. Every node builds the same model from the same
 * replicated history, so figures computed on different nodes agree.
 * <p>
 * An instrument with fewer than {@value #MIN_HISTORY} days of history is <em>unmodelled</em>: it
 * gets a one-day volatility of {@value #UNMODELLED_DAILY_VOLATILITY} (about 48% a year, on purpose
 * on the high side), no correlation with anything, and a zero return on every historical day.
 * Reports list such instruments so nobody mistakes their figure for an estimate.
 * <p>
 * Immutable and thread-safe.
 */
public final class MarketModel {

    /** RiskMetrics' decay for daily data. */
    public static final double EWMA_LAMBDA = 0.94;
    /** Days of history an instrument needs before its own volatility is used. */
    public static final int MIN_HISTORY = 20;
    /** One-day volatility of an instrument without enough history. */
    public static final double UNMODELLED_DAILY_VOLATILITY = 0.03;

    private final String[] instrumentIds;
    private final Map<String, Integer> index;
    private final boolean[] modelled;
    private final CovarianceModel covariance;
    private final double[][] days;
    private final long fingerprint;

    private MarketModel(String[] instrumentIds, boolean[] modelled, CovarianceModel covariance, double[][] days,
                        long fingerprint) {
        this.instrumentIds = instrumentIds;
        this.modelled = modelled;
        this.covariance = covariance;
        this.days = days;
        this.fingerprint = fingerprint;
        this.index = new HashMap<>(instrumentIds.length * 2);
        for (int i = 0; i < instrumentIds.length; i++) {
            index.put(instrumentIds[i], i);
        }
    }

    /**
     * Estimates the model of these instruments from their histories. The histories are aligned on
     * their newest day and cut to the shortest among the modelled instruments.
     *
     * @param instruments  every instrument the grid knows, in id order
     * @param histories    return history by instrument id (instruments without one are unmodelled)
     * @param fingerprint  identifies the inputs, so a node can tell whether its model is current
     */
    public static MarketModel estimate(SortedSet<String> instruments, Map<String, ReturnHistoryRow> histories,
                                       long fingerprint) {
        String[] ids = instruments.toArray(new String[0]);
        int n = ids.length;
        boolean[] modelled = new boolean[n];
        int length = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            ReturnHistoryRow h = histories.get(ids[i]);
            if (h != null && h.returns != null && h.returns.length >= MIN_HISTORY && finite(h.returns)) {
                modelled[i] = true;
                length = Math.min(length, h.returns.length);
            }
        }
        List<Integer> withHistory = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (modelled[i]) {
                withHistory.add(i);
            }
        }
        double[] vols = new double[n];
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            vols[i] = UNMODELLED_DAILY_VOLATILITY;
            corr[i][i] = 1;
        }
        double[][] days = new double[withHistory.isEmpty() ? 0 : length][n];
        if (!withHistory.isEmpty()) {
            double[][] series = new double[withHistory.size()][];
            for (int k = 0; k < series.length; k++) {
                double[] all = histories.get(ids[withHistory.get(k)]).returns;
                series[k] = Arrays.copyOfRange(all, all.length - length, all.length);
            }
            CorrelationEstimate e = CovarianceEstimator.ewma(EWMA_LAMBDA).estimate(series);
            for (int a = 0; a < series.length; a++) {
                int i = withHistory.get(a);
                vols[i] = e.volatilities()[a];
                for (int b = 0; b < series.length; b++) {
                    corr[i][withHistory.get(b)] = e.correlation()[a][b];
                }
                for (int t = 0; t < length; t++) {
                    days[t][i] = series[a][t];
                }
            }
        }
        if (n == 0) {
            // A grid without instruments (a node that has just started): no position can need a figure.
            return new MarketModel(ids, modelled, null, days, fingerprint);
        }
        // The estimate is positive semi-definite by construction; repaired() only absorbs rounding,
        // and says so if it ever had to change more.
        return new MarketModel(ids, modelled, CovarianceModel.repaired(vols, corr), days, fingerprint);
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Every instrument, in id order; index i of every vector is instrument i. */
    public String[] instrumentIds() {
        return instrumentIds.clone();
    }

    public int size() {
        return instrumentIds.length;
    }

    /** The index of an instrument, or -1 if the model does not know it. */
    public int indexOf(String instrumentId) {
        Integer i = index.get(instrumentId);
        return i == null ? -1 : i;
    }

    /**
     * The index of the instrument of a position; every instrument a position can be in is in
     * INSTRUMENTS, and so in the model.
     *
     * @throws IllegalStateException if the model does not know it
     */
    public int indexOfHeld(String instrumentId) {
        Integer i = index.get(instrumentId);
        if (i == null) {
            throw new IllegalStateException("instrument '" + instrumentId + "' of a position is not in INSTRUMENTS");
        }
        return i;
    }

    public String instrumentId(int i) {
        return instrumentIds[i];
    }

    public boolean modelled(int i) {
        return modelled[i];
    }

    /**
     * One-day volatilities and correlations of every instrument.
     *
     * @throws IllegalStateException if the grid has no instruments ({@link #size()} is 0)
     */
    public CovarianceModel covariance() {
        if (covariance == null) {
            throw new IllegalStateException("the market model is empty: the grid has no instruments");
        }
        return covariance;
    }

    /** Days of aligned history (0 when no instrument has enough). */
    public int historyDays() {
        return days.length;
    }

    /** The aligned daily returns, [day][instrument], oldest day first; the caller must not change them. */
    double[][] days() {
        return days;
    }

    public long fingerprint() {
        return fingerprint;
    }

    /**
     * A replay of days {@code [fromDay, toDay)} of the aligned history: each modelled instrument
     * moves by its compounded return over the window.
     *
     * @throws IllegalArgumentException if the window is not inside the history
     */
    public StressScenario replay(String name, int fromDay, int toDay) {
        if (days.length == 0) {
            throw new IllegalArgumentException("a replay needs return history, and RETURN_HISTORY holds none with at least "
                    + MIN_HISTORY + " days");
        }
        if (toDay > days.length) {
            throw new IllegalArgumentException("toDay must be at most " + days.length + " (days of history held), was "
                    + toDay);
        }
        List<String> ids = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        for (int i = 0; i < instrumentIds.length; i++) {
            if (modelled[i]) {
                ids.add(instrumentIds[i]);
                double[] s = new double[days.length];
                for (int t = 0; t < days.length; t++) {
                    s[t] = days[t][i];
                }
                series.add(s);
            }
        }
        return StressScenario.historical(name, ids, series.toArray(new double[0][]), fromDay, toDay);
    }

    /** Ids of the instruments with a non-zero entry in {@code exposures} that are unmodelled. */
    public String[] unmodelled(double[] exposures) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < exposures.length; i++) {
            if (exposures[i] != 0 && !modelled[i]) {
                out.add(instrumentIds[i]);
            }
        }
        return out.toArray(new String[0]);
    }
}
