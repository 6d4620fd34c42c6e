package io.riskgrid.ml.forecast;

/**
 * Forecasts the variance of an instrument's next daily simple return from the returns before it.
 * <p>
 * <b>No look-ahead.</b> {@link #forecastVariance(double[], int)} forecasts day {@code end} from days
 * {@code [0, end)} only. Implementations must not read {@code returns[end]} or anything after it;
 * {@link ForecastEvaluation} enforces this by handing a forecaster a copy of the history that stops
 * at {@code end}, so a forecaster that peeks fails with an {@link ArrayIndexOutOfBoundsException}
 * instead of scoring well. Forecasting tomorrow is {@code forecastVariance(history, history.length)}.
 * <p>
 * Variances are of the return itself with mean taken as zero (the RiskMetrics convention): at a
 * daily horizon the mean return is two orders of magnitude smaller than its volatility, and
 * estimating it adds more noise than it removes. The forecast volatility is the square root.
 * <p>
 * Implementations are immutable and thread-safe.
 */
public interface VolatilityForecaster {

    /** A short name for reports, such as {@code "EWMA(0.94)"}. */
    String name();

    /** The fewest past returns the forecaster needs: {@code end} must be at least this. */
    int minHistory();

    /**
     * The forecast variance of {@code returns[end]}, from {@code returns[0..end-1]} only; always
     * positive and finite.
     *
     * @param returns daily simple returns, oldest first; may be longer than {@code end}
     * @param end     the day to forecast, in {@code [minHistory(), returns.length]}
     * @throws IllegalArgumentException if {@code end} is out of range or a return it reads is not finite
     */
    double forecastVariance(double[] returns, int end);

    /** Checks the arguments of {@link #forecastVariance(double[], int)} for a forecaster needing {@code minHistory} days. */
    static void checkHistory(double[] returns, int end, int minHistory) {
        if (returns == null) {
            throw new IllegalArgumentException("returns is required");
        }
        if (end < minHistory || end > returns.length) {
            throw new IllegalArgumentException("end must be in [" + minHistory + ", " + returns.length
                    + "] (at least " + minHistory + " days of history), was " + end);
        }
        for (int t = 0; t < end; t++) {
            if (!Double.isFinite(returns[t])) {
                throw new IllegalArgumentException("returns[" + t + "] must be a finite number, was " + returns[t]);
            }
        }
    }
}
