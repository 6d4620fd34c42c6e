package io.riskgrid.ml.forecast;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.nio.ByteBuffer;

/**
 * A learned variance forecast: the heterogeneous autoregressive (HAR) model of Corsi (2009), with
 * the squared daily return as the realized-variance proxy, fitted by least squares pooled across
 * instruments.
 *
 * <h2>Model</h2>
 * With {@code RV1}, {@code RV5} and {@code RV22} the mean squared return over the last 1, 5 and 22
 * days before day {@code t} (a trading day, week and month), and {@code s} the instrument's mean
 * squared return (its long-run variance), the forecast is
 * <pre>
 *   h[t] = c s + b1 RV1 + b5 RV5 + b22 RV22
 * </pre>
 * The three horizons let the model mix a fast reaction to yesterday's move with the slow memory of
 * the last month, which is how volatility clusters in practice; EWMA has one decay for both.
 *
 * <h2>Fitting</h2>
 * One model serves every instrument, so that a few hundred days of history per instrument still
 * give thousands of observations. To pool instruments whose variances differ tenfold, each
 * instrument's regressors and target are divided by its long-run variance {@code s} (the mean
 * squared return of its training days), and
 * {@code r[t]^2 / s = c + b1 RV1/s + b5 RV5/s + b22 RV22/s + e} is fitted by ordinary least squares
 * (commons-math3 {@link OLSMultipleLinearRegression}, a QR decomposition, so the fit is
 * deterministic) on every training day {@code t} in {@code [22, trainDays)} of every instrument.
 * Multiplying back by {@code s} gives the formula above: {@code c} is the share of the forecast
 * anchored to the instrument's long-run variance, so instruments share the dynamics but keep their
 * own level. When forecasting day {@code end}, {@code s} is the mean squared return of days
 * {@code [0, end)}. Least squares on squared returns targets the conditional variance without bias,
 * and unlike the log form needs no correction for {@code E[log z^2]} or for days with a zero return.
 * <p>
 * <b>Why HAR rather than GARCH(1,1).</b> GARCH by maximum likelihood is a non-convex optimization
 * whose result depends on the starting point and the optimizer's tolerances, and pooling it across
 * instruments needs a custom likelihood. HAR is a linear regression: the fit has a closed form, is
 * exactly reproducible, has no convergence failures, and pools by stacking rows. It captures the
 * long memory of volatility at least as well (Corsi 2009).
 * <p>
 * <b>Floor.</b> The coefficients are not constrained to be positive, so a forecast could come out
 * near zero or negative after a run of quiet days; it is floored at {@value #FLOOR_FRACTION} of the
 * long-run variance {@code s} (a volatility of 10% of the long-run volatility), and at
 * {@value #MIN_VARIANCE} in absolute terms for a history of zero returns.
 * <p>
 * The fitted model is five numbers; {@link #save()} writes them in {@value #SAVED_LENGTH} bytes so
 * the grid can version a model. Immutable and thread-safe.
 */
public final class HarForecaster implements VolatilityForecaster {

    /** Days in the daily component. */
    public static final int DAY = 1;
    /** Days in the weekly component (a trading week). */
    public static final int WEEK = 5;
    /** Days in the monthly component (a trading month); also the fewest days a forecast needs. */
    public static final int MONTH = 22;
    /** Fewest pooled training observations a fit accepts: 25 per fitted coefficient. */
    public static final int MIN_OBSERVATIONS = 100;
    /** The forecast never falls below this share of the instrument's long-run variance. */
    public static final double FLOOR_FRACTION = 0.01;
    /** Absolute floor on a forecast, for a history of zero returns. */
    public static final double MIN_VARIANCE = 1e-12;

    /**
     * A diagonal element of the QR decomposition's R below this means collinear regressors. The
     * regressors are normalized to about 1, so independent columns give elements of the order of
     * the square root of the observation count, and collinear ones rounding noise far below 1e-8.
     */
    private static final double SINGULARITY_THRESHOLD = 1e-8;
    private static final int FORMAT_VERSION = 1;
    private static final int SAVED_LENGTH = 4 + 4 * 8 + 4;

    private final Coefficients coefficients;
    private final int observations;

    /**
     * The fitted coefficients of {@code h = intercept s + daily RV1 + weekly RV5 + monthly RV22}.
     *
     * @param intercept share of the long-run variance {@code s}
     * @param daily     weight of yesterday's squared return
     * @param weekly    weight of the mean squared return of the last 5 days
     * @param monthly   weight of the mean squared return of the last 22 days
     */
    public record Coefficients(double intercept, double daily, double weekly, double monthly) {
        public Coefficients {
            check(intercept, "intercept");
            check(daily, "daily");
            check(weekly, "weekly");
            check(monthly, "monthly");
        }

