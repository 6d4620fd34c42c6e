package io.riskgrid.ml.forecast;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily volatility of a book of positions in currency, {@code sqrt(w' S w)}, where {@code w} are
 * the positions' market values by instrument and {@code S = D C D} with {@code D} the instruments'
 * daily volatilities and {@code C} the sample (Pearson) correlation of their return histories. Two
 * figures per book:
 * <ul>
 *   <li>{@link #forecastVolatility(Map) forecast}: {@code D} from a {@link VolatilityForecaster}'s
 *       forecast for the next day, so the figure rises as soon as markets turn turbulent;</li>
 *   <li>{@link #longRunVolatility(Map) long run}: {@code D} from the root mean squared return of the
 *       whole history (the unconditional volatility, with mean zero as in the forecasters, so the
 *       two figures measure the same moment and their ratio is unbiased).</li>
 * </ul>
 * Their ratio is what {@link AdaptiveLimits} tightens limits on. Correlations are the same in both,
 * so the ratio moves with volatility only. The correlation is estimated on the histories aligned on
 * their newest day and cut to the shortest among the modelled instruments.
 * <p>
 * <b>Instruments without a usable history</b> (none, too short for the forecaster, or with a
 * non-finite return) are <em>unmodelled</em>: they get the median forecast (respectively long-run)
 * volatility of the modelled instruments and no correlation with anything. The median keeps the
 * ratio of forecast to long-run meaningful (the instrument moves with the market's regime) and
 * cannot be pulled to an extreme by one outlier; treating it as uncorrelated neither adds nor removes
 * diversification on assumption. If no instrument is modelled, every one gets
 * {@value #UNMODELLED_DAILY_VOLATILITY} in both figures, the grid market model's deliberately high
 * figure for an unmodelled instrument, and the ratio is 1. {@link #unmodelledInstruments()} lists
 * them so nobody mistakes their figure for an estimate.
 * <p>
 * Built once per history and forecaster, then asked for any number of books; an empty book has
 * volatility 0. Immutable and thread-safe.
 */
public final class BookVolatility {

    /** One-day volatility of every instrument when no instrument has a usable history (about 48% a year). */
    public static final double UNMODELLED_DAILY_VOLATILITY = 0.03;

    private final Map<String, Integer> index;
    private final double[] forecast;
    private final double[] longRun;
    private final double[][] correlation;
    private final double medianForecast;
    private final double medianLongRun;
    private final List<String> unmodelled;

    private BookVolatility(Map<String, Integer> index, double[] forecast, double[] longRun, double[][] correlation,
                           double medianForecast, double medianLongRun, List<String> unmodelled) {
        this.index = index;
        this.forecast = forecast;
        this.longRun = longRun;
        this.correlation = correlation;
        this.medianForecast = medianForecast;
        this.medianLongRun = medianLongRun;
        this.unmodelled = unmodelled;
    }

    /**
     * Estimates instrument volatilities and correlations from return histories.
     *
     * @param returnsByInstrument daily simple returns by instrument id, oldest first
     * @param forecaster          forecasts each instrument's next-day variance from its whole history
     */
    public static BookVolatility estimate(Map<String, double[]> returnsByInstrument, VolatilityForecaster forecaster) {
        if (returnsByInstrument == null) {
            throw new IllegalArgumentException("returnsByInstrument is required");
        }
        if (forecaster == null) {
            throw new IllegalArgumentException("forecaster is required");
        }
        int minHistory = Math.max(2, forecaster.minHistory());
        TreeMap<String, double[]> usable = new TreeMap<>();
        List<String> unmodelled = new ArrayList<>();
        for (Map.Entry<String, double[]> e : new TreeMap<>(returnsByInstrument).entrySet()) {
            double[] r = e.getValue();
            if (r != null && r.length >= minHistory && allFinite(r)) {
                usable.put(e.getKey(), r);
            } else {
                unmodelled.add(e.getKey());
            }
        }
        int n = usable.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        double[] forecast = new double[n];
        double[] longRun = new double[n];
        double[][] series = new double[n][];
        int shortest = Integer.MAX_VALUE;
        int k = 0;
        for (Map.Entry<String, double[]> e : usable.entrySet()) {
            double[] r = e.getValue();
            index.put(e.getKey(), k);
            forecast[k] = Math.sqrt(forecaster.forecastVariance(r, r.length));
            longRun[k] = rootMeanSquare(r);
            series[k] = r;
            shortest = Math.min(shortest, r.length);
            k++;
        }
        double[][] correlation = correlation(series, shortest);
        double medianForecast = n == 0 ? UNMODELLED_DAILY_VOLATILITY : median(forecast);
        double medianLongRun = n == 0 ? UNMODELLED_DAILY_VOLATILITY : median(longRun);
        return new BookVolatility(index, forecast, longRun, correlation, medianForecast, medianLongRun,
                Collections.unmodifiableList(unmodelled));
    }

    /**
     * {@code sqrt(w' S w)} with {@code S[i][j] = vol[i] vol[j] correlation[i][j]}: the daily volatility
     * in currency of exposures {@code w}.
     */
    public static double volatility(double[] exposures, double[] volatilities, double[][] correlation) {
        int n = exposures.length;
        if (volatilities.length != n || correlation.length != n) {
            throw new IllegalArgumentException("exposures, volatilities and correlation must have the same length");
        }
        double variance = 0;
        for (int i = 0; i < n; i++) {
            if (correlation[i].length != n) {
                throw new IllegalArgumentException("correlation must be square, row " + i + " has " + correlation[i].length);
            }
            double a = exposures[i] * volatilities[i];
            for (int j = 0; j < n; j++) {
                variance += a * exposures[j] * volatilities[j] * correlation[i][j];
            }
        }
        // A correlation matrix is positive semi-definite; only rounding can take the sum below zero.
        return Math.sqrt(Math.max(0, variance));
    }

    /** The book's forecast daily volatility in currency; {@code marketValues} by instrument id. */
    public double forecastVolatility(Map<String, Double> marketValues) {
        return book(marketValues, forecast, medianForecast);
    }

    /** The book's long-run (unconditional) daily volatility in currency. */
    public double longRunVolatility(Map<String, Double> marketValues) {
        return book(marketValues, longRun, medianLongRun);
    }

    /** One instrument's forecast daily volatility, as a fraction (the median for an unmodelled one). */
    public double instrumentForecastVolatility(String instrumentId) {
        Integer i = index.get(instrumentId);
        return i == null ? medianForecast : forecast[i];
    }

    /** One instrument's long-run daily volatility, as a fraction (the median for an unmodelled one). */
    public double instrumentLongRunVolatility(String instrumentId) {
        Integer i = index.get(instrumentId);
        return i == null ? medianLongRun : longRun[i];
    }

    /** Instruments given without a usable history, in id order (others not given at all are unmodelled too). */
    public List<String> unmodelledInstruments() {
        return unmodelled;
    }

    private double book(Map<String, Double> marketValues, double[] vols, double median) {
        if (marketValues == null) {
            throw new IllegalArgumentException("marketValues is required");
        }
        int n = marketValues.size();
        double[] w = new double[n];
        double[] v = new double[n];
        int[] at = new int[n];
        int k = 0;
        for (Map.Entry<String, Double> e : marketValues.entrySet()) {
            Double value = e.getValue();
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("market value of " + e.getKey() + " must be a finite number, was " + value);
            }
            Integer i = index.get(e.getKey());
            w[k] = value;
            v[k] = i == null ? median : vols[i];
            at[k] = i == null ? -1 : i;
            k++;
        }
        double[][] c = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                c[a][b] = a == b ? 1 : at[a] < 0 || at[b] < 0 ? 0 : correlation[at[a]][at[b]];
            }
        }
        return volatility(w, v, c);
    }

    /** Pearson correlation of the series' last {@code length} days; 0 where a series does not vary. */
    private static double[][] correlation(double[][] series, int length) {
        int n = series.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1;
        }
        if (n < 2) {
            return c;
        }
        double[][] days = new double[length][n];
        for (int i = 0; i < n; i++) {
            int offset = series[i].length - length;
            for (int t = 0; t < length; t++) {
                days[t][i] = series[i][offset + t];
            }
        }
        double[][] pearson = new PearsonsCorrelation(days).getCorrelationMatrix().getData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    // A series that does not move has no defined correlation (0/0); it diversifies nothing.
                    c[i][j] = Double.isFinite(pearson[i][j]) ? pearson[i][j] : 0;
                }
            }
        }
        return c;
    }

    private static double rootMeanSquare(double[] r) {
        double sum = 0;
        for (double x : r) {
            sum += x * x;
        }
        return Math.sqrt(sum / r.length);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static boolean allFinite(double[] r) {
        for (double x : r) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