        private static void check(double value, String name) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be a finite number, was " + value);
            }
        }
    }

    private HarForecaster(Coefficients coefficients, int observations) {
        this.coefficients = coefficients;
        this.observations = observations;
    }

    /** A model with given coefficients, fitted elsewhere ({@code observations} 0: not fitted here). */
    public static HarForecaster of(Coefficients coefficients) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients is required");
        }
        return new HarForecaster(coefficients, 0);
    }

    /**
     * Fits the model on the first {@code trainDays} days of every instrument's history; later days
     * are not read, so they can be used to evaluate the model out of sample.
     *
     * @param returnsPerInstrument daily simple returns per instrument, oldest first; histories may
     *                             differ in length, and one shorter than {@value #MONTH} + 1 days or
     *                             of zero returns only contributes nothing
     * @param trainDays            days at the start of each history to fit on
     * @throws IllegalArgumentException if a history is null or has a non-finite training return,
     *                                  the pooled training days give fewer than
     *                                  {@value #MIN_OBSERVATIONS} observations, or they do not vary
     *                                  enough to identify the coefficients
     */
    public static HarForecaster fit(double[][] returnsPerInstrument, int trainDays) {
        if (returnsPerInstrument == null) {
            throw new IllegalArgumentException("returnsPerInstrument is required");
        }
        if (trainDays <= MONTH) {
            throw new IllegalArgumentException("trainDays must exceed " + MONTH + " (the monthly lag), was " + trainDays);
        }
        int rows = 0;
        for (int i = 0; i < returnsPerInstrument.length; i++) {
            double[] r = returnsPerInstrument[i];
            if (r == null) {
                throw new IllegalArgumentException("returnsPerInstrument[" + i + "] is required");
            }
            int days = Math.min(trainDays, r.length);
            for (int t = 0; t < days; t++) {
                if (!Double.isFinite(r[t])) {
                    throw new IllegalArgumentException("returnsPerInstrument[" + i + "][" + t
                            + "] must be a finite number, was " + r[t]);
                }
            }
            if (days > MONTH && meanSquare(r, 0, days) > 0) {
                rows += days - MONTH;
            }
        }
        if (rows < MIN_OBSERVATIONS) {
            throw new IllegalArgumentException("fitting needs at least " + MIN_OBSERVATIONS
                    + " training observations (days after the first " + MONTH + " of each history), had " + rows);
        }
        double[] y = new double[rows];
        double[][] x = new double[rows][];
        int row = 0;
        for (double[] r : returnsPerInstrument) {
            int days = Math.min(trainDays, r.length);
            double s = days > MONTH ? meanSquare(r, 0, days) : 0;
            if (s == 0) {
                continue;
            }
            for (int t = MONTH; t < days; t++) {
                y[row] = r[t] * r[t] / s;
                x[row] = new double[] {
                        meanSquare(r, t - DAY, t) / s, meanSquare(r, t - WEEK, t) / s, meanSquare(r, t - MONTH, t) / s};
                row++;
            }
        }
        double[] beta;
        // Collinear regressors (training returns that never change size) make the QR decomposition
        // throw a SingularMatrixException, a MathIllegalArgumentException.
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(SINGULARITY_THRESHOLD);
            ols.newSampleData(y, x);
            beta = ols.estimateRegressionParameters();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the training returns do not vary enough to fit the daily, weekly and "
                    + "monthly components apart: " + e.getMessage(), e);
        }
        return new HarForecaster(new Coefficients(beta[0], beta[1], beta[2], beta[3]), rows);
    }

    /** Reads a model written by {@link #save()}. */
    public static HarForecaster load(byte[] bytes) {
        if (bytes == null || bytes.length != SAVED_LENGTH) {
            throw new IllegalArgumentException("a saved HAR model has " + SAVED_LENGTH + " bytes, was "
                    + (bytes == null ? "null" : bytes.length));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown HAR model format version " + version + ", expected " + FORMAT_VERSION);
        }
        Coefficients c = new Coefficients(in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble());
        int observations = in.getInt();
        if (observations < 0) {
            throw new IllegalArgumentException("observations must be zero or positive, was " + observations);
        }
        return new HarForecaster(c, observations);
    }

    /**
     * The model as bytes (big-endian): format version, intercept, daily, weekly and monthly
     * coefficients, training observations.
     */
    public byte[] save() {
        return ByteBuffer.allocate(SAVED_LENGTH)
                .putInt(FORMAT_VERSION)
                .putDouble(coefficients.intercept())
                .putDouble(coefficients.daily())
                .putDouble(coefficients.weekly())
                .putDouble(coefficients.monthly())
                .putInt(observations)
                .array();
    }

    public Coefficients coefficients() {
        return coefficients;
    }

    /** Pooled training observations the model was fitted on (0 for a model built with {@link #of}). */
    public int observations() {
        return observations;
    }

    @Override
    public String name() {
        return "HAR(1,5,22)";
    }

    @Override
    public int minHistory() {
        return MONTH;
    }

    @Override
    public double forecastVariance(double[] returns, int end) {
        VolatilityForecaster.checkHistory(returns, end, MONTH);
        double s = meanSquare(returns, 0, end);
        double h = coefficients.intercept() * s
                + coefficients.daily() * meanSquare(returns, end - DAY, end)
                + coefficients.weekly() * meanSquare(returns, end - WEEK, end)
                + coefficients.monthly() * meanSquare(returns, end - MONTH, end);
        return Math.max(h, Math.max(FLOOR_FRACTION * s, MIN_VARIANCE));
    }

    private static double meanSquare(double[] r, int from, int to) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += r[t] * r[t];
        }
        return sum / (to - from);
    }

    @Override
    public String toString() {
        return "HarForecaster[" + coefficients + ", " + observations + " observations]";
    }
}
